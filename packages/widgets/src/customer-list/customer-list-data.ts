import { isPeriod } from '../internal/chart/period.js';
import { currencyProblem } from '../internal/report-data.js';

/** One subscription line of a customer, as `cskit explain` writes it; money in major units. */
export interface ExplainedLine {
  readonly lineId?: string | null;
  readonly subscriptionId?: string | null;
  readonly product?: string | null;
  readonly plan?: string | null;
  readonly previousMrr: number;
  readonly mrr: number;
}

/** One customer behind the movement; `amount` is its (positive) part of it. */
export interface ExplainedCustomer {
  readonly customerId: string;
  readonly previousMrr: number;
  readonly mrr: number;
  readonly amount: number;
  readonly lines?: readonly ExplainedLine[];
}

/**
 * What `<cs-customer-list>` reads: the JSON of `cskit explain --movement` (docs/cli.md), or of core's
 * `movementExplanationJson`. Checked at run time because it arrives over the network.
 */
export interface MovementExplanationInput {
  /** `1`; typed `number` so the JSON imported as a module (whose literals widen) is accepted, checked at run time. */
  readonly version: number;
  readonly currency: string;
  /** `YYYY-MM`. */
  readonly month: string;
  /** `new`, `expansion`, `contraction`, `churn`, `reactivation`, `upsell` or `crossSell`. */
  readonly movement: string;
  /** The movement's total: the number the list explains. */
  readonly mrr: number;
  readonly customers: readonly ExplainedCustomer[];
}

const isMoney = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isOptionalText = (value: unknown): boolean => value === undefined || value === null || typeof value === 'string';

function lineProblem(line: unknown, at: string): string | null {
  if (typeof line !== 'object' || line === null) return `${at} is not an object`;
  const l = line as Record<string, unknown>;
  for (const key of ['previousMrr', 'mrr'] as const) {
    if (!isMoney(l[key])) return `${at}.${key} is not a number`;
  }
  for (const key of ['lineId', 'subscriptionId', 'product', 'plan'] as const) {
    if (!isOptionalText(l[key])) return `${at}.${key} is not a string`;
  }
  return null;
}

function customerProblem(customer: unknown, at: string): string | null {
  if (typeof customer !== 'object' || customer === null) return `${at} is not an object`;
  const c = customer as Record<string, unknown>;
  if (typeof c.customerId !== 'string' || c.customerId === '') return `${at}.customerId is not a non-empty string`;
  for (const key of ['previousMrr', 'mrr', 'amount'] as const) {
    if (!isMoney(c[key])) return `${at}.${key} is not a number`;
  }
  if (c.lines === undefined) return null;
  if (!Array.isArray(c.lines)) return `${at}.lines is not an array`;
  for (const [i, line] of (c.lines as unknown[]).entries()) {
    const problem = lineProblem(line, `${at}.lines[${i}]`);
    if (problem) return problem;
  }
  return null;
}

/** One movement of a rate: a movement explanation without `version` and `currency`. */
export type ExplainedMovementPart = Omit<MovementExplanationInput, 'version' | 'currency'>;

/**
 * What `<cs-customer-list>` reads for a rate: the JSON of `cskit explain --rate` (docs/cli.md), or of
 * core's `rateExplanationJson`: the rate, its numerator and denominator, and each movement in it.
 */
export interface RateExplanationInput {
  /** `1`, checked at run time. */
  readonly version: number;
  readonly currency: string;
  /** `YYYY-MM`. */
  readonly month: string;
  /** `logoChurnRate`, `grossMrrChurnRate`, `netMrrChurnRate`, `grr`, `nrr` or `quickRatio`. */
  readonly rate: string;
  /** The report's number for the rate: the number the list explains (`null` when undefined). */
  readonly value: number | null;
  /** Customers for `logoChurnRate`, else money in major units. */
  readonly numerator: number;
  readonly denominator: number;
  readonly movements: readonly ExplainedMovementPart[];
}

/** Either explanation `cskit explain` writes. */
export type ExplanationInput = MovementExplanationInput | RateExplanationInput;

