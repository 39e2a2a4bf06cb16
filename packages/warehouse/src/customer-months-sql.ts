import { BILLING_INTERVALS, CURRENCY_CODES, currencyExponent } from '@cskit/core';
import type { Dialect } from './dialect.js';
import type { ResolvedQueryOptions } from './query-options.js';
import { tableReference } from './table-name.js';
import { FACTOR_PER_INTERVAL, FALLBACK_SCALE, MAX_SCALE } from './ticks.js';

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

/** Why an FX row cannot be used (as `createFxTable` and the fx reader refuse it), or NULL. */
function fxProblem(d: Dialect): string {
  const q = d.quote;
  const where = `${q('currency')} || ' on ' || ${d.toText(q('date'))}`;
  return `CASE WHEN ${q('date')} IS NULL OR ${q('currency')} IS NULL THEN 'FX rate without a date or currency'
      WHEN COUNT(*) OVER (PARTITION BY ${q('currency')}, ${q('date')}) > 1 THEN 'duplicate FX rate for ' || ${where}
      WHEN ${q('rate')} IS NULL OR NOT (${q('rate')} > 0) THEN 'FX rate for ' || ${where} || ' must be a positive number' END`;
}

/** The columns of `lines_checked` that `lines` reads, each prefixed with `prefix`. */
function lineColumns(prefix: string): string {
  return ['line_id', 'customer_id', 'start_date', 'end_date', 'currency', 'problem', 'raw', 'denominator']
    .map((column) => `${prefix}${column} AS ${column}`)
    .join(', ');
}

/** A CASE over a line's period: `value(factor)` of its interval's monthly factor. */
function byInterval(column: string, value: (factor: { numerator: number; denominator: number }) => number): string {
  return `CASE ${column} ${[...FACTOR_PER_INTERVAL].map(([interval, factor]) => `WHEN '${interval}' THEN ${value(factor)}`).join(' ')} END`;
}

// An aggregate over no rows is written CASE WHEN COUNT(*) > 0 …: ClickHouse gives the type's default
// (0, '') there, not NULL, unless the column is Nullable.

/**
 * The least common multiple of the paying lines' denominators, folded one distinct value at a time
 * with Euclid's algorithm in a recursive CTE (not every dialect has GCD), stopping once it passes
 * {@link MAX_SCALE}: the ledger then falls back to {@link FALLBACK_SCALE} ticks per minor unit.
 */
function scaleCandidate(d: Dialect): string {
  const w = (e: string): string => d.toWideInteger(e);
  const divides = 'MOD(f.l, n.denominator) = 0';
  const gcdFound = 'MOD(f.x, NULLIF(f.y, 0)) = 0';
  // Nested, so that only these two names are visible to each other: at the top level RECURSIVE would
  // let a user's table named like a later CTE (`rates`) resolve to that CTE instead.
  return `WITH RECURSIVE
denominators AS (
  SELECT denominator, ROW_NUMBER() OVER (ORDER BY denominator) AS i
  FROM (SELECT DISTINCT denominator FROM lines_checked WHERE raw > 0 AND denominator <= ${MAX_SCALE}) AS distinct_denominators
),
lcm_fold AS (
  SELECT ${w('1')} AS i, ${w('1')} AS l, ${w('0')} AS x, ${w('0')} AS y
  UNION ALL
  SELECT
    ${w(`CASE WHEN f.y = 0 AND ${divides} THEN f.i + 1 WHEN f.y <> 0 AND ${gcdFound} THEN f.i + 1 ELSE f.i END`)} AS i,
    ${w(`CASE WHEN f.y <> 0 AND ${gcdFound} THEN ${d.intDiv('f.l', 'f.y')} * n.denominator ELSE f.l END`)} AS l,
    ${w(`CASE WHEN f.y = 0 AND ${divides} THEN 0 WHEN f.y = 0 THEN n.denominator WHEN ${gcdFound} THEN 0 ELSE f.y END`)} AS x,
    ${w(`CASE WHEN f.y = 0 AND ${divides} THEN 0 WHEN f.y = 0 THEN MOD(f.l, n.denominator) WHEN ${gcdFound} THEN 0 ELSE MOD(f.x, NULLIF(f.y, 0)) END`)} AS y
  FROM lcm_fold AS f JOIN denominators AS n ON n.i = f.i
  WHERE f.l <= ${MAX_SCALE}
)
SELECT CASE WHEN (SELECT COUNT(*) FROM lines_checked WHERE raw > 0 AND denominator > ${MAX_SCALE}) > 0 THEN ${FALLBACK_SCALE}
  ELSE COALESCE((SELECT CASE WHEN COUNT(*) > 0 THEN MAX(l) END FROM lcm_fold WHERE i > (SELECT COUNT(*) FROM denominators) AND l <= ${MAX_SCALE}), ${FALLBACK_SCALE}) END AS candidate`;
}

