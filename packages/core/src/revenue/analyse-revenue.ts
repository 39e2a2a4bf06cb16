import type { Customer } from '../model/customer.js';
import type { FxRate } from '../model/fx-rate.js';
import type { SubscriptionLine } from '../model/subscription-line.js';
import { assertTimeZone } from '../time/time-zone.js';
import { formatMonth } from '../time/month.js';
import { cohortsOf, type RevenueCohort } from './cohorts.js';
import { accumulateExpansionSplits } from './expansion-split.js';
import { groupCustomers } from './groups.js';
import { monthlyMetrics, type RevenueMonth } from './monthly-metrics.js';
import { accumulateCustomerMonths } from './movements.js';
import { accumulateRenewals } from './renewals.js';
import { buildLedger, buildLedgerFromColumns, type RevenueLedger } from './revenue-ledger.js';
import { isSubscriptionColumns, type SubscriptionColumns } from '../model/subscription-columns.js';
import type { RevenueOptions } from './revenue-options.js';
import { createSeriesSums } from './series-sums.js';
import { accumulateTrialConversions } from './trial-conversion.js';

/** The data revenue metrics are computed from. */
export interface RevenueInput {
  readonly subscriptions: readonly SubscriptionLine[];
  /** Needed for `groupBy`; customers without lines are not counted anywhere. */
  readonly customers?: readonly Customer[];
  /** Rates into the reporting currency, needed when lines are in other currencies. */
  readonly fx?: readonly FxRate[];
}

/** {@link RevenueInput} whose lines may also come as columns (the report's input). */
export interface ColumnarRevenueInput extends Omit<RevenueInput, 'subscriptions'> {
  readonly subscriptions: readonly SubscriptionLine[] | SubscriptionColumns;
}

/** The monthly series and cohorts of a set of customers. */
export interface RevenueSeries {
  /** One entry per computed month, in order. */
  readonly months: readonly RevenueMonth[];
  readonly cohorts: readonly RevenueCohort[];
}

/** The series of one value of the `groupBy` attribute. */
export interface RevenueGroup {
  /** The attribute value; `null` for customers without it. */
  readonly key: string | null;
  readonly series: RevenueSeries;
}

/** Columnar state kept for drill-down; not a stable API. */
export interface RevenueInternals {
  readonly ledger: RevenueLedger;
  /** Movement code of every stored customer-month, laid out like `ledger.grid`. */
  readonly movementCodes: Uint8Array;
  /** Group index of each customer when grouped. */
  readonly groupOf: Int32Array | undefined;
}

/** Everything {@link analyseRevenue} computes. */
export interface RevenueAnalysis {
  readonly currency: string;
  /** Decimals of the currency's minor unit. */
  readonly exponent: number;
  readonly timeZone: string;
  /** Months computed (`YYYY-MM`): all history from the first line to the latest date or `to`. */
  readonly months: readonly string[];
  /** First month with a line active under the snapshot rule, if any. */
  readonly firstActiveMonth: string | undefined;
  /** Month of the latest date in the input. */
  readonly lastDataMonth: string;
  /** Every customer together. */
  readonly total: RevenueSeries;
  readonly groupBy: string | undefined;
  /** One entry per value of `groupBy`, sorted, `null` last; empty without `groupBy`. */
  readonly groups: readonly RevenueGroup[];
  readonly internals: RevenueInternals;
}

function nonNegative(value: number | undefined, name: string, fallback: number, integer: boolean): number {
  if (value === undefined) return fallback;
  if (!(value >= 0) || (integer && !Number.isInteger(value) && value !== Number.POSITIVE_INFINITY)) {
    throw new RangeError(`${name} must be a non-negative ${integer ? 'integer' : 'number'}, got ${value}`);
  }
  return value;
}

/**
 * Computes every revenue metric of metrics.md §2 for every month of the input, for all customers and
 * per value of `groupBy`.
 *
 * @throws RangeError for invalid options or lines, Error when the reporting currency cannot be
 * decided, MissingFxRateError when a needed rate is missing.
 */
export function analyseRevenue(
  input: RevenueInput,
  options: RevenueOptions & { from?: string; to?: string } = {},
): RevenueAnalysis {
  return analyse(input, options, true);
}

/**
 * {@link analyseRevenue} without upsell/cross-sell, renewals and trial conversion (left at 0): the
 * monthly report prints none of them, and they are a fifth of the work. `otherDates` (NPS answers,
 * tickets) count towards the latest date of the input. Not part of the public API.
 */
export function analyseRevenueForReport(
  input: ColumnarRevenueInput,
  options: RevenueOptions & { from?: string; to?: string },
  otherDates: readonly string[],
): RevenueAnalysis {
  return analyse(input, { ...options, groupBy: undefined }, false, otherDates);
}

function analyse(
  input: ColumnarRevenueInput,
  options: RevenueOptions & { from?: string; to?: string },
  extras: boolean,
  otherDates: readonly string[] = [],
): RevenueAnalysis {
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const reactivationWindowMonths = nonNegative(
    options.reactivationWindowMonths,
    'reactivationWindowMonths',
    Number.POSITIVE_INFINITY,
    true,
  );
  const grossMargin = nonNegative(options.grossMargin, 'grossMargin', 1, false);
  const trialConversionDays = nonNegative(options.trialConversionDays, 'trialConversionDays', 30, true);
  const customers = input.customers ?? [];
  const ledgerOptions = {
    currency: options.currency,
    snapshot: options.snapshot,
    from: options.from,
    to: options.to,
    extraDates: [
      ...customers.flatMap((customer) => (customer.createdAt === undefined ? [] : [customer.createdAt])),
      ...otherDates,
    ],
  };
  const subscriptions = input.subscriptions;
  const ledger = isSubscriptionColumns(subscriptions)
    ? buildLedgerFromColumns(subscriptions, input.fx, ledgerOptions)
    : buildLedger(subscriptions, input.fx, ledgerOptions);

  const groups =
    options.groupBy === undefined ? undefined : groupCustomers(ledger.customerIds, customers, options.groupBy);
  const groupOf = groups?.groupOf;
  const sums = createSeriesSums(1 + (groups?.keys.length ?? 0), ledger.width);
  const movementCodes = accumulateCustomerMonths(ledger, sums, groupOf, reactivationWindowMonths);
  if (extras) {
    accumulateExpansionSplits(ledger, movementCodes, sums, groupOf);
    accumulateRenewals(ledger, sums, groupOf);
    accumulateTrialConversions(ledger, sums, groupOf, trialConversionDays);
  }

  const settings = { firstMonth: ledger.firstMonth, scale: ledger.scale, grossMargin };
  const seriesOf = (slot: number): RevenueSeries => ({
    months: monthlyMetrics(sums, slot, settings),
    cohorts: cohortsOf(sums, slot, ledger.firstMonth, ledger.scale),
  });
  return {
    currency: ledger.currency,
    exponent: ledger.exponent,
    timeZone,
    months: Array.from({ length: ledger.width }, (_, m) => formatMonth(ledger.firstMonth + m)),
    firstActiveMonth: ledger.firstActiveMonth === undefined ? undefined : formatMonth(ledger.firstActiveMonth),
    lastDataMonth: formatMonth(ledger.lastDataMonth),
    total: seriesOf(0),
    groupBy: options.groupBy,
    groups: (groups?.keys ?? []).map((key, g) => ({ key, series: seriesOf(g + 1) })),
    internals: { ledger, movementCodes, groupOf },
  };
}
