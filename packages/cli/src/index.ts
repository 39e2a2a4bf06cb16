/**
 * `@cskit/cli`: the `cskit` command, also callable from code (`run(argv, io)`), for example to produce a
 * report inside a build script or to test the command without spawning a process.
 *
 * @packageDocumentation
 */
export { run } from './run.js';
export type { CliIo, CliOutput } from './cli-io.js';
