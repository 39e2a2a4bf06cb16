import {
  assertTimeZone,
  createSubscriptionColumnsReader,
  CskitValidationError,
  type SubscriptionColumnsReadOptions,
  type SubscriptionColumnsResult,
} from '@cskit/core';
import { missingColumnIssues } from '../csv/canonical-entities.js';
import { cellText, UnreadableArrowTypeError, type CellText } from './arrow-cell-text.js';
import type { ArrowTableLike, ArrowVectorLike } from './arrow-table.js';

/** Options of {@link readSubscriptionColumnsArrow}: core's read options, with defaults for a table. */
export interface ArrowReadOptions extends Omit<SubscriptionColumnsReadOptions, 'source' | 'firstRow'> {
  /** Name of the table in issues (default `Arrow table`). */
  source?: string;
  /** Number of the table's first row in issues (default 0: row i is `table.get(i)`). */
  firstRow?: number;
}

/** What a column reads for the row being read, the last text memoised: the checks read a field twice. */
interface ColumnCursor {
  text(row: number): string | undefined;
}

function columnCursor(name: string, vector: ArrowVectorLike, timeZone: string, source: string): ColumnCursor {
  const chunks = vector.data;
  let chunk = -1;
  let start = 0;
  let end = 0;
  let read: CellText = () => undefined;
  let lastRow = -1;
  let last: string | undefined;
  return {
    text(row) {
      if (row === lastRow) return last;
      while (row >= end && chunk + 1 < chunks.length) {
        chunk += 1;
        start = end;
        const data = chunks[chunk];
        if (data === undefined) break;
        end = start + data.length;
        try {
          read = cellText(data, timeZone);
        } catch (error) {
          if (!(error instanceof UnreadableArrowTypeError)) throw error;
          throw new CskitValidationError([
            {
              source,
              field: name,
              value: error.type,
              reason: `a column of type ${error.type} cannot be read: use a string, date, timestamp, decimal, integer, floating-point or boolean column`,
            },
          ]);
        }
      }
      lastRow = row;
      last = row < end ? read(row - start) : undefined;
      return last;
    },
  };
}

/**
 * Reads the subscription lines of an Apache Arrow table (from Arrow JS, DuckDB-WASM, or Parquet or IPC
 * bytes decoded by Arrow) into core's `SubscriptionColumns`, for `buildReport({ subscriptions })`: no
 * text file and no object per line on the way.
 *
 * The table has the canonical columns of metrics.md §1, by name (`customer_id`, `start_date`, `amount`,
 * `interval` …; other columns are ignored). Each value becomes the text a canonical CSV cell would
 * hold and goes through core's checks, so the rules, defaults and messages are those of
 * `readSubscriptionColumnsCsv`: a null is an empty cell (`quantity` 1, `interval_count` 1, `is_trial`
 * false, `end_date` ongoing, `currency` the default). Strings may be plain or dictionary-encoded;
 * dates `Date32`, `Date64` or a `Timestamp` at midnight (a zoned one, an instant, at midnight in
 * `timeZone`); amounts `Decimal` (exact), integers (major units, as in a CSV) or floats (the shortest
 * text that reads back as the same float: `49.9` is 49.90, and `0.30000000000000004` is rejected as
 * more decimals than the currency has). Issues name the row from 0, as `table.get(i)` does
 * (`firstRow` changes that). See docs/connectors.md, "Apache Arrow".
 *
 * @throws CskitValidationError when a required column is missing or has a type without canonical text,
 *   and as core's readers when rows are invalid (`onError`, `limit`).
 * @throws RangeError when `timeZone` or `defaultCurrency` is unknown.
 */
export function readSubscriptionColumnsArrow(
  table: ArrowTableLike,
  options: ArrowReadOptions = {},
): SubscriptionColumnsResult {
  const source = options.source ?? 'Arrow table';
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const names = [...new Set(table.schema.fields.map((field) => field.name))];
  const missing = missingColumnIssues('subscriptions', new Set(names), source, 'the table');
  if (missing.length > 0) throw new CskitValidationError(missing);

  const reader = createSubscriptionColumnsReader({ ...options, source, timeZone });
  // One record for every row, its fields read from the columns on demand: no object or string per
  // row for columns the checks never read.
  const record: Record<string, string | undefined> = {};
  let row = 0;
  for (const name of names) {
    const vector = table.getChild(name);
    if (vector === null) continue;
    const cursor = columnCursor(name, vector, timeZone, source);
    Object.defineProperty(record, name, { enumerable: true, get: () => cursor.text(row) });
  }
  const firstRow = options.firstRow ?? 0;
  for (; row < table.numRows; row++) reader.push(record, firstRow + row);
  return reader.end();
}
