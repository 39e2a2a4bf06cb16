import { BILLING_INTERVALS, CURRENCY_CODES, currencyExponent } from '@cskit/core';
import type { Dialect } from './dialect.js';
import type { ResolvedQueryOptions } from './query-options.js';
import { tableReference } from './table-name.js';
import { COUNT_MULTIPLE, TWELFTHS_PER_INTERVAL } from './ticks.js';

/** ISO codes by minor-unit exponent other than 2 (2 is the default of the CASE). */
function codesByExponent(): Map<number, string[]> {
  const byExponent = new Map<number, string[]>();
  for (const code of CURRENCY_CODES) {
    const exponent = currencyExponent(code);
    if (exponent === 2) continue;
    byExponent.set(exponent, [...(byExponent.get(exponent) ?? []), code]);
  }
  return byExponent;
}

/** A CASE over the line's currency: `value(exponent)` for each minor-unit exponent. */
function byCurrencyExponent(column: string, value: (exponent: number) => string): string {
  const branches = [...codesByExponent()].map(
    ([exponent, codes]) => `WHEN ${column} IN (${codes.map((code) => `'${code}'`).join(', ')}) THEN ${value(exponent)}`,
  );
  return `CASE ${branches.join(' ')} ELSE ${value(2)} END`;
}

/** Why a line breaks the model (metrics.md §1, §10), or NULL: the message the query fails with. */
function lineProblem(): string {
  const intervals = BILLING_INTERVALS.map((interval) => `'${interval}'`).join(', ');
  const problems: [string, string][] = [
    ['customer_id IS NULL', 'customer_id is missing'],
    ['start_date IS NULL', 'start_date is missing'],
    ['end_date < start_date', 'end_date is before start_date'],
    ['amount IS NULL AND mrr IS NULL', 'amount (with interval) or mrr is required'],
    ['amount IS NOT NULL AND mrr IS NOT NULL', 'give either mrr or amount with interval, not both'],
    [
      `amount IS NULL AND billing_interval IS NOT NULL AND billing_interval <> 'month'`,
      'a line given with mrr is monthly: interval must be empty or month',
    ],
    [`amount IS NOT NULL AND (billing_interval IS NULL OR billing_interval NOT IN (${intervals}))`, 'unknown interval'],
    ['COALESCE(amount, mrr) < 0', 'amount is negative'],
    [
      `COALESCE(amount, mrr) * minor_per_major <> ROUND(COALESCE(amount, mrr) * minor_per_major)`,
      'more decimals than the currency allows',
    ],
    ['quantity < 0', 'quantity must be a non-negative integer'],
    ['interval_count < 1', 'interval_count must be a positive integer'],
  ];
  return `CASE ${problems.map(([condition, reason]) => `WHEN ${condition} THEN '${reason}'`).join(' ')} END`;
}

/**
 * The common table expressions every revenue query starts from, ending in
 * `customer_months(customer_id, m, q)`: the MRR in ticks of each customer in each month it is active
 * (metrics.md §2, month-end snapshot), for all history up to the last printed month, and
 * `bounds(first_printed, last_printed)` and `spine(m)`, the months the report prints and those before
 * them that it needs.
 *
 * The month-end snapshot needs no date arithmetic: a line is active in M when start ≤ last day of M
 * < end, which for whole months is month(start) ≤ M < month(end).
 */
