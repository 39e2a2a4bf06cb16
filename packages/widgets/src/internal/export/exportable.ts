import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { TableSpec } from '../chart/data-table.js';
import { pickMessages } from '../messages.js';
import { exportMessages } from './export.messages.js';
import { tableCsv } from './table-csv.js';

/** What `exportData` writes. */
export type DataFormat = 'csv';
/** What `exportImage` draws. */
export type ImageFormat = 'svg' | 'png';

/** `detail` of `cs-export`: the file the export menu is about to download. */
export interface ExportDetail {
  readonly format: DataFormat | ImageFormat;
  readonly blob: Blob;
  /** The file's suggested name: the element's label (or tag) and the format's extension. */
  readonly filename: string;
}

// A base class rather than a mixin: a mixin's class cannot keep the hooks below protected in the
// declarations tsc writes, and every element already extends LitElement or CsChartElement.

/** Characters no file system takes in a name. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE_NAME = /[\\/:*?"<>|\u0000-\u001f]+/g;

const TYPES: Readonly<Record<DataFormat | ImageFormat, string>> = {
  csv: 'text/csv;charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
};

/**
 * An element that exports: `exportData('csv')`, `exportImage('svg' | 'png')` and, with the `export`
 * attribute, a menu that downloads them. A subclass says what to export by overriding `exportTable()`
 * (its table view's spec) and `exportSource()` (what it draws: an `svg`, or the heatmap's `table`), and
 * puts `exportMenu(locale)` in its controls row. The image code is loaded on first use (`drawing.js`).
 *
 * Not public API: users extend nothing, they use the elements.
 */
export class ExportingElement extends LitElement {
  /** Shows the export menu (CSV, and SVG and PNG for charts) in the controls row. */
  @property({ type: Boolean }) export = false;

  @state() private exportOpen = false;

  /** The table view's rows, or `null` while there is no data. */
  protected exportTable(): TableSpec | null {
    return null;
  }

  /** What the element draws now, or `null` (nothing drawn yet; a list or a card never draws). */
  protected exportSource(): Element | null {
    return null;
  }

  /** Whether the element draws a chart at all, so the menu offers images. */
  protected exportsImages(): boolean {
    return true;
  }

  /**
   * The rows of the element's table view as CSV (RFC 4180): a header row, then the same cells in the
   * same order. Numbers are raw and locale-independent (rates as fractions, money in major units, `.`
   * decimals, no grouping, empty for no value); periods are `YYYY-MM`; other text is as the table
   * writes it in the element's language. See docs/widgets.md, "Export".
   *
   * @throws Error when the element has no data to export (loading, empty or error state).
   */
  exportData(format: DataFormat): string {
    if (format !== 'csv') throw new Error(`<${this.localName}> exports data as "csv", not "${String(format)}"`);
    const table = this.exportTable();
    if (!table) throw new Error(`<${this.localName}> has no data to export`);
    return tableCsv(table);
  }

  /**
   * The chart as drawn, in the current theme, as a standalone `image/svg+xml` (computed styles inlined
   * as presentation attributes) or an `image/png` at the chart's size × `devicePixelRatio` (a page's
   * Content-Security-Policy must allow `img-src blob:` for PNG).
   *
   * @throws Error (the promise rejects) when nothing is drawn, or the element draws no chart.
   */
  async exportImage(format: ImageFormat): Promise<Blob> {
    if (format !== 'svg' && format !== 'png') {
      throw new Error(`<${this.localName}> exports images as "svg" or "png", not "${String(format)}"`);
    }
    const source = this.exportsImages() ? this.exportSource() : null;
    if (!source) throw new Error(`<${this.localName}> has no chart drawn to export`);
    const { drawingOf, pngOf } = await import('./drawing.js');
    const base = this.renderRoot.querySelector('[part="base"]') ?? this;
    const drawing = drawingOf(source, getComputedStyle(base).backgroundColor);
    return format === 'svg'
      ? new Blob([drawing.svg], { type: TYPES.svg })
      : pngOf(drawing, globalThis.devicePixelRatio || 1);
  }

  /**
   * The menu: an "Export" button that shows or hides the formats (a disclosure, so Tab reaches each
   * and the controls row wraps them like its other buttons); Escape closes it.
   */
  protected exportMenu(locale: string): TemplateResult | typeof nothing {
    if (!this.export) return nothing;
    const m = pickMessages(exportMessages, locale);
    const formats: (DataFormat | ImageFormat)[] = this.exportsImages() ? ['csv', 'svg', 'png'] : ['csv'];
    const open = this.exportOpen;
    return html`<span class="export" part="export" @keydown=${this.onExportKey}
      ><button
        type="button"
        class="export-toggle"
        part="export-toggle"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? 'export-menu' : nothing}
        @click=${() => (this.exportOpen = !open)}
      >
        ${m.export}</button
      >${
        open
          ? html`<span id="export-menu" class="export-menu" role="group" aria-label=${m.export}
              >${formats.map(
                (format) =>
                  html`<button
                    type="button"
                    part="export-item"
                    data-format=${format}
                    @click=${() => this.download(format)}
                  >
                    ${m[format]}
                  </button>`,
              )}</span
            >`
          : nothing
      }</span
    >`;
  }

  private readonly onExportKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.exportOpen) return;
    event.stopPropagation();
    this.closeExportMenu();
  };

  private closeExportMenu(): void {
    this.exportOpen = false;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('.export-toggle')?.focus({ preventScroll: true }),
    );
  }

  /** Exports, tells the page (`cs-export`, cancelable) and, unless it said no, downloads the file. */
  private async download(format: DataFormat | ImageFormat): Promise<void> {
    this.closeExportMenu();
    let blob: Blob;
    try {
      blob =
        format === 'csv'
          ? // A byte-order mark, so spreadsheets read the UTF-8 of Bulgarian or Chinese labels as such.
            new Blob(['\ufeff', this.exportData(format)], { type: TYPES.csv })
          : await this.exportImage(format);
    } catch (error) {
      console.error(`[cskit] <${this.localName}> could not export ${format}:`, error);
      return;
    }
    const label = (this as { label?: unknown }).label;
    const name = (typeof label === 'string' ? label : '').replace(UNSAFE_NAME, '-').trim();
    const detail: ExportDetail = { format, blob, filename: `${name || this.localName}.${format}` };
    const event = new CustomEvent('cs-export', { detail, bubbles: true, composed: true, cancelable: true });
    if (!this.dispatchEvent(event)) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = detail.filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cs-export': CustomEvent<ExportDetail>;
  }
}
