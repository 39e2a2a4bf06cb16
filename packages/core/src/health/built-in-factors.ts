import { quoteValue } from '../validation/quote-value.js';
import { customerAttribute } from '../stats/group-by-attribute.js';
import { civilDateOf, dayIndexOf, daysInMonth, type DayIndex } from '../time/calendar-date.js';
import type { HealthBands } from './health-bands.js';
import type { HealthFactor, HealthModel } from './health-model.js';
import { checkHealthModel } from './health-model.js';
import type { HealthScale } from './health-scale.js';
import type { HealthSubject } from './customer-data.js';

/**
 * The raw values a model file can use (metrics.md §6). Each reads only data dated on or before `asOf`;
 * windows of days end with `asOf`, included.
 *
 * | metric | raw value | missing when |
 * |---|---|---|
 * | `nps` | score 0–10 of the customer's latest answer (of two on one date, the later row) | no answer (older than `maxAgeDays`, when set) |
 * | `seatUtilisation` | distinct users with a usage event in `windowDays` (30) ÷ seats on `asOf` | no usage source, or 0 seats |
 * | `ticketVolume` | tickets created in `windowDays` (90) | no tickets source |
 * | `slaBreachRate` | tickets breaching their first-response target ÷ tickets with a target, created in `windowDays` (90) | no tickets source, no `slaTargets`, or no ticket with a target |
 * | `mrrChange` | (MRR on `asOf` − MRR `months` (3) months earlier) ÷ the earlier MRR | no MRR then (a customer younger than the window) |
 * | `daysSinceLastUsage` | `asOf` − day of the latest usage event; never used: `asOf` − first active day | no usage source |
 * | `usageEvents` | usage events (named `event`, or all) in `windowDays` (30) | no usage source |
 * | `attribute` | the customer attribute `attribute` read as a number | no such attribute, or not a number |
 */
export type HealthMetric =
  | 'nps'
  | 'seatUtilisation'
  | 'ticketVolume'
  | 'slaBreachRate'
  | 'mrrChange'
  | 'daysSinceLastUsage'
  | 'usageEvents'
  | 'attribute';

/** One factor of a model file: a built-in metric, its parameters, weight and scale. */
export interface HealthFactorJson {
  readonly key: string;
  readonly label?: string | undefined;
  readonly weight: number;
  readonly metric: HealthMetric;
  readonly scale: HealthScale;
  /** Days in the window (metrics with a window; defaults in {@link HealthMetric}). */
  readonly windowDays?: number | undefined;
  /** `mrrChange`: months back (default 3). */
  readonly months?: number | undefined;
  /** `slaBreachRate`: minutes to first response allowed per priority, e.g. `{ "urgent": 60 }`. */
  readonly slaTargets?: Readonly<Record<string, number>> | undefined;
  /** `nps`: answers older than this many days are ignored (default: none are). */
  readonly maxAgeDays?: number | undefined;
  /** `usageEvents`: count only events with this name. */
  readonly event?: string | undefined;
  /** `attribute`: the customer attribute to read. */
  readonly attribute?: string | undefined;
}

/** A health model as JSON (`cskit health --model model.json`). */
export interface HealthModelJson {
  readonly factors: readonly HealthFactorJson[];
  readonly bands?: HealthBands | undefined;
}

const METRICS: readonly HealthMetric[] = [
  'nps',
  'seatUtilisation',
  'ticketVolume',
  'slaBreachRate',
  'mrrChange',
  'daysSinceLastUsage',
  'usageEvents',
  'attribute',
];

/** Parameters each metric accepts (beyond key, label, weight, metric, scale). */
const PARAMETERS: Readonly<Record<HealthMetric, readonly string[]>> = {
  nps: ['maxAgeDays'],
  seatUtilisation: ['windowDays'],
  ticketVolume: ['windowDays'],
  slaBreachRate: ['windowDays', 'slaTargets'],
  mrrChange: ['months'],
  daysSinceLastUsage: [],
  usageEvents: ['windowDays', 'event'],
  attribute: ['attribute'],
};

const DEFAULT_WINDOW: Readonly<Partial<Record<HealthMetric, number>>> = {
  seatUtilisation: 30,
  ticketVolume: 90,
  slaBreachRate: 90,
  usageEvents: 30,
};

/**
 * The same day `months` months before `day`; from the last day of a month, the last day of the
 * earlier month (so month-end `asOf` compares month-end snapshots: 2024-06-30 → 2024-03-31), and a
 * day the earlier month lacks becomes its last day (2024-05-30 − 3 months → 2024-02-29).
 */
export function sameDayMonthsBefore(day: DayIndex, months: number): DayIndex {
  const { year, month, day: dayOfMonth } = civilDateOf(day);
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const last = daysInMonth(targetYear, targetMonth);
  const isMonthEnd = dayOfMonth === daysInMonth(year, month);
  return dayIndexOf(targetYear, targetMonth, isMonthEnd ? last : Math.min(dayOfMonth, last));
}