export function customerMonthCtes(d: Dialect, options: ResolvedQueryOptions): string[] {
  const q = d.quote;
  const reporting = `'${options.currency}'`;
  const twelfths = `CASE period ${[...TWELFTHS_PER_INTERVAL].map(([interval, n]) => `WHEN '${interval}' THEN ${n}`).join(' ')} END`;
  // Minor units of the reporting currency per minor unit of the line's currency (before the rate).
  const exponentShift = byCurrencyExponent('l.currency', (exponent) => String(10 ** (options.exponent - exponent)));
  const lineName = `COALESCE(${d.toText('l.line_id')}, '(no line_id)')`;
  const failure = `'Subscription line ' || ${lineName} || ' (customer ' || COALESCE(${d.toText('l.customer_id')}, '') || '): ' || l.problem`;
  const missingRate = `'Subscription line ' || ${lineName} || ': No FX rate for ' || l.currency || ' on or before ' || ${d.toText('l.start_date')} || ' (needed to convert ' || l.currency || ' to ${options.currency}); add one to the fx table'`;
  const rateJoin = d.asofJoin
    ? `lines_checked AS l ASOF LEFT JOIN fx_rates AS r ON l.currency = r.currency AND l.start_date >= r.valid_from`
    : `lines_checked AS l LEFT JOIN fx_rates AS r ON l.currency = r.currency AND r.valid_from <= l.start_date AND (r.valid_until IS NULL OR l.start_date < r.valid_until)`;
  const validUntil = d.asofJoin
    ? ''
    : `, ${d.lead(q('date'), { partitionBy: q('currency'), orderBy: q('date') })} AS valid_until`;
  const printedFrom = options.from === undefined ? 'NULL' : String(options.from);
  const printedTo = options.to === undefined ? 'NULL' : String(options.to);
  return [
    `lines_read AS (
  SELECT ${q('line_id')} AS line_id, ${q('customer_id')} AS customer_id, ${q('start_date')} AS start_date,
    ${q('end_date')} AS end_date, COALESCE(${q('currency')}, ${reporting}) AS currency, ${q('amount')} AS amount,
    ${q('mrr')} AS mrr, ${q('interval')} AS billing_interval, COALESCE(${q('interval_count')}, 1) AS interval_count,
    COALESCE(${q('quantity')}, 1) AS quantity, COALESCE(${q('is_trial')}, FALSE) AS is_trial,
    ${byCurrencyExponent(`COALESCE(${q('currency')}, ${reporting})`, (exponent) => String(10 ** exponent))} AS minor_per_major
  FROM ${tableReference(d, options.subscriptionsTable)}
)`,
    // A line given with mrr is amount = mrr, interval = month, interval_count = 1 (metrics.md §1).
    `lines_checked AS (
  SELECT line_id, customer_id, start_date, end_date, currency, is_trial, quantity, ${lineProblem()} AS problem,
    COALESCE(amount, mrr) AS price, minor_per_major,
    CASE WHEN amount IS NULL THEN 'month' ELSE billing_interval END AS period,
    CASE WHEN amount IS NULL THEN 1 ELSE interval_count END AS period_count
  FROM lines_read
)`,
    `fx_rates AS (
  SELECT ${q('currency')} AS currency, ${q('date')} AS valid_from${validUntil}, ${q('rate')} AS rate
  FROM ${tableReference(d, options.fxTable)}
  WHERE ${q('currency')} <> ${reporting}
)`,
    // Ticks of the line's own currency: price in minor units × quantity × twelfths × 27720 ÷ count,
    // rounded half up only when interval_count does not divide 27720.
    `lines_own AS (
  SELECT l.customer_id AS customer_id, l.start_date AS start_date, l.end_date AS end_date, l.currency AS currency,
    l.line_id AS line_id, l.problem AS problem, r.rate AS rate,
    CASE WHEN l.problem IS NOT NULL OR l.is_trial THEN 0 ELSE ${d.intDiv(
      `2 * ${d.toWideInteger('ROUND(l.price * l.minor_per_major)')} * l.quantity * ${twelfths.replaceAll('period', 'l.period')} * ${COUNT_MULTIPLE} + l.period_count`,
      '2 * l.period_count',
    )} END AS own_ticks
  FROM ${rateJoin}
)`,
    // FX at the latest rate on or before the start date; a missing rate stops the query (metrics.md §0).
    `lines AS (
  SELECT l.customer_id AS customer_id, ${d.monthIndex('l.start_date')} AS start_month,
    CASE WHEN l.end_date IS NULL THEN NULL ELSE ${d.monthIndex('l.end_date')} END AS end_month,
    CASE
      WHEN l.problem IS NOT NULL THEN ${d.fail(failure)}
      WHEN l.own_ticks = 0 OR l.currency = ${reporting} THEN l.own_ticks
      WHEN l.rate IS NULL OR NOT (l.rate > 0) THEN ${d.fail(missingRate)}
      ELSE ${d.toWideInteger(`ROUND(${d.toDouble('l.own_ticks')} * ${d.toDouble('l.rate')} * ${d.toDouble(exponentShift)})`)}
    END AS ticks
  FROM lines_own AS l
)`,
    // Printed months: from `from`, else the first active month, else the first month computed.
    `bounds AS (
  SELECT
    COALESCE(${printedFrom}, MIN(CASE WHEN ticks > 0 AND (end_month IS NULL OR end_month > start_month) THEN start_month END),
      LEAST(MIN(start_month), COALESCE(${printedTo}, MIN(start_month)))) AS first_printed,
    COALESCE(${printedTo}, MAX(COALESCE(end_month, start_month))) AS last_printed,
    MIN(CASE WHEN ticks > 0 AND (end_month IS NULL OR end_month > start_month) THEN start_month END) AS first_active
  FROM lines
)`,
    `spine AS (
  ${d.expandRange('1 AS one', 'bounds', 'LEAST(s.first_printed, COALESCE(s.first_active, s.first_printed))', 's.last_printed + 1')}
)`,
    `active_lines AS (
  SELECT l.customer_id AS customer_id, l.ticks AS ticks, l.start_month AS start_month, LEAST(COALESCE(l.end_month, b.last_printed + 1), b.last_printed + 1) AS end_month
  FROM lines AS l CROSS JOIN bounds AS b
  WHERE l.ticks > 0
)`,
    `customer_months AS (
  SELECT customer_id, m, SUM(ticks) AS q
  FROM (${d.expandRange('s.customer_id AS customer_id, s.ticks AS ticks', 'active_lines', 's.start_month', 's.end_month')}) AS expanded
  GROUP BY customer_id, m
)`,
  ];
}
