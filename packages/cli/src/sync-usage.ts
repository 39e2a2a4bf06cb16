import type { CliIo } from './cli-io.js';

/** Prints a usage error of `cskit sync` and returns its exit status, 2. */
export function usage(io: CliIo, message: string): number {
  io.stderr.write(`cskit sync: ${message}\nRun 'cskit sync --help' for usage.\n`);
  return 2;
}