// The one-row CTEs are read through scalar subqueries, never joined: ClickHouse inlines a CTE at each
// reference, but computes an uncorrelated scalar subquery once per query.

/** Ticks per minor unit of the reporting currency (see `ticks.ts`), as a scalar subquery. */
export const TICKS_PER_MINOR = '(SELECT ticks_per_minor FROM scale)';

/** The first and last month the report prints, as scalar subqueries. */
export const FIRST_PRINTED = '(SELECT first_printed FROM bounds)';
export const LAST_PRINTED = '(SELECT last_printed FROM bounds)';

// The first month computed: the first printed, or the first active if earlier (movements need it).
const SPINE_START = '(SELECT LEAST(first_printed, COALESCE(first_active, first_printed)) FROM bounds)';

/**
 * The common table expressions every revenue query starts from ending in `scale(ticks_per_minor)`, `customer_months(customer_id, m, q)`: the MRR in
 * ticks of each customer in each month it is active (metrics.md §2, month-end snapshot), for all
 * history up to the last printed month, and `bounds(first_printed, last_printed)` and `spine(m)`, the
 * months the report prints and those before them that it needs.
 *
 * Ticks are doubles computed with the JS engine's operations in its order (see `ticks.ts`), so each
 * line's value is bit for bit the ledger's; sums of integers are exact in any order.
 *
 * The month-end snapshot needs no date arithmetic: a line is active in M when start ≤ last day of M
 * < end, which for whole months is month(start) ≤ M < month(end).
 */
