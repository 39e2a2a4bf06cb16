import { quoteValue } from '../validation/quote-value.js';
import { formatDate, parseDate, type DayIndex } from '../time/calendar-date.js';
import { withoutFloatNoise } from '../stats/threshold-comparison.js';
import { lastDayOfMonth } from '../time/month.js';
import type { CustomerData, HealthSubject } from './customer-data.js';
import { DEFAULT_HEALTH_BANDS, healthBandOf, type HealthBand, type HealthBands } from './health-bands.js';
import { checkHealthModel, type HealthModel } from './health-model.js';
import { scoreWithCheckedModel, type HealthScore } from './score-health.js';

/** The health of one customer on a day, with its trend. */
export interface CustomerHealth extends HealthScore {
  readonly customerId: string;
  /** The customer record's name, when there is one. */
  readonly name: string | undefined;
  /** MRR on `asOf`, minor units of the reporting currency, unrounded (the weight of MRR-weighted roll-ups). */
  readonly mrr: number;
  /**
   * Health on `asOf` − health `trendDays` (30) days earlier; `null` when either is `null`, or when the
   * customer was not active (no MRR) on the earlier day: a customer that was not one has no health to
   * compare with.
   */
  readonly trend: number | null;
  /** The earlier score the trend compares with (`null` when the customer was not active then). */
  readonly previous: HealthScore | null;
}

/** Options of {@link scoreCustomers} and {@link scoreCustomer}. */
export interface ScoreCustomersOptions {
  /** `YYYY-MM-DD` (default: {@link defaultHealthAsOf}). */
  asOf?: string | undefined;
  /** Days back for `trend` (default 30). */
  trendDays?: number | undefined;
}

/** Customers scored on one day. */
export interface CustomersHealth {
  readonly asOf: string;
  readonly bands: HealthBands;
  /** Every customer active on `asOf` (MRR > 0 that day), sorted by id. */
  readonly customers: readonly CustomerHealth[];
}

/**
 * The default `asOf` of `cskit health` (shared/spec/report.md): the last day of the latest month of any
 * date in the data.
 *
 * @throws RangeError when the data has no date at all.
 */
export function defaultHealthAsOf(data: CustomerData): string {
  if (data.latestMonth === undefined) throw new RangeError('The data has no dates: give asOf');
  return formatDate(lastDayOfMonth(data.latestMonth));
}

function resolveOptions(data: CustomerData, options: ScoreCustomersOptions): { asOf: DayIndex; trendDays: number } {
  const text = options.asOf ?? defaultHealthAsOf(data);
  const asOf = parseDate(text);
  if (asOf === undefined) throw new RangeError(`asOf ${quoteValue(text)} is not a date YYYY-MM-DD`);
  const trendDays = options.trendDays ?? 30;
  if (!Number.isSafeInteger(trendDays) || trendDays < 1)
    throw new RangeError(`trendDays must be a positive integer, got ${trendDays}`);
  return { asOf, trendDays };
}

function scoreSubject(
  model: HealthModel<HealthSubject>,
  subject: HealthSubject,
  asOf: DayIndex,
  trendDays: number,
  mrr: number,
): CustomerHealth {
  const now = scoreWithCheckedModel(model, subject, asOf);
  const earlier = asOf - trendDays;
  const previous = subject.mrrOn(earlier) > 0 ? scoreWithCheckedModel(model, subject, earlier) : null;
  const trend = now.score === null || previous === null || previous.score === null ? null : now.score - previous.score;
  return { customerId: subject.customerId, name: subject.customer?.name, mrr, ...now, trend, previous };
}

/**
 * Scores every customer active on `asOf` (metrics.md §6), each with its factors, missing factors, band
 * and 30-day trend. The data is read once ({@link prepareCustomerData}); scoring is one pass over the
 * customers.
 *
 * @throws RangeError for a bad model or option.
 */
export function scoreCustomers(
  data: CustomerData,
  model: HealthModel<HealthSubject>,
  options: ScoreCustomersOptions = {},
): CustomersHealth {
  checkHealthModel(model);
  const { asOf, trendDays } = resolveOptions(data, options);
  const customers: CustomerHealth[] = [];
  for (const subject of data.subjects) {
    const mrr = subject.mrrOn(asOf);
    if (mrr > 0) customers.push(scoreSubject(model, subject, asOf, trendDays, mrr));
  }
  return { asOf: formatDate(asOf), bands: model.bands ?? DEFAULT_HEALTH_BANDS, customers };
}

/**
 * The health of one customer on `asOf`, whether or not it is active that day (a churned customer's
 * last known health can be looked at; its `mrr` is then 0).
 *
 * @returns `undefined` when the data has no line of this customer.
 * @throws RangeError for a bad model or option.
 */
