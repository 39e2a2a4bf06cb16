import { currencyExponent } from '@cskit/core';

/** How a column's cells line up. */
export type Align = 'left' | 'right';

/** A column of a text table: heading, alignment and the cell text of a row. */
export interface Column<Row> {
  readonly heading: string;
  readonly align: Align;
  readonly cell: (row: Row) => string;
}

/** A right-aligned column (numbers). */
export function rightColumn<Row>(heading: string, cell: (row: Row) => string): Column<Row> {
  return { heading, align: 'right', cell };
}

/** A left-aligned column (names, ids). */
export function leftColumn<Row>(heading: string, cell: (row: Row) => string): Column<Row> {
  return { heading, align: 'left', cell };
}

/** A titled table, each column as wide as its widest cell, separated by two spaces. */
export function renderTable<Row>(title: string, rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((column) => column.cell(row)));
  const widths = columns.map((column, i) => Math.max(column.heading.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (texts: readonly string[]): string =>
    texts
      .map((text, i) => {
        const width = widths[i] ?? 0;
        return columns[i]?.align === 'left' ? text.padEnd(width) : text.padStart(width);
      })
      .join('  ')
      .trimEnd();
  return [title, line(columns.map((c) => c.heading)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join(
    '\n',
  );
}

/** Money in major units with the currency's decimals and thousands separators; `null` is `-`. */
export function moneyFormat(currency: string): (value: number | null) => string {
  const digits = currencyExponent(currency);
  const format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return (value) => (value === null ? '-' : format.format(value));
}

/** A ratio as a percentage (`0.25` → `25.0%`); `null` is `-`. */
export function percent(value: number | null, digits = 1): string {
  return value === null ? '-' : `${(value * 100).toFixed(digits)}%`;
}

/** A number with `digits` decimals and thousands separators; `null` and `undefined` are `-`. */
export function decimal(value: number | null | undefined, digits: number): string {
  if (value === null || value === undefined) return '-';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
