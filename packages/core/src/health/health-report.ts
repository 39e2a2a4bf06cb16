import type { PerCustomer } from '../adoption/customer-values.js';
import { customerAttribute } from '../stats/group-by-attribute.js';
import { segmentCustomers } from '../segments/segment-customers.js';
import type { SegmentRule, SegmentThresholds } from '../segments/segment-rules.js';
import { defaultHealthModel } from './built-in-factors.js';
import {
  prepareCustomerData,
  type CustomerData,
  type CustomerDataOptions,
  type HealthDataset,
  type HealthSubject,
} from './customer-data.js';
import type { HealthBand, HealthBands } from './health-bands.js';
import type { HealthModel } from './health-model.js';
import { healthRollUps, scoreCustomers, type HealthRollUpWeighting } from './score-customers.js';

/** A factor of a customer in the `cskit health` JSON. */
export interface HealthReportFactor {
  readonly key: string;
  readonly label: string;
  readonly raw: number;
  readonly score: number;
  /**
   * The weight actually applied: the model's weight renormalised over the factors present (metrics.md
   * §11), so a customer's weights add up to 1 — 0.25 ÷ 0.9 = 0.2778 when a 0.1 factor is missing.
   */
  readonly weight: number;
  /** The weight as the model states it (0.25), whatever is missing. */
  readonly configuredWeight: number;
  /** `weight × score`: the points this factor adds; a customer's contributions add up to its score. */
  readonly contribution: number;
}

/** A customer of the `cskit health` JSON. */
export interface HealthReportCustomer {
  readonly customerId: string;
  /** `null` when the customer has no record or no name. */
  readonly name: string | null;
  /** `null` when the customer has no segment (a custom rule list without a catch-all, an attribute it lacks). */
  readonly segment: string | null;
  readonly score: number | null;
  readonly band: HealthBand | null;
  readonly trend: number | null;
  readonly factors: readonly HealthReportFactor[];
  readonly missing: readonly string[];
}

/** A segment roll-up of the `cskit health` JSON. */
export interface HealthReportSegment {
  readonly segment: string;
  readonly customers: number;
  readonly score: number | null;
  readonly band: HealthBand | null;
}

/** The `cskit health` JSON (shared/spec/report.md), also what `<cs-health-card src=…>` reads. */
export interface HealthReport {
  readonly version: 1;
  readonly asOf: string;
  readonly bands: HealthBands;
  /** Every customer active on `asOf`, sorted by id. */
  readonly customers: readonly HealthReportCustomer[];
  /** One roll-up per segment that has customers, in rule order (default: vip, potential, core, secondary). */
  readonly segments: readonly HealthReportSegment[];
}

/** Where customers' segments come from in {@link healthReport}. */
export type HealthReportSegments =
  | { readonly rules?: readonly SegmentRule[] | undefined; readonly thresholds?: SegmentThresholds | undefined }
  | { readonly attribute: string }
  | { readonly map: PerCustomer<string | null> };

/** Options of {@link healthReport}. */
export interface HealthReportOptions extends CustomerDataOptions {
  /** `YYYY-MM-DD` (default: the last day of the latest month in the data). */
  asOf?: string | undefined;
  /** Default: {@link defaultHealthModel} with `slaTargets`. */
  model?: HealthModel<HealthSubject> | undefined;
  /** SLA targets of the default model's `slaBreachRate` factor (ignored with `model`). */
  slaTargets?: Readonly<Record<string, number>> | undefined;
  /**
   * Segments: the default rules of metrics.md §7 (default, or `{ thresholds }`), your own `{ rules }`,
   * a customer `{ attribute }` (a CRM's segment column), or a ready `{ map }` of id → segment.
   */
  segments?: HealthReportSegments | undefined;
  /** Segment roll-ups: MRR-weighted (default, Totango) or the plain `'mean'`. */
  rollUp?: HealthRollUpWeighting | undefined;
  /** Days back for `trend` (default 30). */
  trendDays?: number | undefined;
}

/**
 * Builds the `cskit health` JSON (shared/spec/report.md): every customer active on `asOf` with its
 * score, band, 30-day trend, factors (`raw`, `score`, `weight`, `contribution`) and missing factors,
 * and one roll-up per segment.
 *
 * Numbers are unrounded (metrics.md §0): rounding a score for display is the widget's job, and a
 * rounded score could contradict its band (69.996 shows as 70.0 but is yellow). `weight` is the
 * factor's share of the weight of the factors present, so the weights of a customer add up to 1 and
 * `contribution = weight × score`; contributions add up to the score. `configuredWeight` is the
 * model's own number (metrics.md §11).
 *
 * Takes a dataset, or data already prepared with `prepareCustomerData` (then the data options are
 * ignored).
 *
 * @throws RangeError for a bad model or option; errors of `analyseRevenue` (currency, missing FX rate).
 */
export function healthReport(input: HealthDataset | CustomerData, options: HealthReportOptions = {}): HealthReport {
  const data = 'subjects' in input ? input : prepareCustomerData(input, options);
  const model = options.model ?? defaultHealthModel({ slaTargets: options.slaTargets });
  const scored = scoreCustomers(data, model, { asOf: options.asOf, trendDays: options.trendDays });

  const choice = options.segments ?? {};
  let segmentOf: (customerId: string) => string | null;
  let order: readonly string[] = [];
  if ('attribute' in choice) {
    const attribute = choice.attribute;
    segmentOf = (customerId) => customerAttribute(data.subject(customerId)?.customer, attribute);
  } else if ('map' in choice) {
    const map = choice.map;
    segmentOf = (customerId) =>
      (map instanceof Map
        ? map.get(customerId)
        : Object.hasOwn(map, customerId)
          ? (map as Record<string, string | null>)[customerId]
          : null) ?? null;
  } else {
    const segmentation = segmentCustomers(data, {
      asOf: scored.asOf,
      rules: choice.rules,
      thresholds: choice.thresholds,
    });
    segmentOf = (customerId) => segmentation.segments.get(customerId) ?? null;
    order = segmentation.order;
  }

  const customers = scored.customers.map((customer): HealthReportCustomer => ({
    customerId: customer.customerId,
    name: customer.name ?? null,
    segment: segmentOf(customer.customerId),
    score: customer.score,
    band: customer.band,
    trend: customer.trend,
    factors: customer.factors.map(({ key, label, raw, score, weight, modelWeight, contribution }) => ({
      key,
      label,
      raw,
      score,
      weight,
      configuredWeight: modelWeight,
      contribution,
    })),
    missing: customer.missing,
  }));
  const segments = healthRollUps(scored.customers, (customer) => segmentOf(customer.customerId), {
    weighting: options.rollUp,
    bands: scored.bands,
    order,
  }).map(({ segment, customers: count, score, band }) => ({ segment, customers: count, score, band }));
  return {
    version: 1,
    asOf: scored.asOf,
    bands: { red: scored.bands.red, yellow: scored.bands.yellow, green: scored.bands.green },
    customers,
    segments,
  };
}
