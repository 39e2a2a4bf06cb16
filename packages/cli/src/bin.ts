#!/usr/bin/env node
import { run } from './run.js';

// exitCode, not exit(): stdout may still be flushing a large report into a pipe.
process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
