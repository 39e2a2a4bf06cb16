import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PointSelectDetail } from '../internal/chart/chart-element.js';
import { chartMessages } from '../internal/chart/chart.messages.js';
import { dataTable, tableToggle, type TableSpec } from '../internal/chart/data-table.js';
import { formatValue } from '../internal/format.js';
import { LangController } from '../internal/lang-controller.js';
import { resolveLocale } from '../internal/locale.js';
import { SrcLoader } from '../internal/src-loader.js';
import { commonMessages, loadingText, pickMessages } from '../internal/messages.js';
import { WIDGETS_VERSION } from '../internal/version.js';
import { kpiMessages } from './kpi.messages.js';
import { kpiStyles } from './kpi.styles.js';
import {
  LOWER_IS_BETTER,
  toKpiSeries,
  type KpiInput,
  type KpiMetric,
  type KpiPoint,
  type KpiSeries,
} from './kpi-data.js';
import { pointKeyAction } from '../internal/point-keys.js';
import { AncestorThemeController, THEME_PROPERTY, type Theme } from '../internal/theme-property.js';
import { retryButton, retryButtonStyles } from '../internal/retry-button.js';
import { bone, boneBlock, loadingStatus, skeletonStyles } from '../internal/skeleton.js';
import { DataProblems } from '../internal/data-problems.js';
import { ExportingElement } from '../internal/export/exportable.js';

/**
 * A `YYYY-MM` period as a localised month, short ("Jul 2024") or long ("July 2024"); other periods are
 * shown as they are.
 */
function periodName(period: string, locale: string, month: 'short' | 'long' = 'short'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month, timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)),
  );
}

/**
 * `detail` of `<cs-kpi>`'s `cs-point-select`: the charts' {@link PointSelectDetail} (`values` keyed by
 * the metric, or by `value` for a ready series) plus the point's `value` itself.
 */
export interface KpiPointSelectDetail extends PointSelectDetail {
  /** The point's value (rates as fractions, money in major units); `null` where the metric is undefined. */
  readonly value: number | null;
}

/**
 * The tile's one precision rule: every percentage it shows — a rate, a change in percentage points, a
 * relative change — has exactly this many decimals, and a change of a rate is the difference of the
 * two rates as shown ("2.6%" then "2.0%" is "-0.6 pp", never "-0.623 pp" beside a rounded headline).
 */
const PERCENT_DIGITS = 1;

/** A rate in tenths of a percentage point, rounded as `Intl` rounds it for display (half away from zero). */
function shownTenths(rate: number): number {
  return Math.sign(rate) * Math.round(Math.abs(rate) * 10 ** (PERCENT_DIGITS + 2));
}

/** The sparkline's drawing box, in SVG units (drawn at the same size in CSS pixels). */
const WIDTH = 96;
const HEIGHT = 40;

/** The sparkline's path and where each point is (`null` for a point without a value). */
interface Sparkline {
  readonly d: string;
  readonly at: readonly ({ readonly x: number; readonly y: number } | null)[];
}

function sparklineOf(series: KpiSeries): Sparkline | null {
  const values = series.points.map((p) => p.value);
  const defined = values.filter((v): v is number => v !== null);
  if (defined.length < 2) return null;
  const min = Math.min(...defined);
  const span = Math.max(...defined) - min || 1;
  const step = WIDTH / (values.length - 1);
  let d = '';
  let pen = 'M';
  const at = values.map((v, i) => {
    if (v === null) {
      pen = 'M';
      return null;
    }
    const point = { x: i * step, y: HEIGHT - ((v - min) / span) * HEIGHT };
    d += `${pen}${point.x.toFixed(1)},${point.y.toFixed(1)}`;
    pen = 'L';
    return point;
  });
  return { d, at };
}

