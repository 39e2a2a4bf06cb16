import { parseArgs, type ParseArgsConfig } from 'node:util';
import { assertTimeZone, isCurrencyCode } from '@cskit/core';
import { UsageError } from './usage-error.js';

/** The output formats of the commands. */
export const OUTPUT_FORMATS = ['json', 'table', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The CSV inputs a command can name, each as `--<option> <file>`. */
export type InputOption = 'subscriptions' | 'customers' | 'fx' | 'nps' | 'tickets' | 'usage' | 'csat';

/** What every command reads and how: the files, the sample, and the options of core's readers. */
export interface InputArguments extends Partial<Readonly<Record<InputOption, string>>> {
  readonly sample: boolean;
  /** ISO 4217 code, upper case (given in any case). */
  readonly currency?: string;
  /** IANA time zone. Default `UTC`. */
  readonly timeZone: string;
  readonly onError: 'throw' | 'skip';
}

/** What every command prints: its help, or the result in a format. */
export interface OutputArguments {
  readonly help: boolean;
  /** Undefined: table on a terminal, JSON otherwise. */
  readonly format?: OutputFormat;
}

/** A `parseArgs` options configuration. */
type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** The values `parseArgs` returns for `O` (options given once each: none of ours is `multiple`). */
export type OptionValues<O extends OptionsConfig> = {
  readonly [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string;
};

/** Options every command takes (`parseArgs` configuration); each command adds its own. */
export const COMMON_OPTIONS = {
  subscriptions: { type: 'string' },
  customers: { type: 'string' },
  nps: { type: 'string' },
  tickets: { type: 'string' },
  fx: { type: 'string' },
  currency: { type: 'string' },
  'time-zone': { type: 'string' },
  format: { type: 'string' },
  'on-error': { type: 'string' },
  sample: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionsConfig;

/** The values of {@link COMMON_OPTIONS} (and `--usage`), as `parseArgs` returns them. */
type CommonValues = Partial<Record<InputOption | 'currency' | 'time-zone' | 'format' | 'on-error', string>> & {
  readonly sample?: boolean;
  readonly help?: boolean;
};

/**
 * Splits a command line by `options` (no positional arguments).
 *
 * @throws UsageError naming an unknown option, an unexpected argument, or a value missing or given to a flag.
 */
export function parseCommandLine<const O extends OptionsConfig>(argv: readonly string[], options: O): OptionValues<O> {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as OptionValues<O>;
  } catch (error) {
    throw new UsageError(parseArgsProblem(error));
  }
}

/**
 * Checks the input files named (`files`: the options this command reads, in the order a problem is
 * reported): no empty path, `--sample` alone, `--subscriptions` unless `--sample`.
 *
 * @throws UsageError naming the first problem.
 */
export function checkInputFiles(values: CommonValues, files: readonly InputOption[]): void {
  const given = files.filter((k) => values[k] !== undefined);
  for (const file of given) {
    if (values[file] === '') throw new UsageError(`--${file} needs a file path`);
  }
  if (values.sample === true && given.length > 0) {
    throw new UsageError(`--sample reads the built-in sample company: it cannot be combined with --${given[0]}`);
  }
  if (values.sample !== true && values.subscriptions === undefined) {
    throw new UsageError('missing --subscriptions <file.csv> (or --sample for the built-in sample company)');
  }
}

/**
 * Checks `--currency`, `--time-zone`, `--format` and `--on-error`, and returns what every command needs.
 *
 * @throws UsageError naming the first malformed value.
 */
export function checkCommonOptions(
  values: CommonValues,
  files: readonly InputOption[],
): InputArguments & OutputArguments {
  const currency = values.currency?.toUpperCase();
  if (currency !== undefined && !isCurrencyCode(currency)) {
    throw new UsageError(`--currency must be an ISO 4217 code such as USD, got "${values.currency}"`);
  }
  const timeZone = values['time-zone'] ?? 'UTC';
  if (!isTimeZone(timeZone)) {
    throw new UsageError(`--time-zone must be an IANA time zone such as UTC or Europe/Berlin, got "${timeZone}"`);
  }
  const format = values.format;
  if (format !== undefined && !isOneOf(OUTPUT_FORMATS, format)) {
    throw new UsageError(`--format must be json, table or csv, got "${format}"`);
  }
  const onError = checkChoice('on-error', ['throw', 'skip'] as const, values['on-error']) ?? 'throw';
  const paths: Partial<Record<InputOption, string>> = {};
  for (const file of files) {
    const path = values[file];
    if (path !== undefined) paths[file] = path;
  }
  return { help: values.help === true, sample: values.sample === true, ...paths, currency, timeZone, format, onError };
}

/**
 * Checks the value of `--<flag>` against its choices.
 *
 * @returns the value, or `undefined` when the option is not given.
 * @throws UsageError listing the choices.
 */
export function checkChoice<T extends string>(
  flag: string,
  choices: readonly T[],
  value: string | undefined,
): T | undefined {
  if (value === undefined || isOneOf(choices, value)) return value;
  const listed =
    choices.length === 2 ? choices.join(' or ') : `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
  throw new UsageError(`--${flag} must be ${listed}, got "${value}"`);
}

function isOneOf<T extends string>(choices: readonly T[], value: string): value is T {
  return (choices as readonly string[]).includes(value);
}

function isTimeZone(name: string): boolean {
  try {
    assertTimeZone(name);
    return true;
  } catch {
    return false;
  }
}

/** parseArgs' messages carry advice for scripts (`'--' to pass…`); ours name the option plainly. */
function parseArgsProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^' ]+)/.exec(message)?.[1] ?? '';
  switch ((error as { code?: string }).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted}"`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take an argument') ? `${quoted} takes no value` : `${quoted} needs a value`;
    default:
      return message;
  }
}
