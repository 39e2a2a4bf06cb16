import { parseDate } from '@cskit/core';
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

/** The command line of `cskit health`, checked. Paths are as given (relative to the working directory). */
export interface HealthArguments extends InputArguments, OutputArguments {
  /** `YYYY-MM-DD`. */
  readonly asOf?: string;
  /** Path of a health model JSON file (metrics.md §6). */
  readonly model?: string;
  /** First-response targets in minutes per ticket priority, for the default model's SLA factor. */
  readonly slaTargets?: Readonly<Record<string, number>>;
  /** Path of a segment rules JSON file (core's `segmentRulesFromJson`). */
  readonly segments?: string;
}

/** The files `cskit health` reads: the default model scores usage too, so `--usage` joins report's files. */
export const HEALTH_FILES: readonly InputOption[] = ['subscriptions', 'customers', 'usage', 'nps', 'tickets', 'fx'];

const OPTIONS = {
  ...COMMON_OPTIONS,
  usage: { type: 'string' },
  'as-of': { type: 'string' },
  model: { type: 'string' },
  'sla-targets': { type: 'string' },
  segments: { type: 'string' },
} as const;

/** `urgent=60,high=240` → `{ urgent: 60, high: 240 }`: minutes per priority, each a positive number. */
function parseSlaTargets(text: string): Record<string, number> {
  // No prototype: a priority may be called anything, `constructor` included.
  const targets = Object.create(null) as Record<string, number>;
  for (const pair of text.split(',')) {
    const match = /^\s*([^=\s]+)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(pair);
    const minutes = Number(match?.[2]);
    if (!match?.[1] || !(minutes > 0)) {
      throw new UsageError(
        `--sla-targets must be priority=minutes pairs separated by commas, e.g. urgent=60,high=240; got "${text}"`,
      );
    }
    if (Object.hasOwn(targets, match[1])) throw new UsageError(`--sla-targets names priority "${match[1]}" twice`);
    targets[match[1]] = minutes;
  }
  return targets;
}

/**
 * Reads the arguments after `cskit health`.
 *
 * @throws UsageError naming the first problem: an unknown option, a value missing or malformed, or a
 *   combination that makes no sense (`--sample` with input files).
 */
export function parseHealthArguments(argv: readonly string[]): HealthArguments {
  const values = parseCommandLine(argv, OPTIONS);
  if (values.help === true) return { help: true, sample: values.sample === true, timeZone: 'UTC', onError: 'throw' };

  checkInputFiles(values, HEALTH_FILES);
  const asOf = values['as-of'];
  if (asOf !== undefined && parseDate(asOf) === undefined) {
    throw new UsageError(`--as-of must be a date as YYYY-MM-DD, got "${asOf}"`);
  }
  if (values.model === '') throw new UsageError('--model needs a file path');
  if (values.segments === '') throw new UsageError('--segments needs a file path');
  const slaText = values['sla-targets'];
  if (slaText !== undefined && values.model !== undefined) {
    throw new UsageError('--sla-targets sets the default model; with --model, give slaTargets in the model file');
  }
  const slaTargets = slaText === undefined ? undefined : parseSlaTargets(slaText);
  return {
    ...checkCommonOptions(values, HEALTH_FILES),
    ...(asOf === undefined ? {} : { asOf }),
    ...(values.model === undefined ? {} : { model: values.model }),
    ...(slaTargets === undefined ? {} : { slaTargets }),
    ...(values.segments === undefined ? {} : { segments: values.segments }),
  };
}