/**
 * A metric tile: the latest value, its change against the previous period (coloured by whether the
 * change is good news for this metric), and a sparkline of the series.
 *
 * @tag cs-kpi
 * @summary A KPI tile with change and sparkline.
 * @since 0.1.0
 *
 * @csspart base - The tile (a `figure`).
 * @csspart label - The metric's name.
 * @csspart value - The headline value, or the empty or error message (while loading, the visually hidden "Loading…" status).
 * @csspart change - The change against the previous period.
 * @csspart sparkline - The sparkline's `svg`.
 * @csspart sparkline-group - The focusable box around the sparkline (arrow keys move between points).
 * @csspart tooltip - The tooltip of the active point.
 * @csspart table-toggle - The "Show table" / "Hide table" button.
 * @csspart table - The table of the series.
 * @csspart retry - The "Retry" button of the error state when `src` could not be loaded.
 * @csspart export - The export menu (`export` attribute): its toggle is `export-toggle`, its buttons `export-item`.
 *
 * @cssproperty --cs-kpi-background - Tile background. Falls back to `--cs-surface`.
 * @cssproperty --cs-kpi-color - Text colour. Falls back to `--cs-text`.
 * @cssproperty --cs-kpi-muted-color - Label and neutral change colour. Falls back to `--cs-text-muted`.
 * @cssproperty --cs-kpi-good-color - Colour of a favourable change. Falls back to `--cs-good`.
 * @cssproperty --cs-kpi-bad-color - Colour of an unfavourable change. Falls back to `--cs-bad`.
 * @cssproperty --cs-kpi-sparkline-color - Sparkline stroke. Falls back to `--cs-accent`.
 * @cssproperty --cs-kpi-radius - Corner radius. Falls back to `--cs-radius`.
 * @cssproperty --cs-kpi-border - Border shorthand.
 *
 * @event cs-point-select - A point of the sparkline was chosen with Enter, Space or a click;
 * `detail` is `{ index, period, value, values: { [metric]: value } }`.
 * @event cs-data-error - The data could not be loaded or read; `detail.reason` says why.
 * @event cs-export - A format of the export menu was chosen; `detail` is `{ format, blob, filename }`.
 * Cancelable: `preventDefault()` stops the download (to send the file elsewhere).
 */
export class CsKpi extends ExportingElement {
  static readonly version = WIDGETS_VERSION;
  static override styles = [skeletonStyles, retryButtonStyles, kpiStyles];

  /** The metric's name, shown above the value and used as the accessible name. */
  @property() label = '';

  /**
   * Which field of the report JSON to show when `data` or `src` is a report, e.g.
   * `<cs-kpi src="/api/report.json" metric="nrr" label="NRR">`.
   */
  @property() metric: KpiMetric = 'mrr';

  /** URL of a report JSON (`cskit report --format json`). Ignored when `data` is set. */
  @property() src = '';

  /** A report object, or a ready `{ points, format, currency? }` series. */
  @property({ attribute: false }) data: KpiInput | undefined = undefined;

  /** BCP 47 locale; defaults to the nearest `lang` attribute. */
  @property() locale = '';

  /**
   * Colour a rise as bad news (red) and a fall as good news (green). Without the attribute this
   * follows the metric: on for `logoChurnRate`, `grossMrrChurnRate` and `netMrrChurnRate`, off for the
   * rest. The attribute can only switch it on (`<cs-kpi metric="arpa" lower-is-better>`); to switch it
   * off for a churn rate, set the property to `false`.
   */
  @property({ attribute: 'lower-is-better', type: Boolean }) lowerIsBetter: boolean | undefined = undefined;

  /** `light`, `dark`, or empty to follow the closest `data-cs-theme` ancestor, else `prefers-color-scheme`. */
  @property(THEME_PROPERTY) theme: Theme = '';

  @state() private tableOpen = false;

  /** The sparkline point the tooltip describes, or −1. */
  @state() private active = -1;

  @state() private focused = false;

  /** Whether the headline value is too wide for its box at full length, so it is shown abbreviated. */
  @state() private compactValue = false;

