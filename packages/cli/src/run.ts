import { createRequire } from 'node:module';
import type { CliIo } from './cli-io.js';
import { runExplain } from './explain-command.js';
import { runHealth } from './health-command.js';
import { runMerge } from './merge-command.js';
import { MAIN_HELP } from './help-text.js';
import { runEngineReport } from './engine-report-command.js';
import { runReport } from './report-command.js';
import { runSql } from './sql-command.js';
import { runSync } from './sync-command.js';

/**
 * Runs the `cskit` command line (the arguments after `cskit`), writing to `io` instead of the process
 * streams, and resolves to the exit status: 0 success, 1 invalid input, 2 bad usage. It never calls
 * `process.exit`, so it can run inside tests and other programs.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'report':
      // --engine runs the report inside a database (docs/warehouse.md) instead of reading files.
      return rest.includes('--engine') ? runEngineReport(rest, io) : runReport(rest, io);
    case 'sql':
      return runSql(rest, io);
    case 'health':
      return runHealth(rest, io);
    case 'sync':
      return runSync(rest, io);
    case 'explain':
      return runExplain(rest, io);
    case 'merge':
      return runMerge(rest, io);
    case '-h':
    case '--help':
    case 'help':
      io.stdout.write(MAIN_HELP);
      return 0;
    case '-v':
    case '--version':
      io.stdout.write(`${version()}\n`);
      return 0;
    case undefined:
      io.stderr.write(MAIN_HELP);
      return 2;
    default:
      io.stderr.write(`cskit: unknown command "${command}"\nRun 'cskit --help' for usage.\n`);
      return 2;
  }
}

/** The package's version, from its package.json (one level above both src/ and dist/). */
function version(): string {
  const manifest = createRequire(import.meta.url)('../package.json') as { version: string };
  return manifest.version;
}
