/** Options of {@link toCsv}. */
export interface CsvTextOptions {
  /** Columns to write, in order. Default: every key of the records, in order of first appearance. */
  readonly columns?: readonly string[];
  /** Line ending. Default `\n`; RFC 4180 strictly asks for `\r\n`. */
  readonly newline?: '\n' | '\r\n';
}

/**
 * Renders records as CSV text with a header row, quoting as RFC 4180 says: a value with a comma, a quote,
 * or a line break is enclosed in double quotes, and its quotes doubled. A missing value is an empty cell.
 * The text ends with a line ending.
 */
export function toCsv(
  records: Iterable<Readonly<Record<string, string | undefined>>>,
  options: CsvTextOptions = {},
): string {
  const newline = options.newline ?? '\n';
  const rows = Array.isArray(records)
    ? (records as readonly Readonly<Record<string, string | undefined>>[])
    : [...records];
  const columns = options.columns ?? columnsOf(rows);
  const lines = [columns.map(quoteCsvField).join(',')];
  const values: string[] = new Array<string>(columns.length);
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) values[i] = row[columns[i] as string] ?? '';
    // One test per row instead of one per field: almost no row needs quoting.
    lines.push(NEEDS_QUOTES.test(values.join('')) ? values.map(quoteCsvField).join(',') : values.join(','));
  }
  return lines.join(newline) + newline;
}

/** A CSV field: the value itself, or quoted when it holds a comma, a quote or a line break. */
export function quoteCsvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const NEEDS_QUOTES = /[",\r\n]/;

function columnsOf(rows: readonly Readonly<Record<string, string | undefined>>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}