function positiveInteger(value: unknown, where: string, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${where}: ${name} must be a positive integer, got ${quoteValue(value)}`);
  }
  return value;
}

function valueOf(factor: HealthFactorJson, where: string): HealthFactor['value'] {
  const windowDays = positiveInteger(factor.windowDays, where, 'windowDays', DEFAULT_WINDOW[factor.metric] ?? 1);
  const span = windowDays - 1;
  switch (factor.metric) {
    case 'nps': {
      const maxAge =
        factor.maxAgeDays === undefined ? undefined : positiveInteger(factor.maxAgeDays, where, 'maxAgeDays', 1);
      return (subject, asOf) => {
        const answer = subject.latestNps(asOf);
        if (answer === undefined || (maxAge !== undefined && asOf - answer.day >= maxAge)) return undefined;
        return answer.score;
      };
    }
    case 'seatUtilisation':
      return (subject, asOf) => {
        if (!subject.sources.usage) return undefined;
        const seats = subject.seatsOn(asOf);
        return seats > 0 ? subject.activeUsers(asOf - span, asOf) / seats : undefined;
      };
    case 'ticketVolume':
      return (subject, asOf) => (subject.sources.tickets ? subject.ticketCount(asOf - span, asOf) : undefined);
    case 'slaBreachRate': {
      const targets = factor.slaTargets;
      if (targets !== undefined) {
        if (typeof targets !== 'object' || targets === null || Array.isArray(targets))
          throw new RangeError(`${where}: slaTargets must be an object of minutes per priority`);
        for (const [priority, minutes] of Object.entries(targets)) {
          if (!(typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0)) {
            throw new RangeError(
              `${where}: SLA target of priority ${quoteValue(priority)} must be a non-negative number of minutes, got ${quoteValue(minutes)}`,
            );
          }
        }
      }
      return (subject, asOf) => {
        if (!subject.sources.tickets || targets === undefined) return undefined;
        const counts = subject.slaCounts(asOf - span, asOf, targets);
        return counts.withTarget > 0 ? counts.breached / counts.withTarget : undefined;
      };
    }
    case 'mrrChange': {
      const months = positiveInteger(factor.months, where, 'months', 3);
      return (subject, asOf) => {
        const before = subject.mrrOn(sameDayMonthsBefore(asOf, months));
        return before > 0 ? (subject.mrrOn(asOf) - before) / before : undefined;
      };
    }
    case 'daysSinceLastUsage':
      return (subject, asOf) => {
        if (!subject.sources.usage) return undefined;
        const last = subject.lastUsageDay(asOf);
        if (last !== undefined) return asOf - last;
        // Never used: as long ago as the customer has been one (unknown before it was one).
        const first = subject.firstActiveDay;
        return first !== undefined && first <= asOf ? asOf - first : undefined;
      };
    case 'usageEvents': {
      const event = factor.event;
      if (event !== undefined && typeof event !== 'string') throw new RangeError(`${where}: event must be a string`);
      return (subject, asOf) => (subject.sources.usage ? subject.usage(asOf - span, asOf, event).events : undefined);
    }
    case 'attribute': {
      const attribute = factor.attribute;
      if (typeof attribute !== 'string' || attribute === '')
        throw new RangeError(`${where}: attribute must name a customer attribute`);
      return (subject) => {
        const text = customerAttribute(subject.customer, attribute);
        const number = text === null || text.trim() === '' ? Number.NaN : Number(text);
        return Number.isFinite(number) ? number : undefined;
      };
    }
    default:
      throw new RangeError(
        `${where}: unknown metric ${quoteValue(factor.metric)} (expected one of ${METRICS.join(', ')})`,
      );
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Builds a {@link HealthModel} from its JSON form (a parsed `model.json`), checking everything: an
 * unknown metric, a parameter the metric does not take (a typo must not be silently ignored), bad
 * weights, scales or bands are errors naming the factor.
 *
 * @throws RangeError describing the first problem.
 */
export function healthModelFromJson(json: unknown): HealthModel<HealthSubject> {
  if (!isObject(json) || !Array.isArray(json.factors))
    throw new RangeError('A health model must be an object with a factors array');
  for (const key of Object.keys(json)) {
    if (key !== 'factors' && key !== 'bands' && key !== 'version')
      throw new RangeError(`Unknown health model property ${quoteValue(key)}`);
  }
  const factors = (json.factors as unknown[]).map((entry, i): HealthFactor<HealthSubject> => {
    if (!isObject(entry)) throw new RangeError(`Health factor ${i} is not an object`);
    const factor = entry as unknown as HealthFactorJson;
    const where = `Health factor ${i} (${quoteValue(String(factor.key))})`;
    if (typeof factor.key !== 'string') throw new RangeError(`${where}: key must be a string`);
    if (factor.label !== undefined && typeof factor.label !== 'string')
      throw new RangeError(`${where}: label must be a string`);
    if (!METRICS.includes(factor.metric)) {
      throw new RangeError(
        `${where}: unknown metric ${quoteValue(factor.metric)} (expected one of ${METRICS.join(', ')})`,
      );
    }
    const allowed = new Set(['key', 'label', 'weight', 'metric', 'scale', ...PARAMETERS[factor.metric]]);
    for (const property of Object.keys(entry)) {
      if (!allowed.has(property))
        throw new RangeError(`${where}: metric ${factor.metric} takes no ${quoteValue(property)}`);
    }
    if (!isObject(factor.scale)) throw new RangeError(`${where}: scale must be an object`);
    return {
      key: factor.key,
      label: factor.label ?? factor.key,
      weight: factor.weight,
      value: valueOf(factor, where),
      scale: factor.scale,
    };
  });
  const model: HealthModel<HealthSubject> = { factors, bands: json.bands as HealthBands | undefined };
  checkHealthModel(model);
  return model;
}

/**
 * The default model of metrics.md §6 as JSON: the template for a `model.json`. Weights add up to 1.
 * Reasons for each scale and weight are in docs/health.md. `slaBreachRate` has no targets here, so it
 * is missing until {@link defaultHealthModel} is given `slaTargets`.
 */
export const DEFAULT_HEALTH_MODEL_JSON: HealthModelJson = {
  factors: [
    {
      key: 'nps',
      label: 'NPS',
      weight: 0.25,
      metric: 'nps',
      // The NPS categories: detractors 0–6, passives 7–8, promoters 9–10.
      scale: {
        kind: 'bands',
        bands: [
          { upTo: 6, score: 0 },
          { upTo: 8, score: 50 },
          { upTo: 10, score: 100 },
        ],
      },
    },
    {
      key: 'seatUtilisation',
      label: 'Seat utilisation',
      weight: 0.2,
      metric: 'seatUtilisation',
      windowDays: 30,
      scale: { kind: 'linear', min: 0, max: 0.8 },
    },
    {
      key: 'daysSinceLastUsage',
      label: 'Days since last use',
      weight: 0.15,
      metric: 'daysSinceLastUsage',
      scale: {
        kind: 'bands',
        bands: [
          { upTo: 7, score: 100 },
          { upTo: 14, score: 75 },
          { upTo: 30, score: 50 },
          { upTo: 60, score: 25 },
          { upTo: 90, score: 0 },
        ],
      },
    },
    {
      key: 'mrrChange',
      label: 'MRR change (3 months)',
      weight: 0.2,
      metric: 'mrrChange',
      months: 3,
      scale: { kind: 'linear', min: -0.3, max: 0.1 },
    },
    {
      key: 'ticketVolume',
      label: 'Tickets (90 days)',
      weight: 0.1,
      metric: 'ticketVolume',
      windowDays: 90,
      scale: { kind: 'linear', min: 2, max: 12, invert: true },
    },
    {
      key: 'slaBreachRate',
      label: 'SLA breaches (90 days)',
      weight: 0.1,
      metric: 'slaBreachRate',
      windowDays: 90,
      scale: { kind: 'linear', min: 0, max: 0.5, invert: true },
    },
  ],
};

/** Options of {@link defaultHealthModel}. */
export interface DefaultHealthModelOptions {
  /** First-response targets in minutes per priority (`{ urgent: 60, high: 240 }`) for the SLA factor. */
  slaTargets?: Readonly<Record<string, number>> | undefined;
  /** Weights to change, by factor key (`{ nps: 0.4 }`); a weight of 0 switches a factor off. */
  weights?: Readonly<Record<string, number>> | undefined;
  bands?: HealthBands | undefined;
}

/**
 * The default health model of metrics.md §6: NPS of the latest answer, seat utilisation, days since
 * the last usage event, MRR change over 3 months, tickets and SLA breaches over 90 days
 * ({@link DEFAULT_HEALTH_MODEL_JSON}).
 *
 * @throws RangeError for an unknown key in `weights`, a bad weight, SLA target or bands.
 */
export function defaultHealthModel(options: DefaultHealthModelOptions = {}): HealthModel<HealthSubject> {
  const weights = options.weights ?? {};
  const keys = new Set(DEFAULT_HEALTH_MODEL_JSON.factors.map((factor) => factor.key));
  for (const key of Object.keys(weights)) {
    if (!keys.has(key))
      throw new RangeError(
        `The default health model has no factor ${quoteValue(key)} (factors: ${[...keys].join(', ')})`,
      );
  }
  return healthModelFromJson({
    factors: DEFAULT_HEALTH_MODEL_JSON.factors.map((factor) => ({
      ...factor,
      weight: Object.hasOwn(weights, factor.key) ? weights[factor.key] : factor.weight,
      ...(factor.metric === 'slaBreachRate' && options.slaTargets !== undefined
        ? { slaTargets: options.slaTargets }
        : {}),
    })),
    ...(options.bands === undefined ? {} : { bands: options.bands }),
  });
}
