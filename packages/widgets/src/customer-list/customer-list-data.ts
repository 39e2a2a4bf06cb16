import { isPeriod } from '../internal/chart/period.js';
import { currencyProblem } from '../internal/report-data.js';
import type { CustomerListMessages, MovementName } from './customer-list.messages.js';

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

/** A finite number: money in major units, or a count. */
export const isMoney = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
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

/** Why a movement (whole, or a part of a rate at `at`) is not one, naming the field, or `null`. */
export function movementProblem(e: Record<string, unknown>, at: string): string | null {
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

/**
 * Returns why `value` is not an explanation of a movement or of a rate, naming the field, or `null`
 * when it is one. A rate's own fields are checked by `rateProblem` (rate-view.ts), which is loaded
 * with the code that draws a rate.
 */
export function explanationProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'data is not an object';
  const e = value as Record<string, unknown>;
  if (e.version !== 1) return `unsupported explanation version ${JSON.stringify(e.version)}`;
  const currency = currencyProblem(e.currency, 'explanation.currency');
  if (currency) return currency;
  if (!isPeriod(e.month)) return 'explanation.month is not a month (YYYY-MM)';
  return 'rate' in e ? null : movementProblem(e, 'explanation');
}

/** Whether a valid explanation is a rate's. */
export function isRateExplanation(value: ExplanationInput): value is RateExplanationInput {
  return 'rate' in value;
}

/** The movement's name; one it does not know by its JSON name (own keys only: not "toString"'s). */
export function movementName(movement: string, m: CustomerListMessages): string {
  return Object.hasOwn(m.movements, movement) ? m.movements[movement as MovementName] : movement;
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
