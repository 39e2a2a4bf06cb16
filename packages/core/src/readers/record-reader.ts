import { CskitValidationError, type ValidationIssue } from '../validation/validation-error.js';
import type { CanonicalRecord, ReadOptions, ReadResult } from './read-options.js';

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
  const limit = options.limit ?? 100;
  const issues: ValidationIssue[] = [];
  const kept: T[] = [];
  let row = (options.firstRow ?? 2) - 1;
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
      id = value;
    },
  };
  const stop = (): never => {
    throw new CskitValidationError(issues.slice(0, limit), { truncated: true });
  };
  for (const record of records) {
    row += 1;
    current = record;
    id = undefined;
    bad = false;
    const value = readOne(context, record);
    if (!bad && value !== undefined) kept.push(value);
    if (issues.length >= limit) stop();
  }
  const report = (issue: ValidationIssue): void => {
    issues.push(issue);
  };
  const result = finish === undefined ? kept : finish(kept, report);
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (issues.length >= limit) stop();
  if (issues.length > 0 && (options.onError ?? 'throw') === 'throw') throw new CskitValidationError(issues);
  return { records: result, issues };
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
