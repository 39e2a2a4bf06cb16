#!/usr/bin/env node
import { run } from './run.js';

// A reader that stops early (`cskit health | head`) closes the pipe; that is not an error of ours, and
// the unhandled 'error' event would otherwise print a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

// exitCode, not exit(): stdout may still be flushing a large report into a pipe.
process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
