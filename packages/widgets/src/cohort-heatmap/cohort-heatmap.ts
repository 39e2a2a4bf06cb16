import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { cssProperties } from '../internal/css-properties.js';
import { formatValue } from '../internal/format.js';
import { LangController } from '../internal/lang-controller.js';
import { resolveLocale } from '../internal/locale.js';
import { SrcLoader } from '../internal/src-loader.js';
import { commonMessages, loadingText, pickMessages } from '../internal/messages.js';
import { WIDGETS_VERSION } from '../internal/version.js';
import { DEFAULT_PALETTE, colorAt, isPalette, textColorOn } from './color-scale.js';
import {
  cellValue,
  summaryAge,
  toCohortTable,
  type CohortInput,
  type CohortMetric,
  type CohortTable,
} from './cohort-heatmap-data.js';
import { cohortHeatmapMessages, type CohortHeatmapMessages } from './cohort-heatmap.messages.js';
import { cohortHeatmapStyles } from './cohort-heatmap.styles.js';
import { AncestorThemeController, THEME_PROPERTY, type Theme } from '../internal/theme-property.js';
import { retryButton, retryButtonStyles } from '../internal/retry-button.js';
import { bone, loadingStatus, skeletonCohortGrid, skeletonStyles } from '../internal/skeleton.js';
import { DataProblems } from '../internal/data-problems.js';
import { ExportingElement } from '../internal/export/exportable.js';
import type { TableSpec } from '../internal/chart/data-table.js';

export type { CohortInput, CohortMetric, CohortRow } from './cohort-heatmap-data.js';

/** The detail of `cs-cell-select`. */
export interface CohortCellSelectDetail {
  /** The cohort's key as in the data (`2024-01`). */
  readonly cohort: string;
  /** Age in months (0 = the cohort's first month). */
  readonly age: number;
  /** The retention at that age: a fraction, which may exceed 1 for revenue retention. */
  readonly value: number;
}

interface Cell {
  readonly row: number;
  readonly col: number;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** `2024-01` as a short localised month ("Jan 2024"); other keys are shown as they are. */
function cohortName(cohort: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(cohort);
  if (!match) return cohort;
  let format = monthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
    monthFormats.set(locale, format);
  }
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/**
 * Retention by cohort (rows: customers by first active month) and age in months (columns), as a table
 * of colour-scaled cells, with a text summary, keyboard navigation between cells and a detail line for
 * the focused cell.
 *
 * @tag cs-cohort-heatmap
 * @summary A cohort retention heatmap (logo or revenue retention).
 * @since 0.1.0
 *
 * @csspart base - The whole element's box.
 * @csspart label - The title (the `label`).
 * @csspart summary - The text summary of the table.
 * @csspart scroller - The horizontally scrolling box around the table.
 * @csspart table - The `table` (a keyboard-navigable grid).
 * @csspart cell - A retention cell.
 * @csspart detail - The line describing the focused or hovered cell.
 * @csspart legend - The colour legend.
 * @csspart state - The empty or error message; while loading, the visually hidden "Loading…" status.
 * @csspart retry - The "Retry" button of the error state when `src` could not be loaded.
 * @csspart export - The export menu (`export` attribute): its toggle is `export-toggle`, its buttons `export-item`.
 *
 * @cssproperty --cs-cohort-heatmap-background - Background. Falls back to `--cs-surface`.
 * @cssproperty --cs-cohort-heatmap-color - Text colour. Falls back to `--cs-text`.
 * @cssproperty --cs-cohort-heatmap-muted-color - Headers, summary and detail. Falls back to `--cs-text-muted`.
 * @cssproperty --cs-cohort-heatmap-error-color - Error message. Falls back to `--cs-bad`.
 * @cssproperty --cs-cohort-heatmap-empty-color - Cells without a value. Falls back to `--cs-track`.
 * @cssproperty --cs-cohort-heatmap-radius - Corner radius. Falls back to `--cs-radius`.
 * @cssproperty --cs-cohort-heatmap-border - Border shorthand.
 * @cssproperty --cs-cohort-heatmap-cell-width - Width of a retention cell (3.25rem).
 * @cssproperty --cs-cohort-heatmap-height - The element's height (36rem: about twelve cohorts); more scroll inside.
 * @cssproperty --cs-cohort-heatmap-min-height - Older name of `--cs-cohort-heatmap-height`.
 *
 * @event cs-cell-select - A cell was chosen with Enter, Space or a click; `detail` is `{ cohort, age, value }`.
 * @event cs-data-error - The data could not be loaded or read; `detail.reason` says why.
 * @event cs-export - A format of the export menu was chosen; `detail` is `{ format, blob, filename }`.
 * Cancelable: `preventDefault()` stops the download (to send the file elsewhere).
 */
export class CsCohortHeatmap extends ExportingElement {
  static readonly version = WIDGETS_VERSION;
  static override styles = [skeletonStyles, retryButtonStyles, cohortHeatmapStyles];

