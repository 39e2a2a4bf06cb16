import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { formatValue } from '../internal/format.js';
import { LangController } from '../internal/lang-controller.js';
import { resolveLocale } from '../internal/locale.js';
import { SrcLoader } from '../internal/src-loader.js';
import { commonMessages, pickMessages } from '../internal/messages.js';
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

/** A `YYYY-MM` period as a short localised month ("Jul 2024"); other periods are shown as they are. */
function periodName(period: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)),
  );
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
 * @csspart value - The headline value.
 * @csspart change - The change against the previous period.
 * @csspart sparkline - The sparkline's `svg`.
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
 * @event cs-data-error - The data could not be loaded or read; `detail.reason` says why.
 */
export class CsKpi extends LitElement {
  static readonly version = WIDGETS_VERSION;
  static override styles = kpiStyles;

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

  /** `light`, `dark`, or empty to follow `prefers-color-scheme`. */
  @property({ reflect: true }) theme: '' | 'light' | 'dark' = '';

  private readonly loader = new SrcLoader(this, () => (this.data === undefined ? this.src : ''));
  private readonly langController = new LangController(this);

  private lastProblem = '';

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.label && changed.has('label')) {
      console.warn('[cskit] <cs-kpi> has no label: screen readers will not know what the value is.');
    }
  }

  protected override render(): TemplateResult {
    const locale = resolveLocale(this, this.locale);
    const t = pickMessages(commonMessages, locale);
    const caption = html`<figcaption part="label">${this.label}</figcaption>`;
    if (this.data === undefined) {
      if (!this.src) return this.frame(caption, html`<div class="state" part="value">${t.empty}</div>`);
      return this.loader.render({
        initial: () => this.frame(caption, html`<div class="state" part="value">${t.loading}</div>`),
        pending: () => this.frame(caption, html`<div class="state" part="value">${t.loading}</div>`),
        error: (error: unknown) =>
          this.failed(caption, t.error, error instanceof Error ? error.message : String(error)),
        complete: (value: unknown) => this.content(caption, value, locale),
      });
    }
    return this.content(caption, this.data, locale);
  }

  private content(caption: TemplateResult, input: unknown, locale: string): TemplateResult {
    const t = pickMessages(commonMessages, locale);
    const series = toKpiSeries(input, this.metric);
    if ('problem' in series) return this.failed(caption, t.invalidData, series.problem);
    this.lastProblem = '';
    const points = series.points;
    const last = points.at(-1);
    if (!last || last.value === null) {
      return this.frame(caption, html`<div class="state" part="value">${t.empty}</div>`);
    }
    const previous = points.at(-2)?.value ?? null;
    const value = this.format(last.value, series, locale);
    const change = this.change(last.value, previous, series, locale);
    const m = pickMessages(kpiMessages, locale);
    return this.frame(
      caption,
      html`<div class="value" part="value">${value}</div>
        ${
          change
            ? html`<div class="change ${change.tone}" part="change">
                <span aria-hidden="true">${change.arrow}</span> ${change.text}
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
        ${this.sparkline(series)} ${this.seriesSummary(series, locale)}`,
    );
  }

  /** The figcaption names the figure: an aria-label as well would make screen readers say it twice. */
  private frame(caption: TemplateResult, body: TemplateResult): TemplateResult {
    return html`<figure part="base">${caption}${body}</figure>`;
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
    return html`<p class="visually-hidden summary">
      ${m.seriesSummary(
        series.points.length,
        periodName(first.period, locale),
        periodName(last.period, locale),
        this.format(Math.min(...values), series, locale),
        this.format(Math.max(...values), series, locale),
      )}
    </p>`;
  }

  private failed(caption: TemplateResult, message: string, reason: string): TemplateResult {
    if (reason !== this.lastProblem) {
      this.lastProblem = reason;
      console.error(`[cskit] <cs-kpi> ${message}: ${reason}`);
      this.dispatchEvent(new CustomEvent('cs-data-error', { detail: { reason }, bubbles: true, composed: true }));
    }
    return this.frame(caption, html`<div class="state error" part="value" role="alert">${message}</div>`);
  }

  private format(value: number, series: KpiSeries, locale: string): string {
    return formatValue(value, { locale, format: series.format, currency: series.currency, compact: false });
  }

  private change(
    current: number,
    previous: number | null,
    series: KpiSeries,
    locale: string,
  ): { text: string; arrow: string; tone: 'good' | 'bad' | 'neutral' } | null {
    if (previous === null) return null;
    const t = pickMessages(kpiMessages, locale);
    const delta = current - previous;
    if (delta === 0) return { text: t.noChange, arrow: '→', tone: 'neutral' };
    // Rates change in percentage points; a relative change of a rate ("churn up 50 %") misleads.
    const text =
      series.format === 'percent'
        ? `${formatValue(delta * 100, { locale, format: 'number' })} ${t.points}`
        : previous === 0
          ? formatValue(delta, { locale, format: series.format, currency: series.currency })
          : formatValue(delta / Math.abs(previous), { locale, format: 'percent' });
    const signed = delta > 0 && !text.startsWith('+') ? `+${text}` : text;
    const lowerIsBetter = this.lowerIsBetter ?? LOWER_IS_BETTER.has(this.metric);
    const good = delta > 0 !== lowerIsBetter;
    return { text: signed, arrow: delta > 0 ? '▲' : '▼', tone: good ? 'good' : 'bad' };
  }

  private sparkline(series: KpiSeries): TemplateResult | typeof nothing {
    const values = series.points.map((p) => p.value);
    const defined = values.filter((v): v is number => v !== null);
    if (defined.length < 2) return nothing;
    const min = Math.min(...defined);
    const span = Math.max(...defined) - min || 1;
    const width = 96;
    const height = 40;
    const step = width / (values.length - 1);
    let d = '';
    let pen = 'M';
    values.forEach((v, i) => {
      if (v === null) {
        pen = 'M';
        return;
      }
      d += `${pen}${(i * step).toFixed(1)},${(height - ((v - min) / span) * height).toFixed(1)}`;
      pen = 'L';
    });
    return html`<svg part="sparkline" viewBox="0 0 ${width} ${height}" aria-hidden="true" focusable="false">
      ${svg`<path d=${d}></path>`}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-kpi': CsKpi;
  }
  interface GlobalEventHandlersEventMap {
    'cs-data-error': CustomEvent<{ reason: string }>;
  }
}
