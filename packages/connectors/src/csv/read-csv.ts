import {
  CskitValidationError,
  type CanonicalRecord,
  type ReadOptions,
  type ReadResult,
  type ValidationIssue,
} from '@cskit/core';
import type { CsvInput } from './csv-input.js';
import { readCsvRecords, scanCsvRecords, type CsvRecords } from './csv-records.js';

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
  const readOptions = readOptionsOf(options);
  const { source } = readOptions;
  const limit = readOptions.limit ?? 100;
  const table = await readCsvRecords(input, { source, maxIssues: limit });
  throwHeaderIssues(table.issues, table.columns, options);

  // Rows without a record reach the reader as empty records, so that every record keeps its row number.
  // The reader rejects those (each entity has a required field), and its issues about them are dropped
  // here; as it may raise several per empty record, the limit is applied here, after dropping them.
  const result = read(table.records, { ...readOptions, firstRow: 2, onError: 'skip', limit: Number.POSITIVE_INFINITY });
  const issues = settleIssues(table, result.issues, readOptions);
  return { records: result.records, issues };
}

/** A reader fed row by row, such as core's `createSubscriptionColumnsReader`. */
export interface StreamingRecordReader<R extends { readonly issues: readonly ValidationIssue[] }> {
  push(record: CanonicalRecord, row: number): void;
  end(): R;
}

/**
 * {@link readCsv} for a reader fed row by row: each row goes to the reader as soon as it is parsed, in one
 * reused record object, and no record is kept. The same rows, issues and errors as {@link readCsv}.
 *
 * @throws as {@link readCsv}.
 */
export async function readCsvStreaming<R extends { readonly issues: readonly ValidationIssue[] }>(
  input: CsvInput,
  createReader: (options: ReadOptions) => StreamingRecordReader<R>,
  options: ReadCsvOptions,
): Promise<R & { readonly issues: ValidationIssue[] }> {
  const readOptions = readOptionsOf(options);
  const { source } = readOptions;
  const limit = readOptions.limit ?? 100;
  // As readCsv: the reader takes every issue, and the limit is applied to the merged list.
  const reader = createReader({ ...readOptions, onError: 'skip', limit: Number.POSITIVE_INFINITY });
  const table = await scanCsvRecords(
    input,
    { source, maxIssues: limit },
    {
      header: (columns, issues) => throwHeaderIssues(issues, columns, options),
      record: (record, row) => reader.push(record, row),
      reuseRecords: true,
    },
  );
  throwHeaderIssues(table.issues, table.columns, options);
  const result = reader.end();
  return { ...result, issues: settleIssues(table, result.issues, readOptions) };
}

/** What the record reader is given: everything but the header's required columns. */
function readOptionsOf(options: ReadCsvOptions): CsvReadOptions {
  const readOptions = { ...options };
  delete readOptions.requiredColumns;
  return readOptions;
}

/** Throws the header's issues and missing required columns, if any: no row can be read then. */
export function throwHeaderIssues(
  issues: readonly ValidationIssue[],
  columns: readonly string[],
  { source, requiredColumns }: ReadCsvOptions,
): void {
  const headerIssues = issues.filter((issue) => issue.row === 1);
  const missing = headerIssues.length > 0 ? [] : (requiredColumns?.(new Set(columns)) ?? []);
  headerIssues.push(...missing.map(({ column, reason }) => ({ source, row: 1, field: column, value: '', reason })));
  if (headerIssues.length > 0) throw new CskitValidationError(headerIssues);
}

/**
 * The file's issues and the reader's (less those about rows that had no record), in row order; thrown
 * as `onError` and `limit` say.
 */
function settleIssues(
  table: Pick<CsvRecords, 'issues' | 'skippedRows' | 'truncated'>,
  readerIssues: readonly ValidationIssue[],
  readOptions: CsvReadOptions,
): ValidationIssue[] {
  const limit = readOptions.limit ?? 100;
  const skipped = table.skippedRows;
  const issues = [
    ...table.issues,
    ...readerIssues.filter((issue) => issue.row === undefined || !skipped.has(issue.row)),
  ];
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  // Reading stopped at the limit of malformed rows: the rows before them still come first.
  if (table.truncated || issues.length >= limit) {
    throw new CskitValidationError(issues.slice(0, limit), { truncated: true });
  }
  if (issues.length > 0 && (readOptions.onError ?? 'throw') === 'throw') throw new CskitValidationError(issues);
  return issues;
}
