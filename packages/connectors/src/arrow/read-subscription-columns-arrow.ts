import {
  assertTimeZone,
  createSubscriptionColumnsReader,
  CskitValidationError,
  type SubscriptionColumnsReadOptions,
  type SubscriptionColumnsResult,
} from '@cskit/core';
import { missingColumnIssues } from '../csv/canonical-entities.js';
import { cellText, UnreadableArrowTypeError, type CellText } from './arrow-cell-text.js';
import type { ArrowDataLike, ArrowTableLike, ArrowVectorLike } from './arrow-table.js';

/** Options of {@link readSubscriptionColumnsArrow}: core's read options, with defaults for a table. */
export interface ArrowReadOptions extends Omit<SubscriptionColumnsReadOptions, 'source' | 'firstRow'> {
  /** Name of the table in issues (default `Arrow table`). */
  source?: string;
  /** Number of the table's first row in issues (default 0: row i is `table.get(i)`). */
  firstRow?: number;
}

/** The columns of a subscription line (metrics.md §1): what core's checks read. */
const SUBSCRIPTION_FIELDS: ReadonlySet<string> = new Set([
  'line_id',
  'customer_id',
  'subscription_id',
  'start_date',
  'end_date',
  'amount',
  'mrr',
  'interval',
  'interval_count',
  'quantity',
  'currency',
  'product',
  'plan',
  'is_trial',
]);

/** One column, read chunk by chunk as the rows go forward. */
class ColumnChunks {
  private chunk = -1;
  /** First row and end (exclusive) of the current chunk. */
  start = 0;
  end = 0;
  /** Text of the current chunk's element (row − `start`). */
  read: CellText = () => undefined;

  constructor(
    private readonly name: string,
    private readonly chunks: ArrowVectorLike['data'],
    private readonly timeZone: string,
    private readonly source: string,
  ) {}

  /** Moves to the chunk that holds `row` (past the last chunk, every value is null). */
  seek(row: number): void {
    while (row >= this.end) {
      const data = this.chunks[++this.chunk];
      this.start = this.end;
      if (data === undefined) {
        this.end = Number.POSITIVE_INFINITY;
        this.read = () => undefined;
        return;
      }
      this.end = this.start + data.length;
      this.read = this.textOf(data);
    }
  }

  private textOf(data: ArrowDataLike): CellText {
    try {
      return cellText(data, this.timeZone);
    } catch (error) {
      if (!(error instanceof UnreadableArrowTypeError)) throw error;
      throw new CskitValidationError([
        {
          source: this.source,
          field: this.name,
          value: error.type,
          reason: `a column of type ${error.type} cannot be read: use a string, date, timestamp, decimal, integer, floating-point or boolean column`,
        },
      ]);
    }
  }
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
  // One record for every row, refilled from the columns the checks read (others are never converted).
  const record: Record<string, string> = {};
  const fields: string[] = [];
  const columns: ColumnChunks[] = [];
  for (const name of names) {
    const vector = SUBSCRIPTION_FIELDS.has(name) ? table.getChild(name) : null;
    if (vector === null) continue;
    fields.push(name);
    columns.push(new ColumnChunks(name, vector.data, timeZone, source));
  }
  const firstRow = options.firstRow ?? 0;
  const rows = table.numRows;
  for (let row = 0; row < rows;) {
    // A stretch of rows in which no column changes chunk (usually a whole record batch).
    let stretchEnd = rows;
    for (const column of columns) {
      column.seek(row);
      if (column.end < stretchEnd) stretchEnd = column.end;
    }
    for (; row < stretchEnd; row++) {
      // A null is '', as a CSV's empty cell: a field that is sometimes undefined made core's checks
      // about twice as slow on every record (measured on 1M lines).
      for (let k = 0; k < columns.length; k++) {
        const column = columns[k] as ColumnChunks;
        record[fields[k] as string] = column.read(row - column.start) ?? '';
      }
      reader.push(record, firstRow + row);
    }
  }
  return reader.end();
}
