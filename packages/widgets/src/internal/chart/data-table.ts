import { html, nothing, type TemplateResult } from 'lit';
import { columnDigits, formatFixed, type ColumnFormat } from './numbers.js';

/**
 * A number of the table, formatted by {@link dataTable}: every number of a column that shares its
 * style (and currency) gets the same fraction digits, the most any of them needs up to `maxDigits`,
 * so that the column lines up ("1.50%", "1.25%", "2.00%" rather than "1.5%", "1.25%", "2%").
 */
export interface TableNumber extends ColumnFormat {
  readonly value: number | null;
  /** Text after the number, e.g. `" pp"`. */
  readonly suffix?: string;
  /**
   * The cell's text when the element writes the number its own way (the KPI's headline format);
   * the table shows it, an export keeps `value`.
   */
  readonly text?: string;
}

/**
 * A label the table writes for people ("March 2025") that has a raw form for machines (`2025-03`):
 * the table shows `label`, an export (CSV) writes `raw`.
 */
export interface TableLabel {
  readonly label: string;
  readonly raw: string;
}

/**
 * A number only an export reads (an element whose table view is its own, not {@link dataTable}, and
 * writes its numbers itself): its style does not matter, an export writes the value raw.
 */
export function exportNumber(value: number | null): TableNumber {
  return { value, style: 'decimal', maxDigits: 0 };
}

/** A cell: text as it is (a name, "No change"), a label with a raw form, or a number. */
export type TableCell = string | TableLabel | TableNumber;

const isNumber = (cell: TableCell): cell is TableNumber => typeof cell === 'object' && 'value' in cell;

/** The data behind a chart as rows of cells; the first cell of a row is its header. */
export interface TableSpec {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
}

/** The rows of `spec` as text: the numbers of each column written with one number of fraction digits. */
export function tableText(spec: TableSpec, locale: string): string[][] {
  const key = (column: number, cell: TableNumber) => `${column}|${cell.style}|${cell.currency ?? ''}`;
  const groups = new Map<string, { format: TableNumber; values: (number | null)[] }>();
  for (const row of spec.rows) {
    row.forEach((cell, column) => {
      if (!isNumber(cell) || cell.text !== undefined) return;
      const group = groups.get(key(column, cell));
      if (group) group.values.push(cell.value);
      else groups.set(key(column, cell), { format: cell, values: [cell.value] });
    });
  }
  const digits = new Map([...groups].map(([k, { format, values }]) => [k, columnDigits(values, format)]));
  return spec.rows.map((row) =>
    row.map((cell, column) =>
      typeof cell === 'string'
        ? cell
        : !isNumber(cell)
          ? cell.label
          : cell.text !== undefined
            ? cell.text
            : `${formatFixed(cell.value, locale, cell, digits.get(key(column, cell)) ?? 0)}${
                cell.value === null ? '' : (cell.suffix ?? '')
              }`,
    ),
  );
}

/**
 * An accessible table of the chart's data (`th scope` on both axes, a caption naming the chart),
 * its numbers written for `locale` ({@link tableText}).
 */
export function dataTable(spec: TableSpec, id: string, locale: string): TemplateResult {
  return html`<div class="table-wrap" id=${id} role="region" aria-label=${spec.caption} tabindex="0">
    <table part="table">
      <caption>
        ${spec.caption}
      </caption>
      <thead>
        <tr>
          ${spec.columns.map((c) => html`<th scope="col">${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${tableText(spec, locale).map(
          ([head, ...cells]) =>
            html`<tr>
              <th scope="row">${head}</th>
              ${cells.map((c) => html`<td>${c}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/**
 * The "Show table" / "Hide table" button that opens {@link dataTable} `id` (`aria-expanded`, and
 * `aria-controls` while the table exists).
 */
export function tableToggle(
  open: boolean,
  labels: { readonly showTable: string; readonly hideTable: string },
  toggle: () => void,
  id = 'table',
): TemplateResult {
  return html`<button
    type="button"
    class="table-toggle"
    part="table-toggle"
    aria-expanded=${open ? 'true' : 'false'}
    aria-controls=${open ? id : nothing}
    @click=${toggle}
  >
    ${open ? labels.hideTable : labels.showTable}
  </button>`;
}
