import { html, nothing, type TemplateResult } from 'lit';

/** The data behind a chart as rows of already formatted cells; the first cell of a row is its header. */
export interface TableSpec {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** An accessible table of the chart's data (`th scope` on both axes, a caption naming the chart). */
export function dataTable(spec: TableSpec, id: string): TemplateResult {
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
        ${spec.rows.map(
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
