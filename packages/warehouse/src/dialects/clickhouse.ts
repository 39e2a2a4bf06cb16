import { type Dialect, type WindowSpec } from '../dialect.js';
import { windowClause } from './window-clause.js';

// ClickHouse's lagInFrame/leadInFrame read within the frame and return the type's default (0) outside
// it, so the frame is the whole partition and the value is made Nullable to get SQL's NULL.
const WHOLE_PARTITION = 'ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING';

/** ClickHouse 24+ (a server, a cluster through Distributed tables, or chDB in process). */
export const clickhouse: Dialect = {
  name: 'clickhouse',
  quote: (identifier) => `\`${identifier.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
  wideInteger: 'Int128',
  toWideInteger: (e) => `toInt128(${e})`,
  toDouble: (e) => `toFloat64(${e})`,
  toCount: (e) => `toInt32(${e})`,
  toText: (e) => `toString(${e})`,
  monthIndex: (d) => `(toInt32(toYear(${d})) * 12 + toInt32(toMonth(${d})) - 1)`,
  formatMonth: (i) =>
    `concat(leftPad(toString(intDiv(${i}, 12)), 4, '0'), '-', leftPad(toString(modulo(${i}, 12) + 1), 2, '0'))`,
  intDiv: (a, b) => `intDiv(${a}, ${b})`,
  lag: (e, offset, w: WindowSpec) =>
    `lagInFrame(toNullable(${e}), ${offset}) OVER (${windowClause(w)} ${WHOLE_PARTITION})`,
  lead: (e, w: WindowSpec) => `leadInFrame(toNullable(${e}), 1) OVER (${windowClause(w)} ${WHOLE_PARTITION})`,
  expandRange: (columns, source, start, end) =>
    `SELECT ${columns}, toInt32(arrayJoin(range(toInt64(${start}), toInt64(${end})))) AS m FROM ${source} AS s`,
  asofJoin: true,
  // throwIf wants a constant message: a failed parse stops the query quoting the row's message instead.
  // ClickHouse may evaluate a CASE branch for rows that do not take it (on ten million lines it did), so
  // a NULL message parses as '0' and only a real message fails; materialize() keeps a constant message
  // (a scalar subquery) from being parsed while the plan is built.
  fail: (message) => `toInt64(ifNull(materialize(${message}), '0'))`,
};
