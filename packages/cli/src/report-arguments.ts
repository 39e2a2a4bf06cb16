import { parseMonth } from '@cskit/core';
import {
  checkCommonOptions,
  checkInputFiles,
  COMMON_OPTIONS,
  parseCommandLine,
  type InputArguments,
  type InputOption,
  type OutputArguments,
} from './command-arguments.js';
import { UsageError } from './usage-error.js';

/** The command line of `cskit report`, checked. Paths are as given (relative to the working directory). */
export interface ReportArguments extends InputArguments, OutputArguments {
  /** `YYYY-MM`. */
  readonly from?: string;
  readonly to?: string;
}

/** The files `cskit report` reads. */
export const REPORT_FILES: readonly InputOption[] = ['subscriptions', 'customers', 'nps', 'tickets', 'csat', 'fx'];

const OPTIONS = {
  ...COMMON_OPTIONS,
  csat: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const;

/**
 * Reads the arguments after `cskit report`.
 *
 * @throws UsageError naming the first problem: an unknown option, a value missing or malformed, or a
 *   combination that makes no sense (`--sample` with input files, `--from` after `--to`).
 */
export function parseReportArguments(argv: readonly string[]): ReportArguments {
  const values = parseCommandLine(argv, OPTIONS);
  if (values.help === true) return { help: true, sample: values.sample === true, timeZone: 'UTC', onError: 'throw' };

  checkInputFiles(values, REPORT_FILES);
  for (const flag of ['from', 'to'] as const) {
    const month = values[flag];
    if (month !== undefined && parseMonth(month) === undefined) {
      throw new UsageError(`--${flag} must be a month as YYYY-MM, got "${month}"`);
    }
  }
  if (values.from !== undefined && values.to !== undefined && values.from > values.to) {
    throw new UsageError(`--from ${values.from} is after --to ${values.to}`);
  }
  return { ...checkCommonOptions(values, REPORT_FILES), from: values.from, to: values.to };
}