export function customerMonthCtes(d: Dialect, options: ResolvedQueryOptions): string[] {
  const q = d.quote;
  const reporting = `'${options.currency}'`;
  // Minor units of the reporting currency per minor unit of the line's currency (before the rate),
  // as the double the ledger multiplies by: String(10 ** k) reads back as that very double.
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
    `lines_priced AS (
  SELECT line_id, customer_id, start_date, end_date, currency, is_trial, quantity, ${lineProblem()} AS problem,
    COALESCE(amount, mrr) AS price, minor_per_major,
    CASE WHEN amount IS NULL THEN 'month' ELSE billing_interval END AS period,
    CASE WHEN amount IS NULL THEN 1 ELSE interval_count END AS period_count
  FROM lines_read
)`,
    // raw = amount × quantity × numerator, a double as the ledger holds it (exact below 2^53).
    `lines_checked AS (
  SELECT line_id, customer_id, start_date, end_date, currency, problem,
    CASE WHEN problem IS NOT NULL OR is_trial THEN ${d.toDouble('0')}
      ELSE ${d.toDouble('ROUND(price * minor_per_major)')} * quantity * ${byInterval('period', (f) => f.numerator)} END AS raw,
    ${d.toWideInteger(`${byInterval('period', (f) => f.denominator)} * period_count`)} AS denominator
  FROM lines_priced
)`,
    `fx_checked AS (
  SELECT ${q('currency')} AS currency, ${q('date')} AS valid_from${validUntil}, ${q('rate')} AS rate, ${fxProblem(d)} AS problem
  FROM ${tableReference(d, options.fxTable)}
  WHERE ${q('currency')} IS NULL OR ${q('currency')} <> ${reporting}
)`,
    `fx_rates AS (
  SELECT currency, valid_from${d.asofJoin ? '' : ', valid_until'}, rate FROM fx_checked WHERE problem IS NULL
)`,
    // The ledger's scale; a broken FX table stops the query once any line is in another currency, as
    // createFxTable refuses it then.
    `scale AS (
  SELECT CASE
      WHEN p.magnitude * ${d.toDouble('c.candidate')} * 12 >= ${Number.MAX_SAFE_INTEGER} THEN ${d.toWideInteger('1')}
      ELSE ${d.toWideInteger('c.candidate')} END AS ticks_per_minor
  FROM (
${scaleCandidate(d)}
  ) AS c CROSS JOIN (
    SELECT COALESCE((SELECT SUM(raw / ${d.toDouble('denominator')}) FROM lines_checked WHERE raw > 0), 0) AS magnitude
  ) AS p
)`,
    // What stops the query besides a line's own problem: a broken FX table once any line is in another
    // currency (createFxTable refuses it then), or a line_id used twice (the readers refuse the row).
    `checks AS (
  SELECT CASE
    WHEN (SELECT COUNT(*) FROM lines_checked WHERE currency <> ${reporting}) > 0 AND (SELECT MIN(problem) FROM fx_checked) IS NOT NULL
      THEN 'FX table: ' || (SELECT MIN(problem) FROM fx_checked)
    ELSE (SELECT CASE WHEN COUNT(*) > 0 THEN 'Subscription line ' || MIN(line_id) || ': duplicate line_id' END
      FROM (SELECT line_id FROM lines_read WHERE line_id IS NOT NULL GROUP BY line_id HAVING COUNT(*) > 1) AS duplicated)
  END AS problem
)`,
    // Ticks as the ledger computes them: raw × (scale ÷ denominator), × (rate × shift) when converted
    // at the latest rate on or before the start date; a missing rate stops the query (metrics.md §0).
    // Only lines in another currency meet the FX table (the join sorts what it is given). ClickHouse's
    // ASOF LEFT JOIN gives 0, not NULL, where no rate matches (fx_checked keeps rates > 0).
    `lines AS (
  SELECT l.customer_id AS customer_id, ${d.monthIndex('l.start_date')} AS start_month,
    CASE WHEN l.end_date IS NULL THEN NULL ELSE ${d.monthIndex('l.end_date')} END AS end_month,
    CASE
      WHEN (SELECT problem FROM checks) IS NOT NULL THEN ${d.toDouble(d.fail('(SELECT problem FROM checks)'))}
      WHEN l.problem IS NOT NULL THEN ${d.toDouble(d.fail(failure))}
      WHEN l.raw = 0 THEN ${d.toDouble('0')}
      WHEN l.currency = ${reporting} THEN l.raw * (${d.toDouble(TICKS_PER_MINOR)} / ${d.toDouble('l.denominator')})
      WHEN l.rate IS NULL OR NOT (l.rate > 0) THEN ${d.toDouble(d.fail(`CASE WHEN l.rate IS NULL OR NOT (l.rate > 0) THEN ${missingRate} END`))}
      ELSE l.raw * (${d.toDouble(TICKS_PER_MINOR)} / ${d.toDouble('l.denominator')}) * (l.rate * ${d.toDouble(exponentShift)})
    END AS ticks
  FROM (
    SELECT ${lineColumns('')}, ${d.toDouble('1')} AS rate FROM lines_checked WHERE currency = ${reporting}
    UNION ALL
    SELECT ${lineColumns('l.')}, ${d.toDouble('r.rate')} AS rate FROM ${rateJoin} WHERE l.currency <> ${reporting}
  ) AS l
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
  ${d.expandRange('1 AS one', `(SELECT ${SPINE_START} AS first_m, ${LAST_PRINTED} AS last_m)`, 's.first_m', 's.last_m + 1')}
)`,
    `active_lines AS (
  SELECT l.customer_id AS customer_id, l.ticks AS ticks, l.start_month AS start_month, LEAST(COALESCE(l.end_month, ${LAST_PRINTED} + 1), ${LAST_PRINTED} + 1) AS end_month
  FROM lines AS l
  WHERE l.ticks > 0
)`,
    `customer_months AS (
  SELECT customer_id, m, SUM(ticks) AS q
  FROM (${d.expandRange('s.customer_id AS customer_id, s.ticks AS ticks', 'active_lines', 's.start_month', 's.end_month')}) AS expanded
  GROUP BY customer_id, m
)`,
  ];
}