  /** The report JSON (`cskit report --format json`), or any object with its `cohorts`. */
  @property({ attribute: false }) data: CohortInput | undefined = undefined;

  /** URL of a report JSON. Ignored when `data` is set. */
  @property() src = '';

  /** `logo` (share of customers still active) or `revenue` (share of starting MRR, may exceed 100 %). */
  @property() metric: CohortMetric = 'logo';

  /** The heatmap's title, shown above it and used as the table's accessible name. */
  @property() label = '';

  /** BCP 47 locale; defaults to the nearest `lang` attribute. */
  @property() locale = '';

  /** `light`, `dark`, or empty to follow the closest `data-cs-theme` ancestor, else `prefers-color-scheme`. */
  @property(THEME_PROPERTY) theme: Theme = '';

  /**
   * Sequential colours from low to high retention, as `#rrggbb` (at least two). Defaults to
   * ColorBrewer YlGnBu. Each cell's text is black or white, whichever contrasts more.
   */
  @property({ attribute: false }) palette: readonly string[] = DEFAULT_PALETTE;

  /** The cell that takes part in the tab order (roving tabindex). */
  @state() private active: Cell = { row: 0, col: 0 };
  @state() private hovered: Cell | null = null;
  @state() private focusWithin = false;
  @state() private selected: Cell | null = null;

  private readonly loader = new SrcLoader(this, () => (this.data === undefined ? this.src : ''));
  private readonly langController = new LangController(this);
  private readonly themeController = new AncestorThemeController(this);

