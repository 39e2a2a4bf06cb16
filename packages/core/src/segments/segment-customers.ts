import {
  prepareCustomerData,
  type CustomerData,
  type CustomerDataOptions,
  type HealthDataset,
} from '../health/customer-data.js';
import { customerFacts, type CustomerFacts } from './customer-facts.js';
import { assignSegments, defaultSegmentRules, type SegmentRule, type SegmentThresholds } from './segment-rules.js';

/** Options of {@link segmentCustomers}. */
export interface SegmentCustomersOptions extends CustomerDataOptions {
  /** `YYYY-MM-DD` (default: the last day of the latest month in the data). */
  asOf?: string | undefined;
  /** Rules in order, first match wins (default: {@link defaultSegmentRules} with `thresholds`). */
  rules?: readonly SegmentRule[] | undefined;
  thresholds?: SegmentThresholds | undefined;
  /** Days of usage counted for seat utilisation (default 30). */
  seatWindowDays?: number | undefined;
}

/** The segment of every active customer on one day. */
export interface Segmentation {
  readonly asOf: string;
  /** Customer id → segment (`null` when no rule matched), for every customer active on `asOf`. */
  readonly segments: ReadonlyMap<string, string | null>;
  /** The segments in rule order, for listing. */
  readonly order: readonly string[];
  /** What the rules looked at, per customer. */
  readonly facts: readonly CustomerFacts[];
}

/**
 * Segments every customer active on `asOf` (metrics.md §7) with the default rules or your own. Takes a
 * dataset, or data already prepared with `prepareCustomerData` (then the data options are ignored).
 * Pass `segments` to `withSegments` to group any metric by segment.
 *
 * @throws RangeError for bad options; errors of `prepareCustomerData`.
 */
export function segmentCustomers(
  input: HealthDataset | CustomerData,
  options: SegmentCustomersOptions = {},
): Segmentation {
  const data = 'subjects' in input ? input : prepareCustomerData(input, options);
  const rules = options.rules ?? defaultSegmentRules(options.thresholds);
  const { asOf, facts } = customerFacts(data, { asOf: options.asOf, seatWindowDays: options.seatWindowDays });
  return {
    asOf,
    segments: assignSegments(facts, rules),
    order: [...new Set(rules.map((rule) => rule.segment))],
    facts,
  };
}
