import { CskitValidationError, type ValidationIssue } from '../validation/validation-error.js';
import type { CanonicalRecord, ReadOptions, ReadResult } from './read-options.js';

/**
 * Fields that identify a record or point at another one. metrics.md §11: identifiers longer than
 * {@link MAX_IDENTIFIER_LENGTH} characters are validation errors (a 10 MB id would be held, hashed
 * and compared everywhere downstream).
 */
export const IDENTIFIER_FIELDS: readonly string[] = [
  'customer_id',
  'line_id',
  'subscription_id',
  'ticket_id',
  'respondent_id',
  'user_id',
];

/** The longest identifier accepted, in UTF-16 code units (what `string.length` counts). */
export const MAX_IDENTIFIER_LENGTH = 256;

/** What a record reader sees of the record it is reading. */
export interface RecordContext {
  readonly row: number;
  /** The trimmed value of a field; `undefined` when empty or missing. */
  field(name: string): string | undefined;
  /** Records an issue with this record; the record is then dropped. */
  report(field: string, value: string | undefined, reason: string): void;
  /** Sets the id quoted by later issues of this record. */
  identify(id: string | undefined): void;
}

/** A reader fed one record at a time, for inputs that arrive in chunks (a streamed file). */
export interface RecordReaderSink<T> {
  /**
   * Reads one record found at `row` of the input. The record is not kept, so the caller may reuse it.
   *
   * @throws CskitValidationError once `limit` issues are found.
   */
  push(record: CanonicalRecord, row: number): void;
  /** Ends the input: deferred records are settled, and the result is returned or thrown. */
  end(): ReadResult<T>;
}

/**
 * The shared loop of every reader: numbers rows, collects issues up to the limit, drops or throws.
 *
 * `readOne` returns the typed record, or `undefined` when it cannot build one; any issue reported
 * while reading a record drops it. `finish` may resolve deferred records once all rows are seen.
 */
export function readRecords<T>(
  records: Iterable<CanonicalRecord>,
  options: ReadOptions,
  readOne: (context: RecordContext, record: CanonicalRecord) => T | undefined,
  finish?: (kept: T[], report: (issue: ValidationIssue) => void) => T[],
): ReadResult<T> {
  const reader = createRecordReader(options, readOne, finish);
  let row = (options.firstRow ?? 2) - 1;
  for (const record of records) reader.push(record, ++row);
  return reader.end();
}

/** {@link readRecords} fed record by record, each with its row. */
export function createRecordReader<T>(
  options: ReadOptions,
  readOne: (context: RecordContext, record: CanonicalRecord) => T | undefined,
  finish?: (kept: T[], report: (issue: ValidationIssue) => void) => T[],
): RecordReaderSink<T> {
  const limit = options.limit ?? 100;
  const issues: ValidationIssue[] = [];
  const kept: T[] = [];
  let row = 0;
  let current: CanonicalRecord = {};
  let id: string | undefined;
  let bad = false;
  const context: RecordContext = {
    get row() {
      return row;
    },
    field(name) {
      const value = current[name]?.trim();
      return value === '' ? undefined : value;
    },
    report(field, value, reason) {
      bad = true;
      issues.push({
        source: options.source,
        row,
        ...(id === undefined ? {} : { id }),
        field,
        value: value ?? '',
        reason,
      });
    },
    identify(value) {
      // An over-long id is reported as such; the record's other issues are named by row alone.
      id = value !== undefined && value.length > MAX_IDENTIFIER_LENGTH ? undefined : value;
    },
  };
  const checkIdentifiers = (record: CanonicalRecord): void => {
    for (const field of IDENTIFIER_FIELDS) {
      const value = record[field];
      // Cheap first: only a value longer than the limit needs trimming to be sure.
      if (value !== undefined && value.length > MAX_IDENTIFIER_LENGTH && value.trim().length > MAX_IDENTIFIER_LENGTH)
        context.report(field, value, `${field} is longer than ${MAX_IDENTIFIER_LENGTH} characters`);
    }
  };
  const stop = (): never => {
    throw new CskitValidationError(issues.slice(0, limit), { truncated: true });
  };
  return {
    push(record, at) {
      row = at;
      current = record;
      id = undefined;
      bad = false;
      checkIdentifiers(record);
      const value = bad ? undefined : readOne(context, record);
      if (!bad && value !== undefined) kept.push(value);
      if (issues.length >= limit) stop();
    },
    end() {
      const report = (issue: ValidationIssue): void => {
        issues.push(issue);
      };
      const result = finish === undefined ? kept : finish(kept, report);
      issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
      if (issues.length >= limit) stop();
      if (issues.length > 0 && (options.onError ?? 'throw') === 'throw') throw new CskitValidationError(issues);
      return { records: result, issues };
    },
  };
}

const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
  ['yes', true],
  ['no', false],
]);

/** Reads `true/false/1/0/yes/no` (any case); `undefined` for anything else. */
export function parseBoolean(text: string): boolean | undefined {
  return BOOLEANS.get(text.toLowerCase());
}