  /** Watches the headline's box and the full value's width (the probe) to decide `compactValue`. */
  private fitObserver: ResizeObserver | undefined;
  private fitTargets: readonly Element[] = [];

  private readonly loader = new SrcLoader(this, () => (this.data === undefined ? this.src : ''));
  private readonly langController = new LangController(this);
  private readonly themeController = new AncestorThemeController(this);

  private readonly problems = new DataProblems(this, 'cs-kpi');

  /** The drawn series and the key of `cs-point-select`'s `values`, while a sparkline is shown. */
  private current: { series: KpiSeries; key: string } | undefined;

  /** The series the tile shows with its table, for export; undefined in the other states. */
  private shown: KpiSeries | undefined;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.label && changed.has('label')) {
      console.warn('[cskit] <cs-kpi> has no label: screen readers will not know what the value is.');
    }
    this.watchValueFit();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.watchValueFit();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.fitObserver?.disconnect();
    this.fitTargets = [];
  }

  /**
   * Observes the headline's box and an invisible copy of the full value: whenever either changes size,
   * the value is abbreviated if the full one does not fit. The observer reports after layout, outside
   * Lit's update, so switching re-renders once without a layout loop (the box's width does not depend
   * on the text: its column is `minmax(0, 1fr)` or the whole row).
   */
  private watchValueFit(): void {
    const box = this.renderRoot.querySelector('.value');
    const probe = this.renderRoot.querySelector('.value-probe');
    const targets = box && probe ? [box, probe] : [];
    if (targets.length === this.fitTargets.length && targets.every((t, i) => t === this.fitTargets[i])) return;
    this.fitObserver ??= new ResizeObserver(() => this.checkValueFit());
    this.fitObserver.disconnect();
    for (const target of targets) this.fitObserver.observe(target);
    this.fitTargets = targets;
  }

  private checkValueFit(): void {
    const [box, probe] = this.fitTargets;
    if (!box || !probe) return;
    const fits = probe.getBoundingClientRect().width <= box.clientWidth + 0.5;
    if (this.compactValue === fits) this.compactValue = !fits;
  }

  protected override render(): TemplateResult {
    const locale = resolveLocale(this, this.locale);
    const caption = html`<figcaption part="label">${this.label}</figcaption>`;
    this.current = undefined;
    this.shown = undefined;
    // The tile's shape while loading: value, change line and sparkline, each where it will be.
    const loading = () =>
      this.frame(
        caption,
        html`<div class="value">${bone('medium')}</div>
          <div class="change">${bone('long')}</div>
          <div class="spark">${boneBlock('sparkline')}</div>
          ${loadingStatus(loadingText(locale), 'value')}`,
        undefined,
        true,
      );
    // Until its language's strings arrive the tile keeps its skeleton: no English stands in meanwhile.
    if (!this.langController.translationsReady(locale)) return loading();
    const t = pickMessages(commonMessages, locale);
    if (this.data === undefined) {
      if (!this.src) return this.frame(caption, html`<div class="state" part="value">${t.empty}</div>`);
      return this.loader.render({
        initial: loading,
        pending: loading,
        error: (error: unknown) =>
          this.failed(caption, t.error, error instanceof Error ? error.message : String(error), t.retry),
        complete: (value: unknown) => this.content(caption, value, locale),
      });
    }
    return this.content(caption, this.data, locale);
  }

  private content(caption: TemplateResult, input: unknown, locale: string): TemplateResult {
    const t = pickMessages(commonMessages, locale);
    const series = toKpiSeries(input, this.metric);
    if ('problem' in series) return this.failed(caption, t.invalidData, series.problem);
    this.problems.clear();
    const points = series.points;
    const last = points.at(-1);
    if (!last || last.value === null) {
      return this.frame(caption, html`<div class="state" part="value">${t.empty}</div>`);
    }
    const previous = points.at(-2)?.value ?? null;
    const value = this.format(last.value, series, locale);
    // Abbreviated ("€12.1M") only when the full value does not fit; the full one stays in the title and
    // in the accessible text.
    const short = formatValue(last.value, { locale, format: series.format, currency: series.currency, compact: true });
    const abbreviated = this.compactValue && series.format !== 'percent' && short !== value;
    const change = this.change(last.value, previous, series, locale);
    const m = pickMessages(kpiMessages, locale);
    const c = pickMessages(chartMessages, locale);
    const spark = sparklineOf(series);
    // A ready series' values are keyed `value` in `cs-point-select`; a report's by the metric's name.
    if (spark) this.current = { series, key: (input as object) === series ? 'value' : this.metric };
    this.shown = series;
    const active = spark && this.active < points.length ? this.active : -1;
    const point = points[active];
    const tip = point
      ? {
          title: periodName(point.period, locale, 'long'),
          value: point.value === null ? t.empty : this.format(point.value, series, locale),
        }
      : null;
    const toggle = tableToggle(this.tableOpen, c, () => (this.tableOpen = !this.tableOpen));
    return this.frame(
      caption,
      html`<div class="value${tip ? ' covered' : ''}" part="value" title=${abbreviated ? value : nothing}>
          ${abbreviated ? html`<span aria-hidden="true">${short}</span><span class="visually-hidden">${value}</span>` : value}
        </div>
        <span class="value-probe" aria-hidden="true">${value}</span>
        ${
          change
            ? html`<div class="change ${change.tone}${tip ? ' covered' : ''}" part="change">
                <span class="signed"><span aria-hidden="true">${change.arrow}</span> ${change.text}</span>
                <span class="context">${m.previousPeriod}</span>${
                  change.tone === 'neutral'
                    ? nothing
                    : html`<span class="visually-hidden"
                        >(${change.tone === 'good' ? m.favourable : m.unfavourable})</span
                      >`
                }
              </div>`
            : nothing
        }
        ${
          tip
            ? html`<div class="tooltip" part="tooltip" aria-hidden="true">
                <strong>${tip.title}</strong> ${tip.value}
              </div>`
            : nothing
        }
        ${spark ? this.sparkline(spark, active, locale) : nothing} ${this.seriesSummary(series, locale)}`,
      {
        toggle,
        live: this.focused && tip ? `${tip.title}: ${tip.value}` : '',
        table: this.tableOpen ? dataTable(this.table(series, locale), 'table', locale) : nothing,
      },
    );
  }

  /**
   * The same skeleton in every state, so that nothing moves when the data arrives: until then the
   * table toggle's place is held by an invisible copy of it.
   */
  private frame(
    caption: TemplateResult,
    body: TemplateResult,
    ready?: { toggle: TemplateResult; live: string; table: TemplateResult | typeof nothing },
    loading = false,
  ): TemplateResult {
    const locale = resolveLocale(this, this.locale);
    // While the language's strings load, the placeholder holds a space: its words would be English.
    const placeholder = this.langController.translationsReady(locale)
      ? pickMessages(chartMessages, locale).showTable
      : '\u00a0';
    // The figcaption names the figure: an aria-label as well would make screen readers say it twice.
    return html`<figure part="base" aria-busy=${loading ? 'true' : nothing}>
      ${caption}${
        ready?.toggle ?? html`<span class="table-toggle placeholder" aria-hidden="true">${placeholder}</span>`
      }${body}${ready ? this.exportMenu(locale) : nothing}
      <div class="visually-hidden" aria-live="polite">${ready?.live ?? ''}</div>
      ${ready?.table ?? nothing}
    </figure>`;
  }

  /**
   * The series as rows of period, value and change against the row before, written as the tile writes
   * them (one precision rule for headline, change line and table), so every column already has one
   * number of decimals.
   */
  private table(series: KpiSeries, locale: string): TableSpec {
    const m = pickMessages(kpiMessages, locale);
    const name = this.label || m.value;
    return {
      caption: name,
      columns: [pickMessages(chartMessages, locale).period, name, m.change],
      rows: series.points.map((p, i) => {
        const before = series.points[i - 1]?.value ?? null;
        const change = p.value === null ? null : this.change(p.value, before, series, locale);
        // What an export writes for the change: a rate's difference (0.005 for +0.5 pp), else the
        // relative change (0.1 for +10 %), or the difference when there was nothing before to divide by.
        const delta =
          p.value === null || before === null
            ? null
            : series.format === 'percent' || before === 0
              ? p.value - before
              : (p.value - before) / Math.abs(before);
        return [
          { label: periodName(p.period, locale, 'long'), raw: p.period },
          {
            value: p.value,
            style: 'decimal',
            maxDigits: 0,
            text: p.value === null ? '–' : this.format(p.value, series, locale),
          },
          { value: delta, style: 'decimal', maxDigits: 0, text: change?.text ?? '' },
        ];
      }),
    };
  }

  protected override exportTable(): TableSpec | null {
    return this.shown ? this.table(this.shown, resolveLocale(this, this.locale)) : null;
  }

  protected override exportSource(): Element | null {
    return this.current ? this.renderRoot.querySelector('svg[part="sparkline"]') : null;
  }

  /**
   * The sparkline is hidden from screen readers; this sentence says what it shows (span and range)
   * without repeating the headline value and change read just before it.
   */
  private seriesSummary(series: KpiSeries, locale: string): TemplateResult | typeof nothing {
    const defined = series.points.filter((p): p is KpiPoint & { value: number } => p.value !== null);
    const first = series.points[0];
    const last = series.points.at(-1);
    if (defined.length < 2 || !first || !last) return nothing;
    const values = defined.map((p) => p.value);
    const m = pickMessages(kpiMessages, locale);
    return html`<p class="visually-hidden summary" id="summary">
      ${m.seriesSummary(
        series.points.length,
        periodName(first.period, locale),
        periodName(last.period, locale),
        this.format(Math.min(...values), series, locale),
        this.format(Math.max(...values), series, locale),
      )}
    </p>`;
  }

  /** `retry`: the label of a button that loads `src` again, when loading it failed. */
  private failed(caption: TemplateResult, message: string, reason: string, retry?: string): TemplateResult {
    this.problems.report(message, reason);
    return this.frame(
      caption,
      html`<div class="state error" part="value" role="alert">${message}</div>
        ${retry ? retryButton(retry, () => this.retry()) : nothing}`,
    );
  }

  /** Loads `src` again; a failure that repeats is reported again (event and console). */
  private retry(): void {
    this.problems.clear();
    this.loader.retry();
  }

  private format(value: number, series: KpiSeries, locale: string): string {
    const fractionDigits = series.format === 'percent' ? PERCENT_DIGITS : undefined;
    return formatValue(value, { locale, format: series.format, currency: series.currency, fractionDigits });
  }

  private change(
    current: number,
    previous: number | null,
    series: KpiSeries,
    locale: string,
  ): { text: string; arrow: string; tone: 'good' | 'bad' | 'neutral' } | null {
    if (previous === null) return null;
    const t = pickMessages(kpiMessages, locale);
    // Rates change in percentage points, counted between the rates as shown (PERCENT_DIGITS); a relative
    // change of a rate ("churn up 50 %") misleads.
    const delta = series.format === 'percent' ? shownTenths(current) - shownTenths(previous) : current - previous;
    if (delta === 0) return { text: t.noChange, arrow: '→', tone: 'neutral' };
    const text =
      series.format === 'percent'
        ? `${formatValue(delta / 10 ** PERCENT_DIGITS, { locale, format: 'number', fractionDigits: PERCENT_DIGITS })} ${t.points}`
        : previous === 0
          ? formatValue(delta, { locale, format: series.format, currency: series.currency })
          : formatValue(delta / Math.abs(previous), { locale, format: 'percent', fractionDigits: PERCENT_DIGITS });
    const signed = delta > 0 && !text.startsWith('+') ? `+${text}` : text;
    const lowerIsBetter = this.lowerIsBetter ?? LOWER_IS_BETTER.has(this.metric);
    const good = delta > 0 !== lowerIsBetter;
    return { text: signed, arrow: delta > 0 ? '▲' : '▼', tone: good ? 'good' : 'bad' };
  }

  /**
   * The sparkline as one tab stop: a group the arrow keys, Home and End move an active point along,
   * with a marker and a tooltip for it (the same words go to the live region); Enter or Space selects.
   * The tooltip takes the place of the headline and change while shown, so it covers neither the
   * table toggle nor text that stays visible.
   */
  private sparkline(spark: Sparkline, active: number, locale: string): TemplateResult {
    const c = pickMessages(chartMessages, locale);
    const at = spark.at[active];
    return html`<div
        class="spark"
        part="sparkline-group"
        tabindex="0"
        role="group"
        aria-roledescription=${c.chart}
        aria-label=${this.label || c.unnamed}
        aria-describedby="hint summary"
        @keydown=${this.onKeyDown}
        @focus=${this.onFocus}
        @blur=${this.onBlur}
        @pointermove=${this.onPointerMove}
        @pointerleave=${this.onPointerLeave}
        @click=${this.onClick}
      >
        <svg part="sparkline" viewBox="0 0 ${WIDTH} ${HEIGHT}" aria-hidden="true" focusable="false">
          ${svg`<path d=${spark.d}></path>`}
          ${at ? svg`<circle class="marker" cx=${at.x} cy=${at.y} r="3.5"></circle>` : nothing}
        </svg>
      </div>
      <span class="visually-hidden" id="hint">${c.keyboardHint}</span>`;
  }

  /** The point under the pointer, from its position in the sparkline's drawing box. */
  private pointAt(event: MouseEvent): number {
    const count = this.current?.series.points.length ?? 0;
    const svgElement = this.renderRoot.querySelector<SVGSVGElement>('.spark svg');
    const matrix = svgElement?.getScreenCTM();
    if (!matrix || count < 2) return -1;
    const { x } = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return Math.min(count - 1, Math.max(0, Math.round((x / WIDTH) * (count - 1))));
  }

  private readonly onPointerMove = (event: PointerEvent): void => {
    if (event.pointerType !== 'touch') this.active = this.pointAt(event);
  };

  private readonly onPointerLeave = (): void => {
    if (!this.focused) this.active = -1;
  };

  private readonly onClick = (event: MouseEvent): void => {
    this.active = this.pointAt(event);
    this.select(this.active);
  };

  /** Focus starts at the latest point, the one the headline shows. */
  private readonly onFocus = (): void => {
    this.focused = true;
    if (this.active < 0) this.active = (this.current?.series.points.length ?? 0) - 1;
  };

  private readonly onBlur = (): void => {
    this.focused = false;
    this.active = -1;
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const count = this.current?.series.points.length ?? 0;
    const action = count === 0 ? undefined : pointKeyAction(event.key, this.active, count);
    if (action === undefined) return;
    if (action === 'clear') {
      this.active = -1;
      return;
    }
    event.preventDefault();
    if (action === 'select') this.select(this.active);
    else this.active = action;
  };

  private select(index: number): void {
    const point = this.current?.series.points[index];
    if (!this.current || !point) return;
    const detail: KpiPointSelectDetail = {
      index,
      period: point.period,
      value: point.value,
      values: { [this.current.key]: point.value },
    };
    this.dispatchEvent(new CustomEvent('cs-point-select', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-kpi': CsKpi;
  }
  interface GlobalEventHandlersEventMap {
    'cs-point-select': CustomEvent<PointSelectDetail>;
    'cs-data-error': CustomEvent<{ reason: string }>;
  }
}
