import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { TableSpec } from '../chart/data-table.js';
import { pickMessages } from '../messages.js';
import { exportMessages } from './export.messages.js';
import type { DataFormat, ExportDetail, ImageFormat } from './export-files.js';

/** The export code, loaded on first use: a page that never exports never loads it. */
const files = () => import('./export-files.js');

export type { DataFormat, ExportDetail, ImageFormat } from './export-files.js';

// A base class rather than a mixin: a mixin's class cannot keep the hooks below protected in the
// declarations tsc writes, and every element already extends LitElement or CsChartElement.

/**
 * An element that exports: `exportData('csv')`, `exportImage('svg' | 'png')` and, with the `export`
 * attribute, a menu that downloads them. A subclass says what to export by overriding `exportTable()`
 * (its table view's spec) and `exportSource()` (what it draws: an `svg`, or the heatmap's `table`), and
 * puts `exportMenu(locale)` in its controls row. The export code itself is loaded on first use
 * (`export-files.js`).
 *
 * Not public API: users extend nothing, they use the elements.
 */
export class ExportingElement extends LitElement {
  // Declared statically rather than with decorators: this module then needs no decorator helper of
  // its own (tsc writes one into every module that uses decorators), bytes every element would carry.
  static override properties = { export: { type: Boolean }, exportOpen: { state: true, attribute: false } };

  /** Shows the export menu (CSV, and SVG and PNG for charts) in the controls row. */
  declare export: boolean;

  declare private exportOpen: boolean;

  constructor() {
    super();
    this.export = false;
    this.exportOpen = false;
  }

  /**
   * The table view's rows, or `null` while there is no data. An element whose table view is its own
   * markup may build them in a module it imports on first export (hence the promise).
   */
  protected exportTable(): TableSpec | null | Promise<TableSpec | null> {
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
   * @throws Error (the promise rejects) when the element has no data to export (loading, empty or
   * error state).
   */
  async exportData(format: DataFormat): Promise<string> {
    const table = format === 'csv' ? await this.exportTable() : null;
    const { tableCsv, nothingToExport } = await files();
    if (!table) throw nothingToExport(this.localName, 'data');
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
    const source = this.exportsImages() ? this.exportSource() : null;
    const { imageOf, nothingToExport } = await files();
    if (!source) throw nothingToExport(this.localName, 'chart');
    const base = this.renderRoot.querySelector('[part="base"]') ?? this;
    return imageOf(source, getComputedStyle(base).backgroundColor, format === 'png' ? 'png' : 'svg');
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
    const items = open
      ? html`<span id="export-menu" role="group" aria-label=${m.export}
          >${formats.map(
            (f) =>
              html`<button type="button" part="export-item" data-format=${f} @click=${() => this.download(f)}>
                ${f.toUpperCase()}
              </button>`,
          )}</span
        >`
      : nothing;
    return html`<span class="export" part="export" @keydown=${this.onExportKey}
      ><button
        type="button"
        part="export-toggle"
        aria-expanded=${open}
        aria-controls=${open ? 'export-menu' : nothing}
        @click=${() => (this.exportOpen = !open)}
      >
        ${m.export}</button
      >${items}</span
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
      this.renderRoot.querySelector<HTMLElement>('[part=export-toggle]')?.focus({ preventScroll: true }),
    );
  }

  /** Exports, then tells the page (`cs-export`, cancelable) and, unless it said no, downloads the file. */
  private async download(format: DataFormat | ImageFormat): Promise<void> {
    this.closeExportMenu();
    try {
      const content = format === 'csv' ? await this.exportData(format) : await this.exportImage(format);
      const label = (this as { label?: unknown }).label;
      (await files()).deliver(this, typeof label === 'string' ? label : '', format, content);
    } catch (error) {
      console.error('[cskit]', error);
    }
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cs-export': CustomEvent<ExportDetail>;
  }
}
