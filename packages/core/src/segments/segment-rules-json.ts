import { currencyExponent } from '../money/currencies.js';
import { customerAttribute } from '../stats/group-by-attribute.js';
import { roundedForComparison } from '../stats/threshold-comparison.js';
import { quoteValue } from '../validation/quote-value.js';
import type { CustomerFacts } from './customer-facts.js';
import { defaultSegmentRules, type SegmentRule, type SegmentThresholds } from './segment-rules.js';

/** Bounds on a number; every bound given must hold. */
export interface NumberConditionJson {
  readonly atLeast?: number | undefined;
  readonly above?: number | undefined;
  readonly atMost?: number | undefined;
  readonly below?: number | undefined;
}

/**
 * A condition on a customer's {@link CustomerFacts}, as JSON. Every key given must hold (and):
 *
 * | key | holds when |
 * |---|---|
 * | `mrr` | MRR on `asOf`, in major units of the reporting currency (`{ "atLeast": 1000 }`), meets the bounds |
 * | `mrrShareAtOrAbove` | the share of active customers with at least this MRR meets the bounds (`{ "atMost": 0.1 }` = top 10 %) |
 * | `mrrAtLeastPercentile` | MRR is at or above this percentile (0–100) of the active customers' MRR |
 * | `seatUtilisation` | seat utilisation meets the bounds (never, without usage data or seats) |
 * | `monthsSinceExpansion` | months since the latest expansion meet the bounds (never, if it never expanded) |
 * | `attributes` | each named attribute equals the value, or one of the values of a list (`name` is the name) |
 * | `any` / `all` | some / every condition of the list holds |
 * | `not` | the condition does not hold |
 *
 * Shares and utilisation meet their bounds rounded to 6 decimal places (metrics.md §11).
 */
export interface SegmentConditionJson {
  readonly mrr?: NumberConditionJson | undefined;
  readonly mrrShareAtOrAbove?: NumberConditionJson | undefined;
  readonly mrrAtLeastPercentile?: number | undefined;
  readonly seatUtilisation?: NumberConditionJson | undefined;
  readonly monthsSinceExpansion?: NumberConditionJson | undefined;
  readonly attributes?: Readonly<Record<string, string | readonly string[]>> | undefined;
  readonly any?: readonly SegmentConditionJson[] | undefined;
  readonly all?: readonly SegmentConditionJson[] | undefined;
  readonly not?: SegmentConditionJson | undefined;
}

/** One rule of a rules file: a segment and its condition; without `when` it takes everyone left. */
export interface SegmentRuleJson {
  readonly segment: string;
  readonly when?: SegmentConditionJson | undefined;
}

/**
 * Segment rules as JSON (`cskit health --segments rules.json`): your own `rules` in order (first match
 * wins, like {@link SegmentRule}), or the default rules of metrics.md §7 with other `thresholds`.
 */
export type SegmentRulesJson =
  | { readonly version?: 1 | undefined; readonly rules: readonly SegmentRuleJson[] }
  | { readonly version?: 1 | undefined; readonly thresholds: SegmentThresholds };

/** Options of {@link segmentRulesFromJson}. */
export interface SegmentRulesJsonOptions {
  /**
   * The reporting currency, whose minor unit `mrr` bounds (in major units) are converted to; needed
   * when the rules use `mrr`.
   */
  currency?: string | undefined;
}

const NUMBER_FACTS = ['mrr', 'mrrShareAtOrAbove', 'seatUtilisation', 'monthsSinceExpansion'] as const;
type NumberFact = (typeof NUMBER_FACTS)[number];
const CONDITION_KEYS: readonly string[] = [...NUMBER_FACTS, 'mrrAtLeastPercentile', 'attributes', 'any', 'all', 'not'];
const BOUNDS = ['atLeast', 'above', 'atMost', 'below'] as const;
const THRESHOLDS: readonly (keyof SegmentThresholds)[] = [
  'vipShare',
  'potentialUtilisation',
  'expansionMonths',
  'corePercentile',
];

