/** Where the CLI writes: `process.stdout` and `process.stderr`, or any object with a `write` method. */
export interface CliOutput {
  write(text: string): unknown;
  /** True when the output is a terminal: `cskit report` then prints a table instead of JSON. */
  readonly isTTY?: boolean;
}

/** The streams {@link run} writes to, and the environment it reads secrets from. */
export interface CliIo {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  /**
   * Environment variables (`cskit sync` reads its API keys here, never from flags). Default: none, so
   * code that calls {@link run} passes `process.env` on purpose.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}
