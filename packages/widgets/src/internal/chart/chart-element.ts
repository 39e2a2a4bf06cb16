import { html, nothing, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LangController } from '../lang-controller.js';
import { resolveLocale } from '../locale.js';
import { SrcLoader } from '../src-loader.js';
import { commonMessages, loadingText, pickMessages } from '../messages.js';
import { chartMessages } from './chart.messages.js';
import { dataTable, tableToggle, type TableSpec } from './data-table.js';
import { legend, type LegendItem } from './legend.js';
import { MAX_WIDTH, MIN_WIDTH, setLabelFont, type ChartSize } from './scales.js';
import { placeTooltip, tooltip, tooltipText, type TooltipAnchor, type TooltipContent } from './tooltip.js';
import { pointKeyAction } from '../point-keys.js';
import { AncestorThemeController, THEME_PROPERTY, type Theme } from '../theme-property.js';
import { retryButton } from '../retry-button.js';
import { bone, loadingStatus, skeletonPlot } from '../skeleton.js';
import { DataProblems } from '../data-problems.js';
import { ExportingElement } from '../export/exportable.js';

/** `detail` of `cs-point-select`: the point a user clicked or chose with Enter. */
export interface PointSelectDetail {
  /** Position of the point along the x axis (0-based). */
  readonly index: number;
  /** Its period (`YYYY-MM`, or `YYYY-MM-DD` for a daily series). */
  readonly period: string;
  /** The bridge step (`start`, `new`, … `end`) for `<cs-mrr-bridge>`; absent for trends. */
  readonly key?: string;
  /** The numbers behind the point, by series key (rates as fractions, money in major units). */
  readonly values: Readonly<Record<string, number | null>>;
}

/** Anything a chart builds from its input: it must say how many points keyboard navigation visits. */
export interface ChartModel {
  readonly count: number;
}

/** What a chart draws for one model at one size and set of visible series. */
export interface ChartView {
  /** The plot without the active point; reused while only the active point changes. */
  readonly plot: SVGTemplateResult;
  /** The point under plot coordinates (`x`, `y`). */
  indexAt(x: number, y: number): number;
  /** Where point `index` is drawn: the tooltip keeps clear of it. */
  anchor(index: number): TooltipAnchor;
  /** The marks that show point `index` is active (focus ring, guide line…). */
  highlight(index: number): SVGTemplateResult;
}

/** Why the input could not be drawn, in words a developer can act on. */
export interface Problem {
  readonly problem: string;
}

/**
 * The shared behaviour of the charts: data from `data` or `src` (fetched with `@lit/task`, aborted
 * when `src` changes or the element leaves the page), loading / empty / error states in a box whose
 * height is reserved up front, a width that follows the element through a ResizeObserver (clamped to
 * 280–1200 px), a legend that toggles series, a tooltip that follows the pointer and the keyboard, a
 * text summary, and a table with the same data. Subclasses turn input into a model and a model into SVG.
 *
 * Not public API: users extend nothing, they use the elements.
 */
export abstract class CsChartElement<TInput, TModel extends ChartModel> extends ExportingElement {
  /** The chart's name: its caption, and its accessible name. */
  @property() label = '';

  /** URL of a report JSON (`cskit report --format json`). Ignored when `data` is set. */
  @property() src = '';

  /** The data to draw: a report object or the element's own documented shape. */
  @property({ attribute: false }) data: TInput | undefined = undefined;

  /** BCP 47 locale for numbers, dates and strings; defaults to the nearest `lang` attribute. */
  @property() locale = '';

  /** `light`, `dark`, or empty to follow the closest `data-cs-theme` ancestor, else `prefers-color-scheme`. */
  @property(THEME_PROPERTY) theme: Theme = '';

  /** Keys of the series the legend has hidden. */
  @state() protected hiddenSeries: ReadonlySet<string> = new Set();

  @state() protected tableOpen = false;

  /** The point the tooltip describes, or −1. */
  @state() protected active = -1;

  /** The drawing size, once the ResizeObserver has measured the plot box. */
  @state() protected size: ChartSize | null = null;

  @state() private focused = false;

  private readonly loader = new SrcLoader(this, () => (this.data === undefined ? this.src : ''));
  private readonly langController = new LangController(this);
  private readonly themeController = new AncestorThemeController(this);