type Predicate = (facts: CustomerFacts) => boolean;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finite(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new RangeError(`${where} must be a finite number, got ${quoteValue(value)}`);
  return value;
}

function numberCondition(json: unknown, where: string, fact: NumberFact, minorPerMajor: () => number): Predicate {
  if (!isObject(json) || Object.keys(json).length === 0)
    throw new RangeError(`${where} must be an object of bounds (${BOUNDS.join(', ')})`);
  const checks: ((value: number) => boolean)[] = [];
  for (const [bound, raw] of Object.entries(json)) {
    if (!(BOUNDS as readonly string[]).includes(bound))
      throw new RangeError(`${where}: unknown bound ${quoteValue(bound)} (expected ${BOUNDS.join(', ')})`);
    // MRR is money: its bounds are major units, compared exactly with minor units.
    const limit = finite(raw, `${where}.${bound}`) * (fact === 'mrr' ? minorPerMajor() : 1);
    // Shares, utilisation and months are compared rounded to 6 decimals (metrics.md §11); money exactly.
    const round = fact === 'mrr' ? (value: number) => value : roundedForComparison;
    switch (bound as (typeof BOUNDS)[number]) {
      case 'atLeast':
        checks.push((value) => round(value) >= limit);
        break;
      case 'above':
        checks.push((value) => round(value) > limit);
        break;
      case 'atMost':
        checks.push((value) => round(value) <= limit);
        break;
      case 'below':
        checks.push((value) => round(value) < limit);
        break;
    }
  }
  return (facts) => {
    const value = facts[fact];
    return value !== null && checks.every((check) => check(value));
  };
}

function attributesCondition(json: unknown, where: string): Predicate {
  if (!isObject(json) || Object.keys(json).length === 0)
    throw new RangeError(`${where} must be an object of attribute name → value or list of values`);
  const wanted = Object.entries(json).map(([name, value]): [string, ReadonlySet<string>] => {
    const values = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string'))
      throw new RangeError(`${where}.${name} must be a string or a non-empty list of strings`);
    return [name, new Set(values as string[])];
  });
  return (facts) =>
    wanted.every(([name, values]) => {
      const value = customerAttribute(facts.customer, name);
      return value !== null && values.has(value);
    });
}

function condition(json: unknown, where: string, minorPerMajor: () => number): Predicate {
  if (!isObject(json) || Object.keys(json).length === 0)
    throw new RangeError(`${where} must be an object with at least one condition (${CONDITION_KEYS.join(', ')})`);
  const parts: Predicate[] = [];
  for (const [key, value] of Object.entries(json)) {
    const at = `${where}.${key}`;
    if ((NUMBER_FACTS as readonly string[]).includes(key)) {
      parts.push(numberCondition(value, at, key as NumberFact, minorPerMajor));
    } else if (key === 'mrrAtLeastPercentile') {
      const p = finite(value, at);
      if (!(p >= 0 && p <= 100)) throw new RangeError(`${at} must be from 0 to 100, got ${p}`);
      parts.push((facts) => {
        const threshold = facts.population.mrrPercentile(p);
        return threshold !== null && facts.mrr >= threshold;
      });
    } else if (key === 'attributes') {
      parts.push(attributesCondition(value, at));
    } else if (key === 'any' || key === 'all') {
      if (!Array.isArray(value) || value.length === 0)
        throw new RangeError(`${at} must be a non-empty list of conditions`);
      const list = value.map((entry, i) => condition(entry, `${at}[${i}]`, minorPerMajor));
      parts.push(key === 'any' ? (facts) => list.some((p) => p(facts)) : (facts) => list.every((p) => p(facts)));
    } else if (key === 'not') {
      const inner = condition(value, at, minorPerMajor);
      parts.push((facts) => !inner(facts));
    } else {
      throw new RangeError(
        `${where}: unknown condition ${quoteValue(key)} (expected one of ${CONDITION_KEYS.join(', ')})`,
      );
    }
  }
  return (facts) => parts.every((part) => part(facts));
}

