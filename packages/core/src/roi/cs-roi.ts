import { quoteValue } from '../validation/quote-value.js';
import { createFxTable, MissingFxRateError, type FxTable } from '../fx/fx-table.js';
import type { CsCost } from '../model/cs-cost.js';
import type { FxRate } from '../model/fx-rate.js';
import { currencyExponent } from '../money/currencies.js';
import type { RevenueAnalysis } from '../revenue/analyse-revenue.js';
import { ratio } from '../stats/mean.js';
import { monthRangeOf, type MonthRange } from '../stats/period.js';
import { firstDayOfMonth, formatMonth, parseMonth, type MonthIndex } from '../time/month.js';

/** Options of the CS cost metrics. */
export interface CsCostOptions {
  /**
   * Rates into the analysis' reporting currency, for costs in other currencies. A cost of month M is
   * converted at the latest rate on or before the first day of M (the date a line starting that
   * month would use); a missing rate is an error naming currency and date.
   */
  fx?: readonly FxRate[] | undefined;
}

/** Retention cost of one month (metrics.md §9). Money in minor units of the reporting currency, unrounded. */
export interface RetentionCost {
  readonly month: string;
  /** CS cost of the month (all records of the month, converted). */
  readonly cost: number;
  /** Customers active in M − 1 and still active in M: `customers(M − 1) −` churned customers in M. */
  readonly retainedCustomers: number;
  /** `cost ÷ retainedCustomers`; `null` when no customer was retained. */
  readonly retentionCost: number | null;
}

/** One month of {@link csRoi}. */
export interface CsRoiMonth extends RetentionCost {
  /** `R − churn − contraction`, with R = MRR(M − 1). */
  readonly retainedMrr: number;
  /** The month's expansion MRR. */
  readonly expansionMrr: number;
}

/** CS return on investment over a range of months. */
export interface CsRoi {
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  /** Σ over the months of (R − churn − contraction). */
  readonly retainedMrr: number;
  readonly expansionMrr: number;
  readonly cost: number;
  /** `(retainedMrr + expansionMrr − cost) ÷ cost`; `null` when the cost is 0. */
  readonly roi: number | null;
  readonly months: readonly CsRoiMonth[];
}

/**
 * CS cost per month of `[first, last]`, converted into the reporting currency (minor units).
 *
 * @throws RangeError for a malformed record, MissingFxRateError for a missing rate.
 */
function costsByMonth(
  analysis: RevenueAnalysis,
  costs: readonly CsCost[],
  first: MonthIndex,
  last: MonthIndex,
  fx: readonly FxRate[] | undefined,
): Float64Array {
  const currency = analysis.currency;
  const exponent = currencyExponent(currency);
  const sums = new Float64Array(last - first + 1);
  let table: FxTable | undefined;
  for (const [i, cost] of costs.entries()) {
    const where = `CS cost ${cost.row === undefined ? i : `in row ${cost.row}`}`;
    const month = parseMonth(cost.month);
    if (month === undefined) throw new RangeError(`${where}: month ${quoteValue(cost.month)} is not YYYY-MM`);
    if (!(Number.isSafeInteger(cost.amountMinor) && cost.amountMinor >= 0))
      throw new RangeError(`${where}: amountMinor must be a non-negative integer, got ${cost.amountMinor}`);
    if (month < first || month > last) continue;
    let amount = cost.amountMinor;
    if (cost.currency !== currency && amount > 0) {
      table ??= createFxTable(fx ?? [], currency);
      // Minor units of the cost's currency → major → reporting currency → its minor units.
      let rate: number;
      try {
        rate = table.rateOn(cost.currency, firstDayOfMonth(month));
      } catch (error) {
        if (!(error instanceof MissingFxRateError)) throw error;
        throw error.forRecord({ kind: 'CS cost', row: cost.row });
      }
      amount *= rate * 10 ** (exponent - currencyExponent(cost.currency));
    }
    sums[month - first] = (sums[month - first] as number) + amount;
  }
  return sums;
}

