import { isPeriod } from '../internal/chart/period.js';
import { currencyProblem, reportProblem, type ReportFields, type ReportLike } from '../internal/report-data.js';

/** The movements of metrics.md §2, in bridge order. */
export type MrrMovement = 'new' | 'expansion' | 'reactivation' | 'contraction' | 'churn';

export const MRR_MOVEMENTS: readonly MrrMovement[] = ['new', 'expansion', 'reactivation', 'contraction', 'churn'];

/** A step of the bridge: the two totals and the movements between them. */
export type BridgeStep = 'start' | MrrMovement | 'end';

/**
 * One month's bridge given directly. Amounts are positive numbers in major units of `currency`
 * (contraction and churn are amounts lost, as in the report). `end` defaults to the balance.
 */
export interface MrrBridge {
  readonly currency: string;
  readonly month: string;
  readonly start: number;
  readonly new: number;
  readonly expansion: number;
  readonly reactivation: number;
  readonly contraction: number;
  readonly churn: number;
  readonly end?: number;
  /** Customers behind each step, when known. */
  readonly customers?: Partial<Record<BridgeStep, number>>;
}

/** What `<cs-mrr-bridge>` accepts: a report (it picks `month`) or one month's bridge. */
export type MrrBridgeInput = MrrBridge | ReportLike;

/** The bridge checked: signed changes per step (totals as levels) and customers where known. */
export interface BridgeData {
  readonly currency: string;
  readonly month: string;
  readonly steps: readonly { readonly key: BridgeStep; readonly value: number; readonly customers: number | null }[];
}

type Problem = { problem: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Rounding slack of a bridge built from amounts each rounded to the currency's minor unit. */
function tolerance(currency: string): number {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // Unreachable: the currency code is checked first (currencyProblem); assume cents.
  }
  // Seven amounts, each up to half a minor unit off.
  return 3.5 * 10 ** -digits + 1e-9;
}

function build(
  currency: string,
  month: string,
  start: number,
  amounts: Record<MrrMovement, number>,
  end: number,
  customers: Partial<Record<BridgeStep, number | null>>,
  where: string,
): BridgeData | Problem {
  const balance = start + amounts.new + amounts.expansion + amounts.reactivation - amounts.contraction - amounts.churn;
  if (Math.abs(balance - end) > tolerance(currency)) {
    return {
      problem: `${where} does not balance: start ${start} + movements = ${Math.round(balance * 100) / 100}, but end is ${end}`,
    };
  }
  const sign = (key: MrrMovement): number => (key === 'contraction' || key === 'churn' ? -1 : 1);
  return {
    currency,
    month,
    steps: [
      { key: 'start', value: start, customers: customers.start ?? null },
      ...MRR_MOVEMENTS.map((key) => ({ key, value: sign(key) * amounts[key], customers: customers[key] ?? null })),
      { key: 'end', value: end, customers: customers.end ?? null },
    ],
  };
}

/**
 * Picks and checks one month's bridge, or explains why it cannot (`{ problem }`). From a report, the
 * start is the previous month's MRR; for the report's first month it is derived from the balance
 * `MRR(M) = MRR(M−1) + new + expansion + reactivation − contraction − churn` (metrics.md §2). A bridge
 * that does not balance is an error, not something to draw.
 */
export function toBridgeData(input: unknown, month: string): BridgeData | Problem {
  if (!isObject(input)) return { problem: 'data is not an object' };
  if (!('months' in input)) {
    const currency = currencyProblem(input.currency, 'currency');
    if (currency) return { problem: currency };
    if (!isPeriod(input.month)) return { problem: 'month is not a YYYY-MM string' };
    const keys = ['start', ...MRR_MOVEMENTS] as const;
    const bad = keys.find((k) => !isAmount(input[k]));
    if (bad) return { problem: `${bad} is ${JSON.stringify(input[bad])}, not an amount ≥ 0` };
    const amounts = Object.fromEntries(MRR_MOVEMENTS.map((k) => [k, input[k] as number])) as Record<
      MrrMovement,
      number
    >;
    const start = input.start as number;
    const derived =
      start + amounts.new + amounts.expansion + amounts.reactivation - amounts.contraction - amounts.churn;
    if (input.end !== undefined && !isAmount(input.end)) return { problem: 'end is not an amount ≥ 0' };
    const customers = isObject(input.customers) ? (input.customers as Partial<Record<BridgeStep, number>>) : {};
    return build(
      input.currency as string,
      input.month,
      start,
      amounts,
      (input.end as number | undefined) ?? derived,
      customers,
      'the bridge',
    );
  }
  const problem = reportProblem(input);
  if (problem) return { problem };
  const report = input as unknown as ReportFields;
  if (month && !isPeriod(month)) return { problem: `month="${month}" is not YYYY-MM` };
  const index = month ? report.months.findIndex((m) => m.month === month) : report.months.length - 1;
  const current = report.months[index];
  if (!current)
    return month ? { problem: `the report has no month ${month}` } : { problem: 'the report has no months' };
  const where = `report month ${current.month}`;
  if (!isAmount(current.mrr)) return { problem: `${where}.mrr is not an amount ≥ 0` };
  const movements = current.movements;
  if (!isObject(movements)) return { problem: `${where}.movements is not an object` };
  const amounts = {} as Record<MrrMovement, number>;
  const customers: Partial<Record<BridgeStep, number | null>> = {};
  for (const key of MRR_MOVEMENTS) {
    const movement = movements[key];
    if (!isObject(movement) || !isAmount(movement.mrr))
      return { problem: `${where}.movements.${key}.mrr is not an amount ≥ 0` };
    amounts[key] = movement.mrr;
    customers[key] = typeof movement.customers === 'number' ? movement.customers : null;
  }
  const previous = report.months[index - 1];
  const net = amounts.new + amounts.expansion + amounts.reactivation - amounts.contraction - amounts.churn;
  let start = current.mrr - net;
  if (previous) {
    if (!isAmount(previous.mrr)) return { problem: `report month ${previous.month}.mrr is not an amount ≥ 0` };
    start = previous.mrr;
    customers.start = typeof previous.customers === 'number' ? previous.customers : null;
  }
  customers.end = typeof current.customers === 'number' ? current.customers : null;
  // Derived starts come out like 123.45000000001; round to the cent the report works in.
  return build(report.currency, current.month, Math.round(start * 100) / 100, amounts, current.mrr, customers, where);
}