/**
 * Builds segment rules from their JSON form (a parsed `rules.json`), checking everything: an unknown
 * property, condition or bound (a typo must not be silently ignored), a rule without a segment name,
 * a bound that is not a number, or a threshold out of range is an error naming the rule and the path.
 *
 * ```json
 * { "rules": [
 *     { "segment": "strategic", "when": { "attributes": { "tier": "strategic" } } },
 *     { "segment": "large", "when": { "mrr": { "atLeast": 1000 } } },
 *     { "segment": "growing", "when": { "any": [{ "seatUtilisation": { "atLeast": 0.9 } },
 *                                              { "monthsSinceExpansion": { "below": 2 } }] } },
 *     { "segment": "other" } ] }
 * ```
 *
 * or `{ "thresholds": { "vipShare": 0.05 } }` for the default rules with other thresholds.
 *
 * @throws RangeError describing the first problem.
 */
export function segmentRulesFromJson(json: unknown, options: SegmentRulesJsonOptions = {}): SegmentRule[] {
  const currency = options.currency;
  return buildSegmentRules(json, () => {
    if (currency === undefined)
      throw new RangeError('mrr bounds are in major units of the reporting currency: give the currency');
    return 10 ** currencyExponent(currency);
  });
}

/**
 * Checks segment rules JSON without building rules for a currency: what {@link segmentRulesFromJson}
 * would reject, this rejects with the same message (a command line tool checks the file before it
 * has read the data that decides the currency).
 *
 * @throws RangeError describing the first problem.
 */
export function checkSegmentRulesJson(json: unknown): void {
  buildSegmentRules(json, () => 1);
}

function buildSegmentRules(json: unknown, minorPerMajor: () => number): SegmentRule[] {
  if (!isObject(json)) throw new RangeError('Segment rules must be an object with a rules array or thresholds');
  for (const key of Object.keys(json)) {
    if (key !== 'rules' && key !== 'thresholds' && key !== 'version')
      throw new RangeError(`Unknown segment rules property ${quoteValue(key)} (expected rules or thresholds)`);
  }
  if (json.version !== undefined && json.version !== 1)
    throw new RangeError(`Segment rules version must be 1, got ${quoteValue(json.version)}`);
  if ('rules' in json === 'thresholds' in json)
    throw new RangeError('Segment rules need either a rules array or thresholds, not both or neither');
  if ('thresholds' in json) {
    const thresholds = json.thresholds;
    if (!isObject(thresholds)) throw new RangeError('thresholds must be an object');
    for (const [key, value] of Object.entries(thresholds)) {
      if (!(THRESHOLDS as readonly string[]).includes(key))
        throw new RangeError(`Unknown threshold ${quoteValue(key)} (expected one of ${THRESHOLDS.join(', ')})`);
      finite(value, `thresholds.${key}`);
    }
    return defaultSegmentRules(thresholds as SegmentThresholds);
  }
  const rules = json.rules;
  if (!Array.isArray(rules) || rules.length === 0) throw new RangeError('rules must be a non-empty array');
  return rules.map((entry, i): SegmentRule => {
    if (!isObject(entry)) throw new RangeError(`Segment rule ${i} is not an object`);
    const segment = entry.segment;
    if (typeof segment !== 'string' || segment === '')
      throw new RangeError(`Segment rule ${i}: segment must be a non-empty string, got ${quoteValue(segment)}`);
    const where = `Segment rule ${i} (${quoteValue(segment)})`;
    for (const key of Object.keys(entry)) {
      if (key !== 'segment' && key !== 'when') throw new RangeError(`${where}: unknown property ${quoteValue(key)}`);
    }
    const when = entry.when === undefined ? () => true : condition(entry.when, `${where}: when`, minorPerMajor);
    return { segment, when };
  });
}