/**
 * How each rate is made of its movements: `base` when the numerator starts from the month before's
 * MRR (the denominator), and the sign each movement adds with. Mirrors core's `explainRate`.
 */
export const RATE_PARTS: Readonly<
  Record<string, { readonly base: boolean; readonly signs: Readonly<Record<string, 1 | -1>> }>
> = {
  logoChurnRate: { base: false, signs: { churn: 1 } },
  grossMrrChurnRate: { base: false, signs: { churn: 1, contraction: 1 } },
  netMrrChurnRate: { base: false, signs: { churn: 1, contraction: 1, expansion: -1, reactivation: -1 } },
  grr: { base: true, signs: { churn: -1, contraction: -1 } },
  nrr: { base: true, signs: { expansion: 1, churn: -1, contraction: -1 } },
  quickRatio: { base: false, signs: { new: 1, expansion: 1, reactivation: 1 } },
};

/** Why a movement (whole, or a part of a rate at `at`) is not one, naming the field, or `null`. */
function movementProblem(e: Record<string, unknown>, at: string): string | null {
  if (!isPeriod(e.month)) return `${at}.month is not a month (YYYY-MM)`;
  if (typeof e.movement !== 'string') return `${at}.movement is not a string`;
  if (!isMoney(e.mrr)) return `${at}.mrr is not a number`;
  if (!Array.isArray(e.customers)) return `${at}.customers is not an array`;
  for (const [i, customer] of (e.customers as unknown[]).entries()) {
    const problem = customerProblem(customer, `${at}.customers[${i}]`);
    if (problem) return problem;
  }
  return null;
}

function rateProblem(e: Record<string, unknown>): string | null {
  if (typeof e.rate !== 'string' || !Object.hasOwn(RATE_PARTS, e.rate)) {
    return `explanation.rate ${JSON.stringify(e.rate)} is not one of ${Object.keys(RATE_PARTS).join(', ')}`;
  }
  if (e.value !== null && !isMoney(e.value)) return 'explanation.value is neither a number nor null';
  for (const key of ['numerator', 'denominator'] as const) {
    if (!isMoney(e[key])) return `explanation.${key} is not a number`;
  }
  if (!Array.isArray(e.movements)) return 'explanation.movements is not an array';
  for (const [i, part] of (e.movements as unknown[]).entries()) {
    const at = `explanation.movements[${i}]`;
    if (typeof part !== 'object' || part === null) return `${at} is not an object`;
    const problem = movementProblem(part as Record<string, unknown>, at);
    if (problem) return problem;
  }
  return null;
}

/**
 * Returns why `value` is not an explanation of a movement or of a rate, naming the field, or `null`
 * when it is one.
 */
export function explanationProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'data is not an object';
  const e = value as Record<string, unknown>;
  if (e.version !== 1) return `unsupported explanation version ${JSON.stringify(e.version)}`;
  const currency = currencyProblem(e.currency, 'explanation.currency');
  if (currency) return currency;
  if (!isPeriod(e.month)) return 'explanation.month is not a month (YYYY-MM)';
  return 'rate' in e ? rateProblem(e) : movementProblem(e, 'explanation');
}

/** Whether a valid explanation is a rate's. */
export function isRateExplanation(value: ExplanationInput): value is RateExplanationInput {
  return 'rate' in value;
}

/** The month before `YYYY-MM`, as `YYYY-MM`: a rate's denominator is that month's. */
export function previousMonth(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return m === 1
    ? `${String(year - 1).padStart(4, '0')}-12`
    : `${String(year).padStart(4, '0')}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The customers largest contribution first. The sort is stable: customers whose rounded amounts are
 * equal keep the order of the JSON, which core gives by the unrounded amounts, then by id.
 */
export function byContribution(customers: readonly ExplainedCustomer[]): ExplainedCustomer[] {
  return [...customers].sort((a, b) => b.amount - a.amount);
}

/**
 * `template` with every `{customerId}` replaced by the id, URL-encoded (`/customers/{customerId}` →
 * `/customers/acme%2Fus`), so an id can never add a path, a query or a scheme to the link.
 */
export function customerUrl(template: string, customerId: string): string {
  return template.replaceAll('{customerId}', encodeURIComponent(customerId));
}
