/** Where the CLI writes: `process.stdout` and `process.stderr`, or any object with a `write` method. */
export interface CliOutput {
  write(text: string): unknown;
  /** True when the output is a terminal: `cskit report` then prints a table instead of JSON. */
  readonly isTTY?: boolean;
}

/** The streams {@link run} writes to. */
export interface CliIo {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
}
