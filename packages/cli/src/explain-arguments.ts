import { parseMonth, type ExplainedMovement, type ExplainedRate } from '@cskit/core';
import {
  checkChoice,
  checkCommonOptions,
  checkInputFiles,
  COMMON_OPTIONS,
  parseCommandLine,
  type InputArguments,
  type OutputArguments,
} from './command-arguments.js';
import { REPORT_FILES } from './report-arguments.js';
import { UsageError } from './usage-error.js';

/** The movements `cskit explain --movement` takes: the report's five, and the two parts of expansion. */
export const EXPLAINED_MOVEMENTS: readonly ExplainedMovement[] = [
  'new',
  'expansion',
  'contraction',
  'churn',
  'reactivation',
  'upsell',
  'crossSell',
];

/** The rates `cskit explain --rate` takes, named as in the report JSON. */
export const EXPLAINED_RATES: readonly ExplainedRate[] = [
  'logoChurnRate',
  'grossMrrChurnRate',
  'netMrrChurnRate',
  'grr',
  'nrr',
  'quickRatio',
];

/** What `cskit explain` takes apart: one movement, or one rate. */
export type ExplainTarget =
  | { readonly kind: 'movement'; readonly movement: ExplainedMovement }
  | { readonly kind: 'rate'; readonly rate: ExplainedRate };

/** The command line of `cskit explain`, checked. Reads the same inputs as `cskit report`. */
export interface ExplainArguments extends InputArguments, OutputArguments {
  /** `YYYY-MM`; undefined only with `--help`. */
  readonly month?: string;
  readonly target?: ExplainTarget;
}

const OPTIONS = {
  ...COMMON_OPTIONS,
  month: { type: 'string' },
  movement: { type: 'string' },
  rate: { type: 'string' },
} as const;

/**
 * Reads the arguments after `cskit explain`.
 *
 * @throws UsageError naming the first problem: an unknown option, a value missing or malformed, no
 *   `--month`, neither or both of `--movement` and `--rate`, or the input problems of `cskit report`.
 */
export function parseExplainArguments(argv: readonly string[]): ExplainArguments {
  const values = parseCommandLine(argv, OPTIONS);
  if (values.help === true) return { help: true, sample: values.sample === true, timeZone: 'UTC', onError: 'throw' };

  checkInputFiles(values, REPORT_FILES);
  if (values.month === undefined) throw new UsageError('missing --month <YYYY-MM>');
  if (parseMonth(values.month) === undefined) {
    throw new UsageError(`--month must be a month as YYYY-MM, got "${values.month}"`);
  }
  const movement = checkChoice('movement', EXPLAINED_MOVEMENTS, values.movement);
  const rate = checkChoice('rate', EXPLAINED_RATES, values.rate);
  if (movement !== undefined && rate !== undefined) {
    throw new UsageError('--movement and --rate cannot be combined: explain one number at a time');
  }
  const target: ExplainTarget | undefined =
    movement !== undefined ? { kind: 'movement', movement } : rate !== undefined ? { kind: 'rate', rate } : undefined;
  if (target === undefined) throw new UsageError('missing --movement <kind> or --rate <name>');
  return { ...checkCommonOptions(values, REPORT_FILES), month: values.month, target };
}
