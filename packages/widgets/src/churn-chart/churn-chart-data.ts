import { isPeriod } from '../internal/chart/period.js';
import { currencyProblem, reportProblem, type ReportFields, type ReportLike } from '../internal/report-data.js';

/** The churn rates `<cs-churn-chart series=…>` can draw. */
export type ChurnRate = 'logo' | 'gross' | 'net';

/** All rates, in drawing order. */
export const CHURN_RATES: readonly ChurnRate[] = ['logo', 'gross', 'net'];

/** Report field of each rate (metrics.md §2). */
export const CHURN_RATE_FIELDS = {
  logo: 'logoChurnRate',
  gross: 'grossMrrChurnRate',
  net: 'netMrrChurnRate',
} as const satisfies Record<ChurnRate, string>;

/** One period of a ready-made churn series. Rates are fractions (0.021 = 2.1 %); absent means null. */
export interface ChurnPoint {
  /** `YYYY-MM`, or `YYYY-MM-DD` for a daily series. */
  readonly period: string;
  readonly logo?: number | null;
  readonly gross?: number | null;
  readonly net?: number | null;
  readonly churnedCustomers?: number | null;
  /** Churned MRR in major units of `currency`. */
  readonly churnedMrr?: number | null;
}

/** Churned customers and MRR of one group (a segment, a plan, a region…) in one month. */
export interface ChurnBreakdownGroup {
  readonly key: string;
  readonly customers: number;
  readonly mrr: number;
}

/**
 * Churn split by a customer attribute (metrics.md §8), for the stacked-bar view
 * (`breakdown="customers"` or `"mrr"`). Months missing here count as no churn in any group.
 */
export interface ChurnBreakdown {
  /** The attribute the groups are values of, e.g. `segment`. */
  readonly by: string;
  readonly months: readonly { readonly month: string; readonly groups: readonly ChurnBreakdownGroup[] }[];
}

/** A ready-made series: use it for daily data or when the numbers do not come from `cskit report`. */
export interface ChurnSeries {
  readonly currency?: string;
  readonly points: readonly ChurnPoint[];
  readonly breakdown?: ChurnBreakdown;
}

/** What `<cs-churn-chart>` accepts: a report (optionally with a `breakdown`) or a ready-made series. */
export type ChurnInput = ChurnSeries | (ReportLike & { readonly breakdown?: ChurnBreakdown });

/** The input checked and laid out in columns (one array per series, fast to draw at 3,650 points). */
export interface ChurnData {
  readonly currency: string | undefined;
  readonly periods: readonly string[];
  readonly rates: Readonly<Record<ChurnRate, readonly (number | null)[]>>;
  readonly churnedCustomers: readonly (number | null)[];
  readonly churnedMrr: readonly (number | null)[];
  readonly breakdown: ChurnBreakdown | undefined;
}

type Problem = { problem: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A number, or null for null/absent; anything else is a problem naming where it was found. */
function numberOrNull(value: unknown, where: string): number | null | Problem {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return { problem: `${where} is ${JSON.stringify(value) ?? String(value)}, not a number or null` };
}

function breakdownProblem(value: unknown): string | null {
  if (value === undefined) return null;
  if (!isObject(value) || typeof value.by !== 'string') return 'breakdown needs a string "by"';
  if (!Array.isArray(value.months)) return 'breakdown.months is not an array';
  for (const [i, month] of (value.months as unknown[]).entries()) {
    const where = `breakdown.months[${i}]`;
    if (!isObject(month) || !isPeriod(month.month)) return `${where}.month is not a YYYY-MM month`;
    if (!Array.isArray(month.groups)) return `${where}.groups is not an array`;
    for (const [j, group] of (month.groups as unknown[]).entries()) {
      if (!isObject(group) || typeof group.key !== 'string') return `${where}.groups[${j}].key is not a string`;
      for (const field of ['customers', 'mrr'] as const) {
        const v = group[field];
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
          return `${where}.groups[${j}].${field} is not a non-negative number`;
        }
      }
    }
  }
  return null;
}

/**
 * Checks the element's input and lays it out in columns, or explains why it cannot (`{ problem }`),
 * so bad data becomes a visible error state instead of an exception or a silently wrong chart.
 */
export function toChurnData(input: unknown): ChurnData | Problem {
  if (!isObject(input)) return { problem: 'data is not an object' };
  const breakdown = breakdownProblem(input.breakdown);
  if (breakdown) return { problem: breakdown };
  const periods: string[] = [];
  const rates: Record<ChurnRate, (number | null)[]> = { logo: [], gross: [], net: [] };
  const churnedCustomers: (number | null)[] = [];
  const churnedMrr: (number | null)[] = [];
  const push = (where: string, values: Record<string, unknown>, report = false): Problem | null => {
    const read = [
      ...CHURN_RATES.map((r) => [rates[r], values[r], report ? CHURN_RATE_FIELDS[r] : r] as const),
      [churnedCustomers, values.churnedCustomers, report ? 'movements.churn.customers' : 'churnedCustomers'] as const,
      [churnedMrr, values.churnedMrr, report ? 'movements.churn.mrr' : 'churnedMrr'] as const,
    ];
    for (const [column, value, name] of read) {
      const n = numberOrNull(value, `${where}.${name}`);
      if (isObject(n)) return n;
      column.push(n);
    }
    return null;
  };

  if ('points' in input) {
    if (!Array.isArray(input.points)) return { problem: 'points is not an array' };
    const currency = input.currency === undefined ? null : currencyProblem(input.currency, 'currency');
    if (currency) return { problem: currency };
    for (const [i, point] of (input.points as unknown[]).entries()) {
      if (!isObject(point) || !isPeriod(point.period)) {
        return { problem: `points[${i}].period is not a YYYY-MM or YYYY-MM-DD string` };
      }
      periods.push(point.period);
      const problem = push(`points[${i}]`, point);
      if (problem) return problem;
    }
    return {
      currency: input.currency as string | undefined,
      periods,
      rates,
      churnedCustomers,
      churnedMrr,
      breakdown: input.breakdown as ChurnBreakdown | undefined,
    };
  }

  const problem = reportProblem(input);
  if (problem) return { problem };
  const report = input as unknown as ReportFields;
  for (const month of report.months) {
    if (!isPeriod(month.month)) return { problem: `report month "${month.month}" is not YYYY-MM` };
    const movements = month.movements;
    const churn = isObject(movements) && isObject(movements.churn) ? movements.churn : {};
    periods.push(month.month);
    const problem = push(
      `report month ${month.month}`,
      {
        logo: month[CHURN_RATE_FIELDS.logo],
        gross: month[CHURN_RATE_FIELDS.gross],
        net: month[CHURN_RATE_FIELDS.net],
        churnedCustomers: churn.customers,
        churnedMrr: churn.mrr,
      },
      true,
    );
    if (problem) return problem;
  }
  return {
    currency: report.currency,
    periods,
    rates,
    churnedCustomers,
    churnedMrr,
    breakdown: input.breakdown as ChurnBreakdown | undefined,
  };
}
