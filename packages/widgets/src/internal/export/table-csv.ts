import type { TableCell, TableSpec } from '../chart/data-table.js';

/**
 * Text that a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1+1", "@SUM(…)"): a customer id
 * or a label comes from data we do not control, so such text is written with a leading apostrophe.
 * Numbers are never touched (a negative number is data, not a formula).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A number as JavaScript writes it, which is locale-independent and round-trips ("0.0252", "-468.79"),
 * but never in exponent notation ("1e-7"), which some spreadsheets read as text.
 */
function plainNumber(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : text;
}

/** A field quoted as RFC 4180 asks: in double quotes, with quotes doubled, when it holds `"`, `,`, CR or LF. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cellText(cell: TableCell): string {
  if (typeof cell === 'string') return FORMULA_START.test(cell) ? `'${cell}` : cell;
  if ('value' in cell) return cell.value === null || !Number.isFinite(cell.value) ? '' : plainNumber(cell.value);
  return FORMULA_START.test(cell.raw) ? `'${cell.raw}` : cell.raw;
}

/**
 * The table as CSV (RFC 4180: comma-separated, CRLF line ends, quoted where needed), its header row
 * first. The cells and their order are the table view's; numbers are raw, as the report JSON has them
 * (rates as fractions, money in major units, no grouping, `.` as the decimal mark, an empty field for
 * no value) and labels that have a raw form write it (`2025-03` for "March 2025"), so the file reads
 * the same in every locale. Text cells stay as the table writes them.
 */
export function tableCsv(spec: TableSpec): string {
  const lines = [
    spec.columns.map((c) => field(cellText(c))),
    ...spec.rows.map((row) => row.map((c) => field(cellText(c)))),
  ];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
