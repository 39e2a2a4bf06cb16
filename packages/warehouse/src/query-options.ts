import { currencyExponent, isCurrencyCode, parseMonth } from '@cskit/core';
import type { DialectName } from './dialect.js';

/** What the generated queries read and print. */
export interface RevenueQueryOptions {
  /** The engine the SQL is written for. */
  readonly dialect: DialectName;
  /** Reporting currency (ISO 4217); lines with a NULL currency are in it. */
  readonly currency: string;
  /** Table or view of canonical subscription lines (`docs/warehouse.md`); default `subscriptions`. */
  readonly subscriptionsTable?: string | undefined;
  /** Table or view of FX rates `(date, currency, rate)`; default `fx`. */
  readonly fxTable?: string | undefined;
  /** First month printed, `YYYY-MM` (default: the first month with an active line). */
  readonly from?: string | undefined;
  /** Last month printed, `YYYY-MM` (default: the month of the latest start or end date). */
  readonly to?: string | undefined;
}

/** {@link RevenueQueryOptions} checked and resolved. */
export interface ResolvedQueryOptions {
  readonly currency: string;
  readonly exponent: number;
  readonly subscriptionsTable: string;
  readonly fxTable: string;
  /** Month indices (`year × 12 + month − 1`), when given. */
  readonly from: number | undefined;
  readonly to: number | undefined;
}

function month(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const index = parseMonth(text);
  if (index === undefined) throw new RangeError(`${name} must be a month YYYY-MM, got "${text}"`);
  return index;
}

/**
 * Checks the options: only validated values are ever written into SQL text (the currency is an ISO
 * code, months are integers, table names are quoted part by part).
 *
 * @throws RangeError for an unknown currency, a malformed month or `from` after `to`.
 */
export function resolveQueryOptions(options: RevenueQueryOptions): ResolvedQueryOptions {
  if (!isCurrencyCode(options.currency))
    throw new RangeError(`Unknown currency code "${options.currency}" (expected ISO 4217, e.g. "USD")`);
  const from = month(options.from, 'from');
  const to = month(options.to, 'to');
  if (from !== undefined && to !== undefined && from > to)
    throw new RangeError(`from (${options.from}) is after to (${options.to})`);
  return {
    currency: options.currency,
    exponent: currencyExponent(options.currency),
    subscriptionsTable: options.subscriptionsTable ?? 'subscriptions',
    fxTable: options.fxTable ?? 'fx',
    from,
    to,
  };
}