export function scoreCustomer(
  data: CustomerData,
  model: HealthModel<HealthSubject>,
  customerId: string,
  options: ScoreCustomersOptions = {},
): CustomerHealth | undefined {
  checkHealthModel(model);
  const { asOf, trendDays } = resolveOptions(data, options);
  const subject = data.subject(customerId);
  return subject === undefined ? undefined : scoreSubject(model, subject, asOf, trendDays, subject.mrrOn(asOf));
}

/** How a roll-up averages its customers' scores. */
export type HealthRollUpWeighting = 'mrr' | 'mean';

/** The health of a group of customers. */
export interface HealthRollUp {
  readonly segment: string;
  /** Customers in the group (scored or not). */
  readonly customers: number;
  /** Customers of the group with a score (the others have no factor with a value). */
  readonly scored: number;
  /** Σ MRR of the group on `asOf`, minor units. */
  readonly mrr: number;
  /** The MRR-weighted (default) or plain mean of the scores; `null` when no customer has one (or, MRR-weighted, their MRR is 0). */
  readonly score: number | null;
  readonly band: HealthBand | null;
}

/** Options of {@link healthRollUps}. */
export interface HealthRollUpOptions {
  /** `'mrr'` (default): weighted by MRR on `asOf`, as Totango does; `'mean'`: every customer counts once. */
  weighting?: HealthRollUpWeighting | undefined;
  bands?: HealthBands | undefined;
  /** Segments in this order first (a segmentation's rule order); the rest sorted by name. */
  order?: readonly string[] | undefined;
}

/**
 * Weighted mean of `scores` as `s₀ + Σ wᵢ·(sᵢ − s₀) ÷ Σ wᵢ`: the same number as Σ wᵢ·sᵢ ÷ Σ wᵢ, but a
 * single score (or equal scores) comes back exactly, and the result stays between the extremes.
 */
function weightedMean(scores: readonly number[], weights: readonly number[]): number | null {
  const base = scores[0];
  if (base === undefined) return null;
  let weightSum = 0;
  let offset = 0;
  for (let i = 0; i < scores.length; i++) {
    const w = weights[i] as number;
    weightSum += w;
    offset += w * ((scores[i] as number) - base);
  }
  return weightSum > 0 ? withoutFloatNoise(base + offset / weightSum) : null;
}

/**
 * Rolls customer scores up per segment (metrics.md §6, §7): MRR-weighted by default, so a segment's
 * health says how much revenue is healthy; `weighting: 'mean'` for the plain mean. Customers whose
 * segment is `null` or `undefined` are in no roll-up.
 *
 * Example: scores 80 (MRR 300) and 40 (MRR 100) → MRR-weighted (300·80 + 100·40) ÷ 400 = 70, green;
 * plain mean 60, yellow.
 */
export function healthRollUps(
  customers: readonly CustomerHealth[],
  segmentOf: (customer: CustomerHealth) => string | null | undefined,
  options: HealthRollUpOptions = {},
): HealthRollUp[] {
  const weighting = options.weighting ?? 'mrr';
  if (weighting !== 'mrr' && weighting !== 'mean')
    throw new RangeError(`Unknown roll-up weighting ${quoteValue(String(weighting))} (expected 'mrr' or 'mean')`);
  const bands = options.bands ?? DEFAULT_HEALTH_BANDS;
  const groups = new Map<string, CustomerHealth[]>();
  for (const customer of customers) {
    const segment = segmentOf(customer);
    if (segment === null || segment === undefined) continue;
    let group = groups.get(segment);
    if (group === undefined) groups.set(segment, (group = []));
    group.push(customer);
  }
  const rank = new Map((options.order ?? []).map((segment, i) => [segment, i]));
  const names = [...groups.keys()].sort((a, b) => {
    const ra = rank.get(a) ?? Number.POSITIVE_INFINITY;
    const rb = rank.get(b) ?? Number.POSITIVE_INFINITY;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  });
  return names.map((segment): HealthRollUp => {
    const group = groups.get(segment) as CustomerHealth[];
    const scored = group.filter((customer) => customer.score !== null);
    const score = weightedMean(
      scored.map((customer) => customer.score as number),
      scored.map((customer) => (weighting === 'mrr' ? customer.mrr : 1)),
    );
    const mrr = group.reduce((sum, customer) => sum + customer.mrr, 0);
    return {
      segment,
      customers: group.length,
      scored: scored.length,
      mrr,
      score,
      band: score === null ? null : healthBandOf(score, bands),
    };
  });
}
