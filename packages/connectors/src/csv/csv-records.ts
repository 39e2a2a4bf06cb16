import Papa from 'papaparse';
import type { CanonicalRecord, ValidationIssue } from '@cskit/core';
import { csvTextChunks, type CsvInput } from './csv-input.js';

/** The rows of a CSV file as records keyed by its header, before any type is checked. */
export interface CsvRecords {
  /** The header's column names, in file order. */
  readonly columns: readonly string[];
  /**
   * One record per data row, so that record `i` is row `i + 2` of the file (the header is row 1): every
   * named column of the header with its text ('' when empty). A row that is blank or not well-formed
   * CSV is an empty record here, and listed in `skippedRows`.
   */
  readonly records: CanonicalRecord[];
  /** Rows given as empty records: blank lines, and the rows of `issues`. */
  readonly skippedRows: ReadonlySet<number>;
  /** Header problems and rows that are not well-formed CSV, in file order. */
  readonly issues: ValidationIssue[];
  /** Whether reading stopped early because `maxIssues` was reached. */
  readonly truncated: boolean;
}

/** Stands in for a row that has no record, keeping later records at their row numbers. */
const NO_RECORD: CanonicalRecord = Object.freeze({});

/** Options of {@link readCsvRecords}. */
export interface CsvRecordsOptions {
  /** The file name that issues name. */
  readonly source: string;
  /** Stop reading once this many rows were malformed. Default: read everything. */
  readonly maxIssues?: number;
}

/**
 * Reads CSV text (RFC 4180: comma separated, `"` quoting with `""` escapes, fields may hold commas and
 * line breaks; CRLF or LF line endings; UTF-8 with or without a byte order mark) into records keyed by its
 * header row. Rows count as a spreadsheet shows them: a quoted line break does not start a new row.
 * Blank lines are skipped but counted. A row with more or fewer fields than the header, or with broken
 * quoting, is reported and left out.
 *
 * Parsing goes chunk by chunk (papaparse's incremental parser), so only the records are kept in memory.
 */
export async function readCsvRecords(input: CsvInput, options: CsvRecordsOptions): Promise<CsvRecords> {
  const records: CanonicalRecord[] = [];
  const table = await scanCsvRecords(input, options, {
    record: (record) => records.push(record),
    skipped: () => records.push(NO_RECORD),
    reuseRecords: false,
  });
  return { ...table, records };
}

/** Where {@link scanCsvRecords} hands each row. */
export interface CsvRecordVisitor {
  /** The header has been read, with its problems (row 1). May throw to stop reading. */
  readonly header?: (columns: readonly string[], issues: readonly ValidationIssue[]) => void;
  /** A well-formed data row at `row`. With `reuseRecords`, `record` is overwritten by the next row. */
  readonly record: (record: CanonicalRecord, row: number) => void;
  /** A row given no record: blank, or an issue of its own. */
  readonly skipped?: (row: number) => void;
  /**
   * One record object for every row (its fields overwritten row by row), for a visitor that does not
   * keep records: a million rows then make no million objects to collect.
   */
  readonly reuseRecords: boolean;
}

/**
 * {@link readCsvRecords}, handing each row to `visitor` as it is parsed instead of keeping the records:
 * the same rows, row numbers and issues.
 */