  private observer: ResizeObserver | undefined;
  private readonly problems = new DataProblems(this);
  private modelCache: { input: unknown; locale: string; key: string; result: TModel | Problem } | undefined;
  private viewCache: { model: TModel; key: string; view: ChartView } | undefined;
  private current: { model: TModel; view: ChartView } | undefined;

  /** Turns the input into a model, or says why it cannot (never throws on bad data). */
  protected abstract toModel(input: unknown, locale: string): TModel | Problem;
  protected abstract renderView(model: TModel, size: ChartSize, locale: string): ChartView;
  protected abstract legendItems(model: TModel, locale: string): readonly LegendItem[];
  protected abstract tooltipFor(model: TModel, index: number, locale: string): TooltipContent;
  protected abstract tableFor(model: TModel, locale: string): TableSpec;
  protected abstract summaryFor(model: TModel, locale: string): string;
  protected abstract detailFor(model: TModel, index: number): PointSelectDetail;

  /** Attributes that change the model, besides the input and the locale. */
  protected modelKey(): string {
    return '';
  }

  /** Attributes that change only the drawing. */
  protected viewKey(): string {
    return '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.observe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.observer = undefined;
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    this.observe();
    if (!this.label) {
      console.warn(
        `[cskit] <${this.localName}> has no label: screen readers will announce it only as a chart. ` +
          'Set the label attribute.',
      );
    }
  }

  /**
   * Runs an update, then, after the first one, sizes the plot from the box it has just laid out: the
   * chart is drawn in the task of its first render instead of a frame later, when the ResizeObserver
   * first reports. Measuring after the update has completed, not in `firstUpdated()`, makes the
   * drawing an update of its own instead of one scheduled from inside the first (which Lit's dev
   * build reports as "scheduled an update … after an update completed").
   */
  protected override scheduleUpdate(): void {
    const first = !this.hasUpdated;
    // Lit's own scheduleUpdate runs the update synchronously (it returns nothing to await).
    super.scheduleUpdate();
    if (first) {
      const box = this.renderRoot.querySelector('.plot');
      if (box && box.clientWidth > 0) this.resize(box.clientWidth, box.clientHeight);
    }
  }

  private observe(): void {
    const box = this.renderRoot.querySelector('.plot');
    if (!box || this.observer) return;
    this.observer = new ResizeObserver(([entry]) => {
      if (entry) this.resize(entry.contentRect.width, entry.contentRect.height);
    });
    this.observer.observe(box);
  }

