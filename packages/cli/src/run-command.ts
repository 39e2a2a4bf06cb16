import { formatIssue, MissingFxRateError, type ValidationIssue } from '@cskit/core';
import type { CliIo } from './cli-io.js';
import type { InputOption, OutputArguments, OutputFormat } from './command-arguments.js';
import { InputError } from './input-error.js';
import { UsageError } from './usage-error.js';

/** What a command read: its data, the records left out (`--on-error skip`) and the inputs that were invalid. */
export interface CommandInputs {
  readonly skipped: readonly ValidationIssue[];
  readonly invalid: readonly Error[];
  /** The name each input's issues use, by option (`subscriptions` → `subs.csv`). */
  readonly sources?: Readonly<Partial<Record<InputOption, string>>>;
}

/**
 * A missing FX rate names the row of the subscription line that needs it; the core does not know the
 * file, the command does: `subs.csv row 3 (line_id "L2"): No FX rate for EUR …` (metrics.md §11).
 */
function withFileName(error: MissingFxRateError, sources: CommandInputs['sources']): MissingFxRateError {
  const source = error.record?.kind === 'subscription line' ? sources?.subscriptions : undefined;
  return source === undefined || error.record?.source !== undefined ? error : error.inSource(source);
}

/** One `cskit` command, as {@link runCommand} runs it. */
export interface Command<Args extends OutputArguments, Inputs extends CommandInputs, Result> {
  /** `report`, `health`: the prefix of usage errors. */
  readonly name: string;
  readonly help: string;
  /** @throws UsageError */
  parse(argv: readonly string[]): Args;
  /** @throws UsageError when a file cannot be opened. */
  read(args: Args): Promise<Inputs>;
  /** @throws what the core throws; see {@link runCommand} for the exit status of each. */
  compute(inputs: Inputs, args: Args): Result;
  render(result: Result, format: OutputFormat): string;
}

/**
 * Runs a command: parses its arguments, prints its help or reads its inputs, prints the problems of the
 * inputs, computes and prints the result (`--format`, else a table on a terminal and JSON otherwise).
 *
 * @returns the exit status: 0 printed, 1 invalid input (each problem on its own stderr line, `error: …`;
 *   records left out with `--on-error skip` as `skipped: …`), 2 bad usage (`cskit <name>: …`).
 */
export async function runCommand<Args extends OutputArguments, Inputs extends CommandInputs, Result>(
  command: Command<Args, Inputs, Result>,
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const usageFailure = (error: unknown): number => {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`cskit ${command.name}: ${error.message}\nRun 'cskit ${command.name} --help' for usage.\n`);
    return 2;
  };
  const inputFailure = (errors: readonly Error[]): number => {
    for (const error of errors) {
      for (const line of error.message.split('\n')) io.stderr.write(`error: ${line}\n`);
    }
    return 1;
  };

  let args: Args;
  try {
    args = command.parse(argv);
  } catch (error) {
    return usageFailure(error);
  }
  if (args.help) {
    io.stdout.write(command.help);
    return 0;
  }

  let inputs: Inputs;
  try {
    inputs = await command.read(args);
  } catch (error) {
    return usageFailure(error);
  }
  for (const issue of inputs.skipped) io.stderr.write(`skipped: ${formatIssue(issue)}\n`);
  if (inputs.invalid.length > 0) return inputFailure(inputs.invalid);

  let result: Result;
  try {
    result = command.compute(inputs, args);
  } catch (error) {
    // A missing rate is a problem of the fx file; anything else the core rejects here (several
    // currencies and no way to pick one, an empty input) is fixed on the command line.
    if (error instanceof MissingFxRateError) return inputFailure([withFileName(error, inputs.sources)]);
    if (error instanceof InputError) return inputFailure([error]);
    if (error instanceof UsageError) return usageFailure(error);
    // Plain errors and RangeErrors are the core's refusals; a TypeError would be a bug, and is thrown.
    if (error instanceof RangeError || (error instanceof Error && error.constructor === Error)) {
      return usageFailure(new UsageError(error.message));
    }
    throw error;
  }
  io.stdout.write(command.render(result, args.format ?? (io.stdout.isTTY === true ? 'table' : 'json')));
  return 0;
}