function monthsOf(
  analysis: RevenueAnalysis,
  range: MonthRange,
  costs: readonly CsCost[],
  fx: readonly FxRate[] | undefined,
): CsRoiMonth[] {
  const [first, last] = monthRangeOf(range);
  const firstMonth = parseMonth(analysis.months[0] ?? '') ?? Number.NaN;
  // Months before the data do not exist (metrics.md §11): the range starts at the first that does.
  const a = Math.max(first - firstMonth, 0);
  const b = last - firstMonth;
  if (!(b < analysis.months.length)) {
    throw new RangeError(
      `Months ${range.from} … ${range.to} end after the analysis (${analysis.months[0] ?? '(none)'} … ${analysis.months.at(-1) ?? '(none)'})`,
    );
  }
  if (b < a) return [];
  const spend = costsByMonth(analysis, costs, firstMonth + a, last, fx);
  const series = analysis.total.months;
  const result: CsRoiMonth[] = [];
  for (let m = a; m <= b; m++) {
    const current = series[m];
    if (current === undefined) continue;
    // Before the first month of the analysis no line was active: R and customers(M − 1) are 0.
    const previous = series[m - 1];
    const { churn, contraction, expansion } = current.movements;
    const retainedCustomers = (previous?.customers ?? 0) - churn.customers;
    const cost = spend[m - a] as number;
    result.push({
      month: formatMonth(firstMonth + m),
      cost,
      retainedCustomers,
      retentionCost: ratio(cost, retainedCustomers),
      retainedMrr: (previous?.mrr ?? 0) - churn.mrr - contraction.mrr,
      expansionMrr: expansion.mrr,
    });
  }
  return result;
}

/**
 * Retention cost of month M (metrics.md §9): CS cost in M ÷ customers of M − 1 retained in M (active in
 * both). Example: CS cost 9,000.00 in March, 100 customers in February of which 10 churned in March →
 * 900000 ÷ 90 = 10000 minor units (100.00) per retained customer.
 *
 * A month before the data has no retained customer: its rate is `null` (metrics.md §11).
 *
 * @throws RangeError for a malformed month or cost, or a month after the analysis;
 * MissingFxRateError when a cost's rate is missing.
 */
export function retentionCost(
  analysis: RevenueAnalysis,
  costs: readonly CsCost[],
  month: string,
  options: CsCostOptions = {},
): RetentionCost {
  const [entry] = monthsOf(analysis, { from: month, to: month }, costs, options.fx);
  if (entry === undefined) {
    // A month before the data: its cost, and nobody to retain.
    const [index] = monthRangeOf({ from: month, to: month });
    const cost = costsByMonth(analysis, costs, index, index, options.fx)[0] as number;
    return { month, cost, retainedCustomers: 0, retentionCost: null };
  }
  const { cost, retainedCustomers, retentionCost: value } = entry;
  return { month, cost, retainedCustomers, retentionCost: value };
}

/**
 * CS ROI over the months `from` … `to` (metrics.md §9): `(retained MRR + expansion MRR − CS cost) ÷ CS
 * cost`, with retained MRR = Σ over the months of (R − churn − contraction), R = MRR(M − 1), and
 * expansion MRR and CS cost summed over the same months. `null` when the cost is 0. Each month also
 * carries its retention cost.
 *
 * A range that starts before the data is computed over the months that exist (costs of earlier
 * months are left out); with none, `roi` is `null` (metrics.md §11).
 *
 * @throws RangeError for a malformed range or cost, or a range that ends after the analysis;
 * MissingFxRateError when a cost's rate is missing.
 */
export function csRoi(
  analysis: RevenueAnalysis,
  costs: readonly CsCost[],
  range: MonthRange,
  options: CsCostOptions = {},
): CsRoi {
  const months = monthsOf(analysis, range, costs, options.fx);
  let retainedMrr = 0;
  let expansionMrr = 0;
  let cost = 0;
  for (const month of months) {
    retainedMrr += month.retainedMrr;
    expansionMrr += month.expansionMrr;
    cost += month.cost;
  }
  return {
    from: range.from,
    to: range.to,
    currency: analysis.currency,
    retainedMrr,
    expansionMrr,
    cost,
    roi: ratio(retainedMrr + expansionMrr - cost, cost),
    months,
  };
}