  /** The table last rendered, for keyboard navigation. */
  private shown: CohortTable | null = null;
  private readonly problems = new DataProblems(this, 'cs-cohort-heatmap');
  private warnedPalette = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') || changed.has('src') || changed.has('metric')) {
      this.selected = null;
      this.hovered = null;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.label && changed.has('label')) {
      console.warn('[cskit] <cs-cohort-heatmap> has no label: screen readers will not know what the table shows.');
    }
  }

  protected override render(): TemplateResult {
    const locale = resolveLocale(this, this.locale);
    this.shown = null;
    // The heatmap's shape while loading: summary lines, a triangle of cells, the detail line and legend.
    const loading = () =>
      this.frame(
        html`<p class="summary" aria-hidden="true">${bone('full')} ${bone('long')}</p>
          <div class="scroller" aria-hidden="true">${skeletonCohortGrid()}</div>
          <div class="footer" aria-hidden="true">
            <p class="detail">${bone('long')}</p>
            <div class="legend">${bone('medium')}</div>
          </div>
          ${loadingStatus(loadingText(locale))}`,
        true,
      );
    // Until its language's strings arrive the heatmap keeps its skeleton: no English stands in meanwhile.
    if (!this.langController.translationsReady(locale)) return loading();
    const t = pickMessages(commonMessages, locale);
    if (this.data === undefined) {
      if (!this.src) return this.frame(html`<p class="state" part="state">${t.empty}</p>`);
      return this.loader.render({
        initial: loading,
        pending: loading,
        error: (error: unknown) =>
          this.failed(t.error, error instanceof Error ? error.message : String(error), t.retry),
        complete: (value: unknown) => this.content(value, locale),
      });
    }
    return this.content(this.data, locale);
  }

  private frame(body: TemplateResult, loading = false): TemplateResult {
    return html`<div class="base" part="base" aria-busy=${loading ? 'true' : nothing}>
      ${this.label ? html`<p class="label" part="label" id="label">${this.label}</p>` : nothing} ${body}
    </div>`;
  }

  /** `retry`: the label of a button that loads `src` again, when loading it failed. */
  private failed(message: string, reason: string, retry?: string): TemplateResult {
    this.problems.report(message, reason);
    return this.frame(
      html`<div class="failure">
        <p class="state error" part="state" role="alert">${message}</p>
        ${retry ? retryButton(retry, () => this.retry()) : nothing}
      </div>`,
    );
  }

  /** Loads `src` again; a failure that repeats is reported again (event and console). */
  private retry(): void {
    this.problems.clear();
    this.loader.retry();
  }

  private colors(): readonly string[] {
    if (isPalette(this.palette)) return this.palette;
    if (!this.warnedPalette) {
      this.warnedPalette = true;
      console.warn('[cskit] <cs-cohort-heatmap> palette needs two or more #rrggbb colours; using the default.');
    }
    return DEFAULT_PALETTE;
  }

  private content(input: unknown, locale: string): TemplateResult {
    const t = pickMessages(commonMessages, locale);
    const table = toCohortTable(input, this.metric);
    if ('problem' in table) return this.failed(t.invalidData, table.problem);
    this.problems.clear();
    if (table.rows.length === 0 || table.ages === 0) {
      return this.frame(html`<p class="state" part="state">${t.empty}</p>`);
    }
    this.shown = table;
    const m = pickMessages(cohortHeatmapMessages, locale);
    const palette = this.colors();
    const [low, high] = table.range ?? [0, 1];
    // Cells are narrow: whole percentages there, one decimal in the legend, summary and detail line.
    const cellPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const percent = (v: number) => formatValue(v, { locale, format: 'percent' });
    const showMrr = this.metric === 'revenue' && table.currency !== null;
    const active = this.clamp(this.active, table);
    const ages = Array.from({ length: table.ages }, (_, age) => age);
    const count = new Intl.NumberFormat(locale);

    const cell = (rowIndex: number, age: number) => {
      const row = table.rows[rowIndex];
      if (!row) return nothing;
      const value = cellValue(row, this.metric, age);
      const isActive = active.row === rowIndex && active.col === age;
      const isSelected = this.selected?.row === rowIndex && this.selected.col === age;
      const common = {
        row: rowIndex,
        col: age,
        tabindex: isActive ? 0 : -1,
        describedby: isActive ? 'detail' : undefined,
      };
      if (typeof value !== 'number') {
        return html`<td
          class=${value === null ? 'missing' : 'future'}
          data-row=${common.row}
          data-col=${common.col}
          tabindex=${common.tabindex}
          aria-describedby=${common.describedby ?? nothing}
        >
          ${value === null ? '–' : nothing}
        </td>`;
      }
      const background = colorAt(palette, high > low ? (value - low) / (high - low) : 0.5);
      return html`<td
        class="cell"
        part="cell"
        data-row=${common.row}
        data-col=${common.col}
        tabindex=${common.tabindex}
        aria-describedby=${common.describedby ?? nothing}
        aria-selected=${isSelected ? 'true' : 'false'}
        ${cssProperties({ 'background-color': background, color: textColorOn(background) })}
      >
        ${cellPercent.format(value)}
      </td>`;
    };

    // Hovering only updates the detail line; the keyboard gets the same through @focusin on the cells.
    /* eslint-disable lit-a11y/mouse-events-have-key-events */
    return this.frame(html`
      <p class="summary" part="summary" id="summary">${this.summary(table, m, locale)}</p>
      <div class="scroller" part="scroller">
        <table
          part="table"
          role="grid"
          aria-readonly="true"
          aria-labelledby=${this.label ? 'label' : nothing}
          aria-describedby="summary"
          @keydown=${this.onKeyDown}
          @click=${this.onClick}
          @focusin=${this.onFocusIn}
          @focusout=${this.onFocusOut}
          @mouseover=${this.onMouseOver}
          @mouseleave=${this.onMouseLeave}
        >
          <thead>
            <tr>
              <th scope="col">${m.cohort}</th>
              <th scope="col" class="size">${m.customers}</th>
              ${showMrr ? html`<th scope="col" class="size">${m.startMrr}</th>` : nothing}
              ${ages.map(
                (age) =>
                  html`<th scope="col">
                    <span aria-hidden="true">${m.ageShort(age)}</span><span class="visually-hidden">${m.age(age)}</span>
                  </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${table.rows.map(
              (row, rowIndex) =>
                html`<tr>
                  <th scope="row"><span class="name">${cohortName(row.cohort, locale)}</span></th>
                  <td class="size">${count.format(row.customers)}</td>
                  ${
                    showMrr
                      ? html`<td class="size">
                          ${formatValue(row.mrr, { locale, format: 'currency', currency: table.currency ?? 'USD' })}
                        </td>`
                      : nothing
                  }
                  ${ages.map((age) => cell(rowIndex, age))}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="footer">
        <p class="detail" part="detail" id="detail">${this.detail(table, m, locale)}</p>
        <div class="legend" part="legend" aria-hidden="true">
          <span>${percent(low)}</span>
          <span
            class="ramp"
            ${cssProperties({ 'background-image': `linear-gradient(to right, ${palette.join(', ')})` })}
          ></span>
          <span>${percent(high)}</span>
        </div>
        ${this.exportMenu(locale)}
      </div>
    `);
    /* eslint-enable lit-a11y/mouse-events-have-key-events */
  }

  /** The grid's numbers for export, built by cohort-export.js, which loads on first export. */
  protected override async exportTable(): Promise<TableSpec | null> {
    const table = this.shown;
    const locale = resolveLocale(this, this.locale);
    return !table ? null : (await import('./cohort-export.js')).cohortExport(table, this.metric, this.label, locale);
  }

  /** The grid as drawn: its table, with each cell's colours. */
  protected override exportSource(): Element | null {
    return this.shown ? this.renderRoot.querySelector('table[part="table"]') : null;
  }

  private summary(table: CohortTable, m: CohortHeatmapMessages, locale: string): string {
    const first = table.rows[0];
    const last = table.rows.at(-1);
    if (!first || !last) return '';
    const overview = m.overview(table.rows.length, cohortName(first.cohort, locale), cohortName(last.cohort, locale));
    const age = summaryAge(table, this.metric);
    if (age === null) return overview;
    let min: { value: number; cohort: string } | null = null;
    let max: { value: number; cohort: string } | null = null;
    let cohorts = 0;
    for (const row of table.rows) {
      const value = cellValue(row, this.metric, age);
      if (typeof value !== 'number') continue;
      cohorts++;
      if (!min || value < min.value) min = { value, cohort: row.cohort };
      if (!max || value > max.value) max = { value, cohort: row.cohort };
    }
    if (!min || !max) return overview;
    const pct = (v: number) => formatValue(v, { locale, format: 'percent' });
    return `${overview} ${m.summary({
      age,
      metric: this.metric,
      min: pct(min.value),
      minCohort: cohortName(min.cohort, locale),
      max: pct(max.value),
      maxCohort: cohortName(max.cohort, locale),
      cohorts,
    })}`;
  }

  private detail(table: CohortTable, m: CohortHeatmapMessages, locale: string): string {
    const target = this.hovered ?? (this.focusWithin ? this.clamp(this.active, table) : null);
    if (!target) return m.hint;
    const row = table.rows[target.row];
    if (!row) return m.hint;
    const cohort = cohortName(row.cohort, locale);
    const value = cellValue(row, this.metric, target.col);
    if (value === undefined) return m.notReached(cohort, target.col);
    let explanation = '';
    if (value !== null) {
      if (this.metric === 'logo') {
        const n = new Intl.NumberFormat(locale);
        explanation = m.customersOf(n.format(Math.round(value * row.customers)), n.format(row.customers));
      } else if (table.currency) {
        const money = (v: number) => formatValue(v, { locale, format: 'currency', currency: table.currency ?? 'USD' });
        explanation = m.mrrOf(money(value * row.mrr), money(row.mrr));
      }
    }
    return m.detail({
      cohort,
      age: target.col,
      metric: this.metric,
      value: value === null ? m.noValue : formatValue(value, { locale, format: 'percent' }),
      explanation,
    });
  }

  private clamp(cell: Cell, table: CohortTable): Cell {
    return {
      row: Math.min(Math.max(cell.row, 0), table.rows.length - 1),
      col: Math.min(Math.max(cell.col, 0), table.ages - 1),
    };
  }

  private cellOf(target: EventTarget | null): Cell | null {
    const td = (target as Element | null)?.closest?.('td[data-col]');
    if (!td) return null;
    return { row: Number(td.getAttribute('data-row')), col: Number(td.getAttribute('data-col')) };
  }

  private async moveTo(cell: Cell): Promise<void> {
    this.active = cell;
    this.hovered = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`td[data-row="${cell.row}"][data-col="${cell.col}"]`)?.focus();
  }

  private select(cell: Cell): void {
    const row = this.shown?.rows[cell.row];
    if (!row) return;
    const value = cellValue(row, this.metric, cell.col);
    if (typeof value !== 'number') return;
    this.selected = cell;
    this.dispatchEvent(
      new CustomEvent<CohortCellSelectDetail>('cs-cell-select', {
        detail: { cohort: row.cohort, age: cell.col, value },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private onKeyDown(event: KeyboardEvent): void {
    const table = this.shown;
    if (!table) return;
    const { row, col } = this.clamp(this.active, table);
    const lastRow = table.rows.length - 1;
    const lastCol = table.ages - 1;
    const ctrl = event.ctrlKey || event.metaKey;
    let next: Cell;
    switch (event.key) {
      case 'ArrowRight':
        next = { row, col: Math.min(col + 1, lastCol) };
        break;
      case 'ArrowLeft':
        next = { row, col: Math.max(col - 1, 0) };
        break;
      case 'ArrowDown':
        next = { row: Math.min(row + 1, lastRow), col };
        break;
      case 'ArrowUp':
        next = { row: Math.max(row - 1, 0), col };
        break;
      case 'Home':
        next = { row: ctrl ? 0 : row, col: 0 };
        break;
      case 'End':
        next = { row: ctrl ? lastRow : row, col: lastCol };
        break;
      case 'PageDown':
        next = { row: Math.min(row + 5, lastRow), col };
        break;
      case 'PageUp':
        next = { row: Math.max(row - 5, 0), col };
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.select({ row, col });
        return;
      default:
        return;
    }
    event.preventDefault();
    void this.moveTo(next);
  }

  private onClick(event: MouseEvent): void {
    const cell = this.cellOf(event.target);
    if (!cell) return;
    this.active = cell;
    this.select(cell);
  }

  private onFocusIn(event: FocusEvent): void {
    this.focusWithin = true;
    const cell = this.cellOf(event.target);
    if (cell && (cell.row !== this.active.row || cell.col !== this.active.col)) this.active = cell;
  }

  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.renderRoot.contains(next)) this.focusWithin = false;
  }

  private onMouseOver(event: MouseEvent): void {
    const cell = this.cellOf(event.target);
    if (cell && (cell.row !== this.hovered?.row || cell.col !== this.hovered.col)) this.hovered = cell;
  }

  private onMouseLeave(): void {
    this.hovered = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-cohort-heatmap': CsCohortHeatmap;
  }
  interface GlobalEventHandlersEventMap {
    'cs-cell-select': CustomEvent<CohortCellSelectDetail>;
    'cs-data-error': CustomEvent<{ reason: string }>;
  }
}
