// Baseline (b): DuckDB computing the same series in SQL over the same rows, loaded into an in-memory
// table with the Appender (dates as DATE, as any SQL user would hold them).
import { DuckDBDateValue, DuckDBInstance } from '@duckdb/node-api';

const NORMALISED = `CASE WHEN is_trial THEN 0::DOUBLE ELSE amount_minor * quantity *
  (CASE interval WHEN 'month' THEN 1 WHEN 'quarter' THEN 1 / 3 WHEN 'year' THEN 1 / 12 WHEN 'week' THEN 13 / 3 ELSE 365 / 12 END)::DOUBLE
  / interval_count END`;

const lineMonths = (firstMonth, width) => `
  SELECT customer_id, unnest(range(greatest(from_m, ${firstMonth}), least(to_m, ${firstMonth + width}))) AS m, mrr
  FROM (
    SELECT customer_id, year(start_date) * 12 + month(start_date) - 1 AS from_m,
      coalesce(year(end_date) * 12 + month(end_date) - 1, ${firstMonth + width}) AS to_m, ${NORMALISED} AS mrr
    FROM lines
  ) WHERE mrr > 0`;

/** The SQL of MRR per month (the series the dense baseline sums). */
export const mrrPerMonthSql = (firstMonth, width) => `
  SELECT m, sum(mrr) AS mrr FROM (${lineMonths(firstMonth, width)}) GROUP BY m ORDER BY m`;

/** The SQL of MRR, customers and the five movements per month (what the report needs first). */
export const movementsPerMonthSql = (firstMonth, width) => `
  WITH cm AS (SELECT customer_id, m, sum(mrr) AS mrr FROM (${lineMonths(firstMonth, width)}) GROUP BY customer_id, m),
  w AS (
    SELECT customer_id, m, mrr, lag(m) OVER p AS pm, lag(mrr) OVER p AS pmrr, lead(m) OVER p AS nm
    FROM cm WINDOW p AS (PARTITION BY customer_id ORDER BY m)
  ),
  ev AS (
    SELECT m, mrr, 1 AS active,
      CASE WHEN pm IS NULL THEN mrr ELSE 0 END AS new_mrr,
      CASE WHEN pm < m - 1 THEN mrr ELSE 0 END AS reactivation_mrr,
      CASE WHEN pm = m - 1 AND mrr > pmrr THEN mrr - pmrr ELSE 0 END AS expansion_mrr,
      CASE WHEN pm = m - 1 AND mrr < pmrr THEN pmrr - mrr ELSE 0 END AS contraction_mrr,
      0 AS churn_mrr
    FROM w
    UNION ALL
    SELECT m + 1, 0, 0, 0, 0, 0, 0, mrr FROM w WHERE (nm IS NULL OR nm > m + 1) AND m + 1 < ${firstMonth + width}
  )
  SELECT m, sum(mrr) AS mrr, sum(active) AS customers, sum(new_mrr), sum(reactivation_mrr), sum(expansion_mrr),
    sum(contraction_mrr), sum(churn_mrr), count_if(new_mrr > 0), count_if(churn_mrr > 0)
  FROM ev GROUP BY m ORDER BY m`;

function dayIndex(text) {
  const y = Number(text.slice(0, 4)),
    m = Number(text.slice(5, 7)),
    d = Number(text.slice(8, 10));
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** An in-memory DuckDB holding `lines` in table `lines`. */
export async function loadDuckDb(lines) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE lines (customer_id VARCHAR, start_date DATE, end_date DATE, amount_minor BIGINT,
    interval VARCHAR, interval_count INTEGER, quantity INTEGER, is_trial BOOLEAN)`);
  const appender = await connection.createAppender('lines');
  for (const line of lines) {
    appender.appendVarchar(line.customerId);
    appender.appendDate(new DuckDBDateValue(dayIndex(line.startDate)));
    if (line.endDate === undefined) appender.appendNull();
    else appender.appendDate(new DuckDBDateValue(dayIndex(line.endDate)));
    appender.appendBigInt(BigInt(line.amountMinor));
    appender.appendVarchar(line.interval);
    appender.appendInteger(line.intervalCount);
    appender.appendInteger(line.quantity);
    appender.appendBoolean(line.isTrial);
    appender.endRow();
  }
  appender.closeSync();
  return { instance, connection };
}
