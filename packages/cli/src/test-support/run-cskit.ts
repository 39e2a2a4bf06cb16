import { run } from '../run.js';

/** What an in-process run of `cskit` printed and returned. */
export interface CskitOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment and terminals of {@link runCskit}; by default no variables, and pipes, not terminals. */
export interface RunCskitOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly stdoutIsTTY?: boolean;
  readonly stderrIsTTY?: boolean;
}

/**
 * Runs `cskit argv` in this process ({@link run}) and collects its output, for tests.
 *
 * Test support only: not built into `dist`.
 */
export async function runCskit(argv: readonly string[], options: RunCskitOptions = {}): Promise<CskitOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.stdoutIsTTY ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.stderrIsTTY ?? false },
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}
