import { nothing, svg, type SVGTemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { xAxis, yAxis } from '../internal/chart/axes.js';
import {
  CsChartElement,
  type ChartModel,
  type ChartView,
  type PointSelectDetail,
  type Problem,
} from '../internal/chart/chart-element.js';
import { chartMessages } from '../internal/chart/chart.messages.js';
import { chartStyles } from '../internal/chart/chart.styles.js';
import type { TableLabel, TableNumber, TableSpec } from '../internal/chart/data-table.js';
import type { LegendItem } from '../internal/chart/legend.js';
import { formatMoney, formatPercent } from '../internal/chart/numbers.js';
import { linePath } from '../internal/chart/paths.js';
import { periodCell, periodLabel, spanLabel } from '../internal/chart/period.js';
import {
  bandCentre,
  cartesian,
  extent,
  indexAt,
  type CartesianPlot,
  type ChartSize,
} from '../internal/chart/scales.js';
import { trendSentence } from '../internal/chart/summary.js';
import type { TooltipContent, TooltipRow } from '../internal/chart/tooltip.js';
import { formatValue } from '../internal/format.js';
import { pickMessages } from '../internal/messages.js';
import { WIDGETS_VERSION } from '../internal/version.js';
import { churnChartMessages } from './churn-chart.messages.js';
import { churnChartStyles } from './churn-chart.styles.js';
import { CHURN_RATES, toChurnData, type ChurnData, type ChurnInput, type ChurnRate } from './churn-chart-data.js';

/** Palette slot and dash pattern of each rate, so a rate looks the same in every chart. */
const RATE_STYLE: Record<ChurnRate, { colour: number; dash: number }> = {
  logo: { colour: 1, dash: 0 },
  gross: { colour: 2, dash: 1 },
  net: { colour: 3, dash: 2 },
};

/** Key of the group that collects the smallest groups when a breakdown has more than seven. */
const OTHER = '(other)';
const MAX_GROUPS = 7;

interface Groups {
  readonly keys: readonly string[];
  /** values[group][period] */
  readonly values: readonly (readonly number[])[];
}

interface ChurnModel extends ChartModel {
  readonly data: ChurnData;
  readonly series: readonly ChurnRate[];
  readonly mode: 'rates' | 'customers' | 'mrr';
  readonly groups: Groups | undefined;
  readonly target: number | null;
}

/** The `labels` attribute as an object; text that is not JSON stays text, for toModel to report. */
function parseLabels(value: string | null): unknown {
  if (value === null) return {};
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** Why `labels` is not an object of strings, naming the key, or null when it is. */
function labelsProblem(labels: unknown): string | null {
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) {
    return `labels is ${JSON.stringify(labels) ?? String(labels)}, not an object of group key → label`;
  }
  for (const [key, label] of Object.entries(labels)) {
    if (typeof label !== 'string') return `labels["${key}"] is ${JSON.stringify(label) ?? String(label)}, not a string`;
  }
  return null;
}

function groupBreakdown(data: ChurnData, measure: 'customers' | 'mrr'): Groups {
  const index = new Map(data.periods.map((p, i) => [p, i]));
  const rows = new Map<string, number[]>();
  for (const month of data.breakdown?.months ?? []) {
    const i = index.get(month.month);
    if (i === undefined) continue;
    for (const group of month.groups) {
      let row = rows.get(group.key);
      if (!row) rows.set(group.key, (row = new Array<number>(data.periods.length).fill(0)));
      row[i] = (row[i] ?? 0) + group[measure];
    }
  }
  const sum = (row: readonly number[]): number => row.reduce((a, b) => a + b, 0);
  const sorted = [...rows].sort((a, b) => sum(b[1]) - sum(a[1]));
  if (sorted.length > MAX_GROUPS) {
    const rest = sorted.splice(MAX_GROUPS - 1);
    sorted.push([OTHER, data.periods.map((_, i) => rest.reduce((a, [, row]) => a + (row[i] ?? 0), 0))]);
  }
  return { keys: sorted.map(([key]) => key), values: sorted.map(([, row]) => row) };
}

/**
 * Churn over time: logo, gross MRR and net MRR churn rates per month as lines or bars, against an
 * optional target; or, with `breakdown`, churned customers or MRR per month stacked by group ("how much
 * of our churn is SMB vs enterprise"). Has a legend that toggles series, a tooltip with exact rates and
 * churned customers and MRR, keyboard navigation, a text summary and a table view.
 *
 * @tag cs-churn-chart
 * @summary Churn rates per month, or churn stacked by segment.
 * @since 0.1.0
 *
 * @csspart base - The chart's `figure`.
 * @csspart label - The caption (the `label`).
 * @csspart controls - The row holding the legend and the table toggle.
 * @csspart legend - The legend's group of toggle buttons.
 * @csspart legend-item - A legend button (`aria-pressed` tells whether its series is shown).
 * @csspart table-toggle - The "Show table" button.
 * @csspart plot - The focusable plot box (also holds the loading, empty and error states).
 * @csspart svg - The plot's `svg`.
 * @csspart axis - An axis group (`g`) of the `svg`.
 * @csspart tooltip - The tooltip.
 * @csspart summary - The text summary under the plot.
 * @csspart table - The data `table`.
 * @csspart state - The empty or error message; while loading, the visually hidden "Loading…" status.
 * @csspart retry - The "Retry" button of the error state when `src` could not be loaded.
 * @csspart export - The export menu (`export` attribute): its toggle is `export-toggle`, its buttons `export-item`.
 *
 * @cssproperty --cs-churn-chart-background - Background. Falls back to `--cs-surface`.
 * @cssproperty --cs-churn-chart-color - Text colour. Falls back to `--cs-text`.
 * @cssproperty --cs-churn-chart-muted-color - Axis labels and summary. Falls back to `--cs-text-muted`.
 * @cssproperty --cs-churn-chart-grid-color - Grid lines. Falls back to `--cs-grid-color`.
 * @cssproperty --cs-churn-chart-border-color - Border of the chart and the buttons. Falls back to `--cs-border-color`.
 * @cssproperty --cs-churn-chart-focus-color - Focus ring. Falls back to `--cs-focus-color`.
 * @cssproperty --cs-churn-chart-radius - Corner radius. Falls back to `--cs-radius`.
 * @cssproperty --cs-churn-chart-height - Height of the plot box, reserved before data arrives (default 15rem).
 * @cssproperty --cs-churn-chart-series-1 - Logo churn, and the first breakdown group. Falls back to `--cs-series-1`.
 * @cssproperty --cs-churn-chart-series-2 - Gross MRR churn, and the second group. Falls back to `--cs-series-2`.
 * @cssproperty --cs-churn-chart-series-3 - Net MRR churn, and the third group. Falls back to `--cs-series-3`.
 * @cssproperty --cs-churn-chart-series-4 - Fourth breakdown group. Falls back to `--cs-series-4`.
 * @cssproperty --cs-churn-chart-series-5 - Fifth breakdown group. Falls back to `--cs-series-5`.
 * @cssproperty --cs-churn-chart-series-6 - Sixth breakdown group. Falls back to `--cs-series-6`.
 * @cssproperty --cs-churn-chart-series-7 - Seventh group, or "Other". Falls back to `--cs-series-7`.
 *
 * @event cs-point-select - A month was clicked or chosen with Enter; `detail` has `index`, `period` and `values`.
 * @event cs-data-error - The data could not be loaded or read; `detail.reason` says why.
 * @event cs-export - A format of the export menu was chosen; `detail` is `{ format, blob, filename }`.
 * Cancelable: `preventDefault()` stops the download (to send the file elsewhere).
 */
export class CsChurnChart extends CsChartElement<ChurnInput, ChurnModel> {
  static readonly version = WIDGETS_VERSION;
  static override styles = [chartStyles('churn-chart'), churnChartStyles];

  /** Which rates to draw, space-separated: any of `logo`, `gross`, `net`. */
  @property() series = 'logo gross net';

  /** Draw the rates as `line`s or grouped `bar`s. */
  @property() type: 'line' | 'bar' = 'line';

  /** A target rate (a fraction, e.g. `0.02` for 2 %) drawn as a dashed line. */
  @property({ type: Number }) target: number | null | undefined = undefined;

  /** Instead of rates, stack churned `customers` or `mrr` by the groups of `data.breakdown`. */
  @property() breakdown: '' | 'customers' | 'mrr' = '';

  /**
   * Display names of the breakdown's group keys, key → label (`{ smb: 'Small business' }`), used in
   * the legend, tooltip, summary and table. Keys without a label show as they are. As an attribute,
   * JSON: `labels='{"smb": "Small business"}'`.
   */
  @property({ converter: { fromAttribute: parseLabels } }) labels: Readonly<Record<string, string>> = {};

  protected override modelKey(): string {
    return `${this.series}|${this.breakdown}|${this.target}|${JSON.stringify(this.labels)}`;
  }

  protected override viewKey(): string {
    return this.type;
  }

  protected override toModel(input: unknown): ChurnModel | Problem {
    const data = toChurnData(input);
    if ('problem' in data) return data;
    const tokens = this.series.split(/[\s,]+/).filter(Boolean);
    const unknown = tokens.find((s) => !(CHURN_RATES as readonly string[]).includes(s));
    if (unknown !== undefined) return { problem: `unknown series "${unknown}" (use logo, gross, net)` };
    const series = CHURN_RATES.filter((r) => tokens.length === 0 || tokens.includes(r));
    const target = typeof this.target === 'number' && Number.isFinite(this.target) ? this.target : null;
    const labels = labelsProblem(this.labels);
    if (labels) return { problem: labels };
    if (this.breakdown) {
      if (this.breakdown !== 'customers' && this.breakdown !== 'mrr') {
        return { problem: `breakdown="${String(this.breakdown)}" is neither "customers" nor "mrr"` };
      }
      if (!data.breakdown) return { problem: `breakdown="${this.breakdown}" needs a breakdown in the data` };
    }
    return {
      data,
      series,
      mode: this.breakdown || 'rates',
      groups: this.breakdown ? groupBreakdown(data, this.breakdown) : undefined,
      target,
      count: data.periods.length,
    };
  }

  private groupLabel(key: string, locale: string): string {
    const own = this.labels[key];
    if (own) return own;
    return key === OTHER ? pickMessages(churnChartMessages, locale).other : key;
  }

  private measure(model: ChurnModel, value: number, locale: string, compact = false): string {
    return model.mode === 'mrr'
      ? formatValue(value, { locale, format: 'currency', currency: model.data.currency, compact })
      : formatValue(value, { locale, format: 'number', compact });
  }

  /** A churned count or amount as a table number (customers are whole, money has its currency's digits). */
  private measureCell(model: ChurnModel, value: number): TableNumber {
    return model.mode === 'mrr'
      ? { value, style: 'currency', currency: model.data.currency, maxDigits: 2 }
      : { value, style: 'decimal', maxDigits: 0 };
  }

  protected override legendItems(model: ChurnModel, locale: string): readonly LegendItem[] {
    const m = pickMessages(churnChartMessages, locale);
    if (model.groups) {
      return model.groups.keys.map((key, g) => ({
        key,
        label: this.groupLabel(key, locale),
        colour: g + 1,
        shape: 'box' as const,
      }));
    }
    return model.series.map((rate) => ({
      key: rate,
      label: m[rate],
      ...RATE_STYLE[rate],
      shape: this.type === 'bar' ? ('box' as const) : ('line' as const),
    }));
  }

  protected override renderView(model: ChurnModel, size: ChartSize, locale: string): ChartView {
    const periods = model.data.periods;
    const label = (i: number): string => periodLabel(periods[i] ?? '', locale, 'axis');
    if (model.groups) return this.stackedView(model, model.groups, size, locale, label);
    const visible = model.series.filter((r) => !this.hiddenSeries.has(r));
    const rates = model.data.rates;
    const domain = extent(
      (function* () {
        for (const r of visible) yield* rates[r];
      })(),
      model.target === null ? [0] : [0, model.target],
    );
    const bars = this.type === 'bar';
    const plot = cartesian(periods, domain, size, {
      yFormat: (v, digits) => formatPercent(v, locale, digits),
      padding: bars ? 0.2 : 0,
    });
    const xs = periods.map((_, i) => bandCentre(plot, i));
    const ys = (rate: ChurnRate): (number | null)[] => rates[rate].map((v) => (v === null ? null : plot.y(v)));
    const dots = plot.x.step() >= 8;
    const zero = plot.y(0);
    const sub = plot.x.bandwidth() / Math.max(1, visible.length);
    const marks = visible.map((rate, s) => {
      const { colour, dash } = RATE_STYLE[rate];
      const y = ys(rate);
      if (bars) {
        return svg`<g class="c${colour}">${y.map((v, i) =>
          v === null
            ? nothing
            : svg`<rect class="bar" x=${(plot.x(periods[i] ?? '') ?? 0) + s * sub} y=${Math.min(v, zero)}
                width=${Math.max(1, sub - 1)} height=${Math.max(1, Math.abs(zero - v))}></rect>`,
        )}</g>`;
      }
      return svg`<g class="c${colour}">
        <path class="line ${dash ? `d${dash}` : ''}" d=${linePath(xs, y)}></path>
        ${dots ? y.map((v, i) => (v === null ? nothing : svg`<circle class="dot" cx=${xs[i]} cy=${v} r="3"></circle>`)) : nothing}
      </g>`;
    });
    const m = pickMessages(churnChartMessages, locale);
    const target = model.target === null ? nothing : this.targetLine(plot, model.target, m.target, locale);
    return {
      plot: svg`${yAxis(plot)}${xAxis(plot, label)}${marks}${target}`,
      indexAt: (x) => indexAt(plot, x),
      anchor: (i) => ({ x: xs[i] ?? 0 }),
      highlight: (i) =>
        bars
          ? this.focusBox(plot, i)
          : svg`<line class="guide" x1=${xs[i]} x2=${xs[i]} y1=${plot.top} y2=${size.height - plot.bottom}></line>
            ${visible.map((rate) => {
              const v = rates[rate][i];
              return v === null || v === undefined
                ? nothing
                : svg`<circle class="dot c${RATE_STYLE[rate].colour}" cx=${xs[i]} cy=${plot.y(v)} r="5"></circle>`;
            })}`,
    };
  }

  private stackedView(
    model: ChurnModel,
    groups: Groups,
    size: ChartSize,
    locale: string,
    label: (i: number) => string,
  ): ChartView {
    const periods = model.data.periods;
    const shown = groups.keys.map((_, g) => g).filter((g) => !this.hiddenSeries.has(groups.keys[g] ?? ''));
    const totals = periods.map((_, i) => shown.reduce((a, g) => a + (groups.values[g]?.[i] ?? 0), 0));
    const plot = cartesian(periods, extent(totals, [0]), size, {
      yFormat: (v, digits) =>
        model.mode === 'mrr'
          ? formatMoney(v, locale, model.data.currency ?? 'USD', { compact: true, digits })
          : formatValue(v, { locale, format: 'number', compact: true }),
    });
    const width = plot.x.bandwidth();
    const base = periods.map(() => 0);
    const marks = shown.map((g) => {
      const row = groups.values[g] ?? [];
      return svg`<g class="c${g + 1}">${row.map((v, i) => {
        const from = base[i] ?? 0;
        base[i] = from + v;
        return v <= 0
          ? nothing
          : svg`<rect class="bar segment" x=${plot.x(periods[i] ?? '') ?? 0} y=${plot.y(from + v)}
              width=${width} height=${Math.max(1, plot.y(from) - plot.y(from + v))}></rect>`;
      })}</g>`;
    });
    return {
      plot: svg`${yAxis(plot)}${xAxis(plot, label)}${marks}`,
      indexAt: (x) => indexAt(plot, x),
      anchor: (i) => ({ x: bandCentre(plot, i) }),
      highlight: (i) => this.focusBox(plot, i),
    };
  }

  /**
   * The dashed target line with its label at the right end, above the line when there is room for it
   * there and below otherwise, so the label never leaves the plot.
   */
  private targetLine(plot: CartesianPlot, target: number, name: string, locale: string): SVGTemplateResult {
    const y = plot.y(target);
    const labelY = y - 16 >= 0 ? y - 5 : y + 14;
    return svg`<line class="target" x1=${plot.left} x2=${plot.size.width - plot.right} y1=${y} y2=${y}></line>
      <text class="target-label" x=${plot.size.width - plot.right} y=${labelY} text-anchor="end">${`${name} ${formatPercent(target, locale, 2)}`}</text>`;
  }

  private focusBox(plot: CartesianPlot, i: number): SVGTemplateResult {
    const pad = Math.min(3, plot.x.step() * 0.1);
    return svg`<rect class="focus-box" x=${(plot.x(plot.keys[i] ?? '') ?? 0) - pad} y=${plot.top - 2}
      width=${plot.x.bandwidth() + 2 * pad} height=${plot.size.height - plot.bottom - plot.top + 4} rx="3"></rect>`;
  }

  protected override tooltipFor(model: ChurnModel, i: number, locale: string): TooltipContent {
    const m = pickMessages(churnChartMessages, locale);
    const data = model.data;
    const title = periodLabel(data.periods[i] ?? '', locale, 'long');
    const rows: TooltipRow[] = [];
    if (model.groups) {
      const groups = model.groups;
      const total = groups.values.reduce((a, row) => a + (row[i] ?? 0), 0);
      groups.keys.forEach((key, g) => {
        if (this.hiddenSeries.has(key)) return;
        const v = groups.values[g]?.[i] ?? 0;
        rows.push({
          label: this.groupLabel(key, locale),
          value: `${this.measure(model, v, locale)} (${formatPercent(total ? v / total : null, locale, 0)})`,
          swatch: { colour: g + 1, shape: 'box' },
        });
      });
      rows.push({ label: m.total, value: this.measure(model, total, locale) });
      return { title, rows };
    }
    for (const rate of model.series) {
      if (this.hiddenSeries.has(rate)) continue;
      rows.push({
        label: m[rate],
        value: formatPercent(data.rates[rate][i] ?? null, locale, 2),
        swatch: { ...RATE_STYLE[rate], shape: this.type === 'bar' ? 'box' : 'line' },
      });
    }
    const customers = data.churnedCustomers[i] ?? null;
    const mrr = data.churnedMrr[i] ?? null;
    if (customers !== null)
      rows.push({ label: m.churnedCustomers, value: formatValue(customers, { locale, format: 'number' }) });
    if (mrr !== null) {
      rows.push({
        label: m.churnedMrr,
        value: formatValue(mrr, { locale, format: 'currency', currency: data.currency }),
      });
    }
    if (model.target !== null) rows.push({ label: m.target, value: formatPercent(model.target, locale, 2) });
    return { title, rows };
  }

  protected override tableFor(model: ChurnModel, locale: string): TableSpec {
    const c = pickMessages(chartMessages, locale);
    const m = pickMessages(churnChartMessages, locale);
    const data = model.data;
    const caption = this.label || c.unnamed;
    const period = (i: number): TableLabel => periodCell(data.periods[i] ?? '', locale);
    if (model.groups) {
      const groups = model.groups;
      return {
        caption,
        columns: [c.period, ...groups.keys.map((k) => this.groupLabel(k, locale)), m.total],
        rows: data.periods.map((_, i) => {
          const values = groups.values.map((row) => row[i] ?? 0);
          return [
            period(i),
            ...values.map((v) => this.measureCell(model, v)),
            this.measureCell(
              model,
              values.reduce((a, b) => a + b, 0),
            ),
          ];
        }),
      };
    }
    const hasCustomers = data.churnedCustomers.some((v) => v !== null);
    const hasMrr = data.churnedMrr.some((v) => v !== null);
    return {
      caption,
      columns: [
        c.period,
        ...model.series.map((r) => m[r]),
        ...(hasCustomers ? [m.churnedCustomers] : []),
        ...(hasMrr ? [m.churnedMrr] : []),
      ],
      rows: data.periods.map((_, i) => [
        period(i),
        ...model.series.map((r): TableNumber => ({ value: data.rates[r][i] ?? null, style: 'percent', maxDigits: 2 })),
        ...(hasCustomers ? [{ value: data.churnedCustomers[i] ?? null, style: 'decimal', maxDigits: 0 } as const] : []),
        ...(hasMrr
          ? [{ value: data.churnedMrr[i] ?? null, style: 'currency', currency: data.currency, maxDigits: 2 } as const]
          : []),
      ]),
    };
  }

  protected override summaryFor(model: ChurnModel, locale: string): string {
    const c = pickMessages(chartMessages, locale);
    const m = pickMessages(churnChartMessages, locale);
    const data = model.data;
    if (model.groups) {
      // The summary describes what the plot shows: the groups the legend has hidden are left out.
      const groups = model.groups;
      const shown = groups.keys.map((key, g) => ({ key, g })).filter(({ key }) => !this.hiddenSeries.has(key));
      const sums = shown.map(({ g }) => (groups.values[g] ?? []).reduce((a, b) => a + b, 0));
      const total = sums.reduce((a, b) => a + b, 0);
      const parts = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
        shown.map(
          ({ key }, i) =>
            `${this.groupLabel(key, locale)} ${formatPercent(total ? (sums[i] ?? 0) / total : null, locale, 0)}`,
        ),
      );
      const what = model.mode === 'mrr' ? m.churnedMrr : m.churnedCustomers;
      return m.breakdownSummary(what, this.measure(model, total, locale), spanLabel(data.periods, locale), parts);
    }
    const visible = model.series.filter((r) => !this.hiddenSeries.has(r));
    const percent = (v: number): string => formatValue(v, { locale, format: 'percent' });
    const sentences = visible.map((r) => trendSentence(c, m[r], data.periods, data.rates[r], percent, locale));
    const first = visible[0];
    if (model.target !== null && first) {
      const values = data.rates[first].filter((v): v is number => v !== null);
      const above = values.filter((v) => v > (model.target ?? 0)).length;
      const number = (n: number): string => formatValue(n, { locale, format: 'number' });
      sentences.push(m.aboveTarget(m[first], percent(model.target), number(above), number(values.length)));
    }
    return sentences.filter(Boolean).join(' ');
  }

  protected override detailFor(model: ChurnModel, i: number): PointSelectDetail {
    const data = model.data;
    const values: Record<string, number | null> = {};
    if (model.groups) {
      model.groups.keys.forEach((key, g) => (values[key] = model.groups?.values[g]?.[i] ?? 0));
    } else {
      for (const rate of CHURN_RATES) values[rate] = data.rates[rate][i] ?? null;
      values.churnedCustomers = data.churnedCustomers[i] ?? null;
      values.churnedMrr = data.churnedMrr[i] ?? null;
    }
    return { index: i, period: data.periods[i] ?? '', values };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-churn-chart': CsChurnChart;
  }
}
