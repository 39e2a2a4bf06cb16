import { CskitValidationError, type CanonicalRecord, type ReadOptions, type ReadResult } from '@cskit/core';
import type { CsvInput } from './csv-input.js';
import { readCsvRecords } from './csv-records.js';

/** One of core's readers (`readSubscriptionLines`, `readCustomers` …): validates and types records. */
export type RecordReader<T> = (records: Iterable<CanonicalRecord>, options: ReadOptions) => ReadResult<T>;

/** Options of the CSV readers: core's {@link ReadOptions}; rows are numbered from the file. */
export type CsvReadOptions = Omit<ReadOptions, 'firstRow'>;

/** A column the header must have, and why, for the message when it does not. */
export interface RequiredColumn {
  readonly column: string;
  readonly reason: string;
}

/** Options of {@link readCsv}. */
export interface ReadCsvOptions extends CsvReadOptions {
  /**
   * Columns the header must have, given its columns. A missing one is one issue naming row 1, instead of
   * the same issue on every row.
   */
  readonly requiredColumns?: (columns: ReadonlySet<string>) => readonly RequiredColumn[];
}

/**
 * Reads a canonical CSV file with one of core's readers. Issues name `source` and the file's row (the
 * header is row 1, a quoted line break does not start a row); rows that are not well-formed CSV are
 * issues too, and follow `onError` like every other bad record. `limit` counts both kinds.
 *
 * @throws CskitValidationError when the header is unusable (empty file, duplicate or missing required
 *   columns) whatever `onError` says, as no row could be read; otherwise as core's readers do.
 * @throws TypeError when the bytes are not UTF-8.
 */
export async function readCsv<T>(
  input: CsvInput,
  read: RecordReader<T>,
  options: ReadCsvOptions,
): Promise<ReadResult<T>> {
  const { requiredColumns, ...readOptions } = options;
  const { source } = readOptions;
  const limit = readOptions.limit ?? 100;
  const table = await readCsvRecords(input, { source, maxIssues: limit });
  const headerIssues = table.issues.filter((issue) => issue.row === 1);
  const missing = headerIssues.length > 0 ? [] : (requiredColumns?.(new Set(table.columns)) ?? []);
  headerIssues.push(...missing.map(({ column, reason }) => ({ source, row: 1, field: column, value: '', reason })));
  if (headerIssues.length > 0) throw new CskitValidationError(headerIssues);

  // Rows without a record reach the reader as empty records, so that every record keeps its row number.
  // The reader rejects those (each entity has a required field), and its issues about them are dropped
  // here; as it may raise several per empty record, the limit is applied here, after dropping them.
  const result = read(table.records, { ...readOptions, firstRow: 2, onError: 'skip', limit: Number.POSITIVE_INFINITY });
  const skipped = table.skippedRows;
  const issues = [
    ...table.issues,
    ...result.issues.filter((issue) => issue.row === undefined || !skipped.has(issue.row)),
  ];
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  // Reading stopped at the limit of malformed rows: the rows before them still come first.
  if (table.truncated || issues.length >= limit) {
    throw new CskitValidationError(issues.slice(0, limit), { truncated: true });
  }
  if (issues.length > 0 && (readOptions.onError ?? 'throw') === 'throw') throw new CskitValidationError(issues);
  return { records: result.records, issues };
}