  private resize(boxWidth: number, boxHeight: number): void {
    const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, boxWidth)));
    const height = Math.round(boxHeight);
    if (width !== this.size?.width || height !== this.size?.height) this.size = { width, height };
  }

  protected override render(): TemplateResult {
    const locale = resolveLocale(this, this.locale);
    const loading = () =>
      this.frame(locale, html`${skeletonPlot()}${loadingStatus(loadingText(locale))}`, undefined, true);
    // Until its language's strings arrive the chart keeps its skeleton: no English stands in meanwhile.
    if (!this.langController.translationsReady(locale)) return loading();
    const t = pickMessages(commonMessages, locale);
    if (this.data === undefined && this.src) {
      return this.loader.render({
        initial: loading,
        pending: loading,
        error: (error: unknown) =>
          this.failed(locale, t.error, error instanceof Error ? error.message : String(error), true),
        complete: (value: unknown) => this.content(value, locale),
      });
    }
    return this.content(this.data, locale);
  }

  private content(input: unknown, locale: string): TemplateResult {
    const t = pickMessages(commonMessages, locale);
    this.current = undefined;
    if (input === undefined) return this.frame(locale, this.stateBox(t.empty));
    const model = this.modelFor(input, locale);
    if ('problem' in model) return this.failed(locale, t.invalidData, model.problem);
    if (model.count === 0) {
      this.problems.clear();
      return this.frame(locale, this.stateBox(t.empty));
    }
    try {
      const drawn = this.chart(model, locale);
      this.problems.clear();
      return drawn;
    } catch (error) {
      // A safety net like modelFor's: data that passed validation but breaks drawing shows the error
      // state instead of leaving a blank element and an unhandled rejection in Lit's update.
      this.current = undefined;
      return this.failed(locale, t.invalidData, error instanceof Error ? error.message : String(error));
    }
  }

  private modelFor(input: unknown, locale: string): TModel | Problem {
    const key = this.modelKey();
    const cached = this.modelCache;
    if (cached && cached.input === input && cached.locale === locale && cached.key === key) return cached.result;
    let result: TModel | Problem;
    try {
      result = this.toModel(input, locale);
    } catch (error) {
      // A safety net: validation should have caught it, but a chart must not take the page down.
      result = { problem: error instanceof Error ? error.message : String(error) };
    }
    this.modelCache = { input, locale, key, result };
    return result;
  }

  private viewFor(model: TModel, size: ChartSize, locale: string): ChartView {
    // Labels are measured in the font the element inherits, so a font change is a new layout.
    const font = getComputedStyle(this).fontFamily;
    const key = `${size.width}x${size.height}|${locale}|${font}|${[...this.hiddenSeries].join()}|${this.viewKey()}`;
    const cached = this.viewCache;
    if (cached && cached.model === model && cached.key === key) return cached.view;
    setLabelFont(font);
    const view = this.renderView(model, size, locale);
    this.viewCache = { model, key, view };
    return view;
  }

  private chart(model: TModel, locale: string): TemplateResult {
    const c = pickMessages(chartMessages, locale);
    const size = this.size;
    const view = size ? this.viewFor(model, size, locale) : undefined;
    this.current = view ? { model, view } : undefined;
    const active = this.active < model.count ? this.active : -1;
    const tip = view && active >= 0 ? this.tooltipFor(model, active, locale) : null;
    const plot =
      size && view
        ? html`<svg part="svg" width=${size.width} height=${size.height} aria-hidden="true" focusable="false">
              ${view.plot}${active >= 0 ? view.highlight(active) : nothing}
            </svg>
            ${tooltip(tip)}`
        : nothing;
    const controls = html`${legend(this.legendItems(model, locale), this.hiddenSeries, c.series, (key) =>
      this.toggleSeries(key),
    )}
    ${tableToggle(this.tableOpen, c, () => this.toggleTable())}${this.exportMenu(locale)}`;
    return this.frame(locale, plot, {
      controls,
      summary: this.summaryFor(model, locale),
      live: this.focused && tip ? tooltipText(tip) : '',
      table: this.tableOpen ? dataTable(this.tableFor(model, locale), 'table', locale) : nothing,
    });
  }

  /**
   * The same frame in every state — caption, controls row, plot box of reserved height, summary —
   * so that nothing moves when the data arrives; while `loading`, bones stand in the controls and the
   * summary (the body holds the plot's).
   */
  private frame(
    locale: string,
    body: TemplateResult | typeof nothing,
    ready?: { controls: TemplateResult; summary: string; live: string; table: TemplateResult | typeof nothing },
    loading = false,
  ): TemplateResult {
    const c = pickMessages(chartMessages, locale);
    // No default name while the language's strings load: it would be English.
    const name = this.label || (this.langController.translationsReady(locale) ? c.unnamed : '');
    const controls = loading ? html`${bone('short')}${bone('short')}${bone('short', 'table-toggle')}` : nothing;
    const summary = ready?.summary ?? (loading ? html`${bone('full')} ${bone('long')}` : '');
    return html`<figure
      part="base"
      aria-label=${this.label || !name ? nothing : name}
      aria-busy=${loading ? 'true' : nothing}
    >
      ${this.label ? html`<figcaption part="label">${this.label}</figcaption>` : nothing}
      <div class="controls" part="controls">${ready?.controls ?? controls}</div>
      <div
        class="plot"
        part="plot"
        tabindex=${ready ? '0' : nothing}
        role=${ready ? 'group' : nothing}
        aria-roledescription=${ready ? c.chart : nothing}
        aria-label=${ready ? name : nothing}
        aria-describedby=${ready ? 'hint summary' : nothing}
        @keydown=${this.onKeyDown}
        @pointermove=${this.onPointerMove}
        @pointerleave=${this.onPointerLeave}
        @click=${this.onClick}
        @focus=${this.onFocus}
        @blur=${this.onBlur}
      >
        ${body}
      </div>
      <p class="summary" part="summary" id="summary">${summary}</p>
      <span class="sr-only" id="hint">${ready ? c.keyboardHint : ''}</span>
      <div class="sr-only" aria-live="polite">${ready?.live ?? ''}</div>
      ${ready?.table ?? nothing}
    </figure>`;
  }

  /** The empty or error message in the plot box; an error of loading `src` offers to load it again. */
  private stateBox(message: string, error = false, retry?: string): TemplateResult {
    return html`<div class="state">
      <p class=${error ? 'error' : ''} part="state" role=${error ? 'alert' : 'status'}>${message}</p>
      ${retry ? retryButton(retry, () => this.retry()) : nothing}
    </div>`;
  }

  /** `canRetry`: the data came from `src` and did not arrive, so loading it again may help. */
  private failed(locale: string, message: string, reason: string, canRetry = false): TemplateResult {
    this.problems.report(message, reason);
    const retry = canRetry ? pickMessages(commonMessages, locale).retry : undefined;
    return this.frame(locale, this.stateBox(message, true, retry));
  }

  /** Loads `src` again; a failure that repeats is reported again (event and console). */
  private retry(): void {
    this.problems.clear();
    this.loader.retry();
  }

  protected override exportTable(): TableSpec | null {
    return this.current ? this.tableFor(this.current.model, resolveLocale(this, this.locale)) : null;
  }

  protected override exportSource(): Element | null {
    return this.current ? this.renderRoot.querySelector('.plot > svg') : null;
  }

  private toggleTable(): void {
    this.tableOpen = !this.tableOpen;
    // "Show table" and "Hide table" differ in width: keep the focused button, ring included, in view
    // in the controls row, which scrolls sideways when narrow.
    void this.updateComplete.then(() => {
      const focused = this.shadowRoot?.activeElement;
      if (focused?.closest('.controls')) focused.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
  }

  private toggleSeries(key: string): void {
    const next = new Set(this.hiddenSeries);
    if (!next.delete(key)) next.add(key);
    this.hiddenSeries = next;
  }

  /**
   * Places the tooltip once it is laid out and can be measured: beside the active point, or above or
   * below it, wherever it fits whole inside the plot. Only its style changes, so no update follows.
   */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const tip = this.renderRoot.querySelector<HTMLElement>('.plot > .tooltip');
    const box = this.renderRoot.querySelector<HTMLElement>('.plot');
    if (tip && box && this.current && this.active >= 0) {
      placeTooltip(tip, this.current.view.anchor(this.active), { width: box.clientWidth, height: box.clientHeight });
    }
  }

  private indexAt(event: MouseEvent): number {
    const svg = this.renderRoot.querySelector('.plot > svg');
    if (!svg || !this.current) return -1;
    const box = svg.getBoundingClientRect();
    return this.current.view.indexAt(event.clientX - box.left, event.clientY - box.top);
  }

  private readonly onPointerMove = (event: PointerEvent): void => {
    if (this.current && event.pointerType !== 'touch') this.active = this.indexAt(event);
  };

  private readonly onPointerLeave = (): void => {
    if (!this.focused) this.active = -1;
  };

  private readonly onClick = (event: MouseEvent): void => {
    if (!this.current) return;
    this.active = this.indexAt(event);
    this.select(this.active);
  };

  private readonly onFocus = (): void => {
    if (!this.current) return;
    this.focused = true;
    if (this.active < 0) this.active = 0;
  };

  private readonly onBlur = (): void => {
    this.focused = false;
    this.active = -1;
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const count = this.current?.model.count ?? 0;
    const action = count === 0 ? undefined : pointKeyAction(event.key, this.active, count);
    if (action === undefined) return;
    if (action === 'clear') {
      this.active = -1;
      return;
    }
    event.preventDefault();
    if (action === 'select') {
      if (this.active >= 0) this.select(this.active);
    } else this.active = action;
  };

  private select(index: number): void {
    if (!this.current || index < 0) return;
    const detail = this.detailFor(this.current.model, index);
    this.dispatchEvent(new CustomEvent('cs-point-select', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cs-point-select': CustomEvent<PointSelectDetail>;
    'cs-data-error': CustomEvent<{ reason: string }>;
  }
}
