import type { ValidationIssue } from '../validation/validation-error.js';

/**
 * One input record as text, shaped like a CSV row: keys are the canonical snake_case column names of
 * metrics.md §1, values are the cell text. `''` and `undefined` both mean "empty". Surrounding
 * whitespace is ignored.
 */
export type CanonicalRecord = Readonly<Record<string, string | undefined>>;

/** How a reader names, checks and reports records. */
export interface ReadOptions {
  /** Name of the input in issues, usually its file name (`subs.csv`). */
  source: string;
  /**
   * `'throw'` (default): collect issues, then throw one {@link CskitValidationError}.
   * `'skip'`: drop bad records and return the issues with the good ones.
   * In both modes reading stops with a thrown error once `limit` issues are found, so a file that is
   * mostly bad never turns into a report on what little is left.
   */
  onError?: 'throw' | 'skip';
  /** Issues collected before giving up (default 100). */
  limit?: number;
  /** Row number of the first record (default 2: the header is row 1). */
  firstRow?: number;
  /** IANA zone timestamps are converted in, and timestamps without offset are read in (default `UTC`). */
  timeZone?: string;
  /** Currency of records whose `currency` is empty. */
  defaultCurrency?: string;
}

/** Records that passed validation, and the issues of those that did not (`onError: 'skip'`). */
export interface ReadResult<T> {
  records: T[];
  issues: ValidationIssue[];
}
