import { parseArgs } from 'node:util';
import { assertTimeZone, isCurrencyCode, parseMonth } from '@cskit/core';
import { UsageError } from './usage-error.js';

/** The output formats of `cskit report`. */
export const REPORT_FORMATS = ['json', 'table', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The command line of `cskit report`, checked. Paths are as given (relative to the working directory). */
export interface ReportArguments {
  readonly help: boolean;
  readonly sample: boolean;
  readonly subscriptions?: string;
  readonly customers?: string;
  readonly nps?: string;
  readonly tickets?: string;
  readonly fx?: string;
  /** `YYYY-MM`. */
  readonly from?: string;
  readonly to?: string;
  /** ISO 4217 code, upper case (given in any case). */
  readonly currency?: string;
  /** IANA time zone. Default `UTC`. */
  readonly timeZone: string;
  /** Undefined: table on a terminal, JSON otherwise. */
  readonly format?: ReportFormat;
  readonly onError: 'throw' | 'skip';
}

const OPTIONS = {
  subscriptions: { type: 'string' },
  customers: { type: 'string' },
  nps: { type: 'string' },
  tickets: { type: 'string' },
  fx: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  currency: { type: 'string' },
  'time-zone': { type: 'string' },
  format: { type: 'string' },
  'on-error': { type: 'string' },
  sample: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Reads the arguments after `cskit report`.
 *
 * @throws UsageError naming the first problem: an unknown option, a value missing or malformed, or a
 *   combination that makes no sense (`--sample` with input files, `--from` after `--to`).
 */
export function parseReportArguments(argv: readonly string[]): ReportArguments {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(parseArgsProblem(error));
  }
  const help = values.help === true;
  const sample = values.sample === true;
  if (help) return { help, sample, timeZone: 'UTC', onError: 'throw' };

  const files = (['subscriptions', 'customers', 'nps', 'tickets', 'fx'] as const).filter(
    (k) => values[k] !== undefined,
  );
  for (const file of files) {
    if (values[file] === '') throw new UsageError(`--${file} needs a file path`);
  }
  if (sample && files.length > 0) {
    throw new UsageError(`--sample reads the built-in sample company: it cannot be combined with --${files[0]}`);
  }
  if (!sample && values.subscriptions === undefined) {
    throw new UsageError('missing --subscriptions <file.csv> (or --sample for the built-in sample company)');
  }

  for (const flag of ['from', 'to'] as const) {
    const month = values[flag];
    if (month !== undefined && parseMonth(month) === undefined) {
      throw new UsageError(`--${flag} must be a month as YYYY-MM, got "${month}"`);
    }
  }
  if (values.from !== undefined && values.to !== undefined && values.from > values.to) {
    throw new UsageError(`--from ${values.from} is after --to ${values.to}`);
  }
  const currency = values.currency?.toUpperCase();
  if (currency !== undefined && !isCurrencyCode(currency)) {
    throw new UsageError(`--currency must be an ISO 4217 code such as USD, got "${values.currency}"`);
  }
  const timeZone = values['time-zone'] ?? 'UTC';
  if (!isTimeZone(timeZone)) {
    throw new UsageError(`--time-zone must be an IANA time zone such as UTC or Europe/Berlin, got "${timeZone}"`);
  }
  const format = values.format;
  if (format !== undefined && !isOneOf(REPORT_FORMATS, format)) {
    throw new UsageError(`--format must be json, table or csv, got "${format}"`);
  }
  const onError = values['on-error'] ?? 'throw';
  if (!isOneOf(['throw', 'skip'] as const, onError)) {
    throw new UsageError(`--on-error must be throw or skip, got "${onError}"`);
  }
  return {
    help,
    sample,
    subscriptions: values.subscriptions,
    customers: values.customers,
    nps: values.nps,
    tickets: values.tickets,
    fx: values.fx,
    from: values.from,
    to: values.to,
    currency,
    timeZone,
    format,
    onError,
  };
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