export async function scanCsvRecords(
  input: CsvInput,
  options: CsvRecordsOptions,
  visitor: CsvRecordVisitor,
): Promise<Omit<CsvRecords, 'records'>> {
  const { source } = options;
  const maxIssues = options.maxIssues ?? Number.POSITIVE_INFINITY;
  let reused: Record<string, string> | undefined;
  const skippedRows = new Set<number>();
  const issues: ValidationIssue[] = [];
  let columns: string[] | undefined;
  /** Indexes of the columns with a name: an export's trailing comma makes a nameless empty column. */
  let named: number[] = [];
  let row = 0;
  let parser: Papa.Parser | undefined;
  let pending = '';

  /** Takes parsed rows; returns false once reading should stop. */
  const accept = (result: ParsedChunk): boolean => {
    const broken = new Map<number, string>();
    for (const error of result.errors) {
      if (error.row !== undefined && !broken.has(error.row)) broken.set(error.row, quotingProblem(error.code));
    }
    for (let i = 0; i < result.data.length; i++) {
      const fields = result.data[i] as string[];
      row++;
      const problem = broken.get(i);
      if (columns === undefined) {
        columns = fields;
        named = namedColumns(fields);
        issues.push(...headerIssues(fields, problem, source));
        visitor.header?.(columns, issues);
        continue;
      }
      const issue = rowProblem(fields, columns, problem);
      if (issue !== undefined || isBlank(fields)) {
        visitor.skipped?.(row);
        skippedRows.add(row);
        if (issue === undefined) continue;
        issues.push({ source, row, ...issue });
        if (issues.length >= maxIssues) return false;
        continue;
      }
      const record: Record<string, string> = visitor.reuseRecords ? (reused ??= {}) : {};
      for (const index of named) {
        setField(record, columns[index] as string, fields[index] as string);
      }
      visitor.record(record, row);
    }
    return true;
  };

  let truncated = false;
  for await (const text of csvTextChunks(input)) {
    pending += text;
    // The line ending is the header's: papaparse's low-level parser does not guess it per chunk.
    parser ??= lineEndingKnown(pending) ? createParser(pending) : undefined;
    if (parser === undefined) continue;
    const result = parser.parse(pending, 0, true) as ParsedChunk; // true: keep the unfinished last row for later
    pending = pending.slice(result.meta.cursor);
    if (!accept(result)) {
      truncated = true;
      break;
    }
  }
  if (!truncated && pending !== '') {
    parser ??= createParser(pending);
    truncated = !accept(parser.parse(pending, 0, false) as ParsedChunk);
  }
  if (columns === undefined) {
    issues.push({ source, row: 1, field: ROW_FIELD, value: '', reason: 'the file is empty: a header row is required' });
  }
  return { columns: columns ?? [], skippedRows, issues, truncated };
}

/** Indexes of the header's columns that have a name. */
export function namedColumns(columns: readonly string[]): number[] {
  return columns.flatMap((name, index) => (name === '' ? [] : [index]));
}

/** The problems of a header row (row 1): its quoting, and columns named twice. */
export function headerIssues(
  fields: readonly string[],
  quoting: string | undefined,
  source: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (quoting !== undefined) issues.push({ source, row: 1, field: ROW_FIELD, value: preview(fields), reason: quoting });
  for (const [index, name] of fields.entries()) {
    if (name !== '' && fields.indexOf(name) !== index) {
      issues.push({ source, row: 1, field: name, value: name, reason: 'the column appears twice in the header' });
    }
  }
  return issues;
}

/** Sets a record's field by its column name. */
export function setField(record: Record<string, string>, name: string, value: string): void {
  // Assigning to `__proto__` would set the prototype (or be ignored), losing the column: a CSV
  // column of that name is an ordinary attribute (metrics.md §11), so it becomes an own property.
  if (name === '__proto__') {
    Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[name] = value;
  }
}

/** What papaparse's `Parser.parse` returns (typed `any` by @types/papaparse). */
interface ParsedChunk {
  readonly data: unknown[][];
  readonly errors: readonly { readonly code: string; readonly row?: number }[];
  readonly meta: { readonly cursor: number };
}

/** The field named by issues about a whole row (its field count or quoting). */
export const ROW_FIELD = '(row)';

/** Whether a row is a blank line (one empty field). */
export function isBlank(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0] === '';
}

/**
 * Why a row cannot be read as a record, if it cannot. A short row names its first missing column, as
 * that is where a value (or a comma) went missing; a long one usually has a comma in an unquoted value.
 */
export function rowProblem(
  fields: readonly string[],
  columns: readonly string[],
  quoting: string | undefined,
): Pick<ValidationIssue, 'field' | 'value' | 'reason'> | undefined {
  if (quoting !== undefined) return { field: ROW_FIELD, value: preview(fields), reason: quoting };
  if (fields.length === columns.length || isBlank(fields)) return undefined;
  const counts = `the row has ${fields.length} fields but the header has ${columns.length}`;
  if (fields.length < columns.length) {
    return {
      field: columns[fields.length] ?? ROW_FIELD,
      value: '',
      reason: `${counts}: a value or a comma is missing`,
    };
  }
  return { field: ROW_FIELD, value: preview(fields), reason: `${counts}: quote values that contain commas` };
}

function lineEndingKnown(text: string): boolean {
  return text.indexOf('\n') !== -1;
}

function createParser(text: string): Papa.Parser {
  const lf = text.indexOf('\n');
  const newline = lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
  return new Papa.Parser({ delimiter: ',', newline, quoteChar: '"', escapeChar: '"' });
}

/** The reason of an issue about a row's quoting, from papaparse's error code. */
export function quotingProblem(code: string): string {
  return code === 'MissingQuotes'
    ? 'a quoted field is not closed (a `"` is missing)'
    : 'malformed quoting: a closing `"` must be followed by a comma or a line break';
}

/** The row as text, shortened: enough to find it in the file. */
function preview(fields: readonly string[]): string {
  const text = fields.join(',');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
