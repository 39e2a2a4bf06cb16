import { nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { xAxis, yAxis, yAxisRight } from '../internal/chart/axes.js';
import {
  CsChartElement,
  type ChartModel,
  type ChartView,
  type PointSelectDetail,
  type Problem,
} from '../internal/chart/chart-element.js';
import { chartMessages } from '../internal/chart/chart.messages.js';
import { chartStyles } from '../internal/chart/chart.styles.js';
import type { TableNumber, TableSpec } from '../internal/chart/data-table.js';
import type { LegendItem } from '../internal/chart/legend.js';
import { formatDecimal, formatPercent } from '../internal/chart/numbers.js';
import { linePath } from '../internal/chart/paths.js';
import { periodCell, periodLabel, spanLabel } from '../internal/chart/period.js';
import { bandCentre, cartesian, indexAt, labelWidth, type ChartSize } from '../internal/chart/scales.js';
import { trendSentence } from '../internal/chart/summary.js';
import type { TooltipContent, TooltipRow } from '../internal/chart/tooltip.js';
import { pickMessages } from '../internal/messages.js';
import { WIDGETS_VERSION } from '../internal/version.js';
import { npsTrendMessages } from './nps-trend.messages.js';
import { npsTrendStyles } from './nps-trend.styles.js';
import { toNpsData, type NpsInput } from './nps-trend-data.js';

type Share = 'detractors' | 'passives' | 'promoters';

/** Stacked bottom to top, with their palette slots: vermillion, grey, bluish green. */
const SHARES: readonly { key: Share; colour: number }[] = [
  { key: 'detractors', colour: 2 },
  { key: 'passives', colour: 6 },
  { key: 'promoters', colour: 3 },
];

/**
 * The shares' default fills, lighter (light theme) or darker (dark theme) than the palette so that the
 * NPS line, drawn in the text colour over them, keeps a contrast of at least 3:1 with every fill and
 * with the background, and each fill at least 3:1 with the background (all about 3.8–4:1).
 */
const SHARE_COLOURS = {
  2: ['#d65900', '#c4530e'],
  3: ['#00926c', '#218563'],
  6: ['#808080', '#6a7787'],
} as const;

/** The right axis: shares at 20 % steps, which fall between the NPS gridlines rather than on them. */
const SHARE_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1] as const;

/** One point of the trend: the counts of its window, and the NPS they give. */
interface NpsPoint {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly responses: number;
  readonly nps: number | null;
  readonly low: boolean;
  /** First period of the window the counts were summed over. */
  readonly from: string;
}

interface NpsModel extends ChartModel {
  readonly periods: readonly string[];
  readonly points: readonly NpsPoint[];
  readonly window: number;
  readonly minResponses: number;
}

/**
 * NPS over time: for each period, the shares of promoters, passives and detractors as a stacked bar
 * (right axis, 0–100 % in 20 % steps with tick marks) and the NPS as a line (left axis, −100…100, which
 * owns the gridlines, the zero line stronger), with the number of responses under each period. Periods with fewer than `min-responses`
 * responses are marked as low confidence: faded with a dashed outline and a hollow marker, and said so
 * in the tooltip, the table and the summary.
 *
 * With `window-months` above 1 each point is a rolling window (metrics.md §3, `windowMonths`) computed
 * from the monthly counts: NPS = 100 × (Σ promoters − Σ detractors) ÷ Σ responses over the window.
 * Respondents are deduplicated within each month by `@cskit/core`, not across the months of a window.
 *
 * @tag cs-nps-trend
 * @summary NPS per period with promoter, passive and detractor shares.
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
 * @cssproperty --cs-nps-trend-background - Background. Falls back to `--cs-surface`.
 * @cssproperty --cs-nps-trend-color - Text colour and the NPS line. Falls back to `--cs-text`.
 * @cssproperty --cs-nps-trend-muted-color - Axis labels and summary. Falls back to `--cs-text-muted`.
 * @cssproperty --cs-nps-trend-grid-color - Grid lines. Falls back to `--cs-grid-color`.
 * @cssproperty --cs-nps-trend-border-color - Border of the chart and the buttons. Falls back to `--cs-border-color`.
 * @cssproperty --cs-nps-trend-focus-color - Focus ring. Falls back to `--cs-focus-color`.
 * @cssproperty --cs-nps-trend-radius - Corner radius. Falls back to `--cs-radius`.
 * @cssproperty --cs-nps-trend-height - Height of the plot box, reserved before data arrives (default 15rem).
 * @cssproperty --cs-nps-trend-series-2 - Detractors. Falls back to `--cs-series-2`, then to a vermillion lighter (light theme) or darker (dark) than the palette's, so the NPS line keeps 3:1 over it.
 * @cssproperty --cs-nps-trend-series-3 - Promoters. Falls back to `--cs-series-3`, then to a bluish green adjusted likewise.
 * @cssproperty --cs-nps-trend-series-6 - Passives. Falls back to `--cs-series-6`, then to a grey adjusted likewise.
 *
 * @event cs-point-select - A period was clicked or chosen with Enter; `detail` has `index`, `period` and `values`.
 * @event cs-data-error - The data could not be loaded or read; `detail.reason` says why.
 * @event cs-export - A format of the export menu was chosen; `detail` is `{ format, blob, filename }`.
 * Cancelable: `preventDefault()` stops the download (to send the file elsewhere).
 */
export class CsNpsTrend extends CsChartElement<NpsInput, NpsModel> {
  static readonly version = WIDGETS_VERSION;
  static override styles = [chartStyles('nps-trend', SHARE_COLOURS), npsTrendStyles];

  /** Periods with fewer responses than this are marked as low confidence. */
  @property({ type: Number, attribute: 'min-responses' }) minResponses = 30;

  /** Months per rolling window (1 = each month on its own). */
  @property({ type: Number, attribute: 'window-months' }) windowMonths = 1;

  protected override modelKey(): string {
    return `${this.minResponses}|${this.windowMonths}`;
  }

  protected override toModel(input: unknown): NpsModel | Problem {
    const data = toNpsData(input);
    if ('problem' in data) return data;
    const window = this.windowMonths;
    if (!Number.isInteger(window) || window < 1)
      return { problem: `window-months="${window}" is not a whole number ≥ 1` };
    const min = this.minResponses;
    if (!Number.isFinite(min) || min < 0) return { problem: `min-responses="${min}" is not a number ≥ 0` };
    const sum = (column: readonly number[], i: number): number => {
      let total = 0;
      for (let j = Math.max(0, i - window + 1); j <= i; j++) total += column[j] ?? 0;
      return total;
    };
    const points = data.periods.map((_, i): NpsPoint => {
      const promoters = sum(data.promoters, i);
      const passives = sum(data.passives, i);
      const detractors = sum(data.detractors, i);
      const responses = promoters + passives + detractors;
      return {
        promoters,
        passives,
        detractors,
        responses,
        nps: responses ? (100 * (promoters - detractors)) / responses : null,
        low: responses > 0 && responses < min,
        from: data.periods[Math.max(0, i - window + 1)] ?? '',
      };
    });
    return { periods: data.periods, points, window, minResponses: min, count: data.periods.length };
  }

  protected override legendItems(_model: NpsModel, locale: string): readonly LegendItem[] {
    const m = pickMessages(npsTrendMessages, locale);
    return [
      ...[...SHARES].reverse().map(({ key, colour }) => ({ key, label: m[key], colour, shape: 'box' as const })),
      { key: 'nps', label: m.nps, colour: 0, shape: 'line' as const },
    ];
  }

  protected override renderView(model: NpsModel, size: ChartSize, locale: string): ChartView {
    const { periods, points } = model;
    const shareLabels = SHARE_TICKS.map((t) => formatPercent(t, locale, 0));
    const plot = cartesian(periods, [-100, 100], size, {
      yFormat: (v, digits) => formatDecimal(v, locale, digits),
      yDigits: 0,
      yTicks: [-100, -50, 0, 50, 100],
      right: Math.max(...shareLabels.map((l) => labelWidth(l))) + 10,
      extraBottom: 15,
    });
    // A share s of responses sits at NPS-axis value −100 + 200 s, so 0 %…100 % spans the same height.
    const at = (share: number): number => plot.y(-100 + 200 * share);
    const width = plot.x.bandwidth();
    const bars = points.map((p, i) => {
      if (!p.responses) return nothing;
      const x = plot.x(periods[i] ?? '') ?? 0;
      let below = 0;
      const segments = SHARES.map(({ key, colour }) => {
        const share = p[key] / p.responses;
        const from = below;
        below += share;
        return this.hiddenSeries.has(key) || share === 0
          ? nothing
          : svg`<rect class="bar share c${colour}" x=${x} y=${at(from + share)} width=${width}
              height=${at(from) - at(from + share)}></rect>`;
      });
      return svg`<g class=${p.low ? 'low' : ''}>${segments}${
        p.low
          ? svg`<rect class="low-outline" x=${x + 0.5} y=${at(1) + 0.5} width=${Math.max(0, width - 1)}
              height=${at(0) - at(1) - 1}></rect>`
          : nothing
      }</g>`;
    });
    const xs = periods.map((_, i) => bandCentre(plot, i));
    const ys = points.map((p) => (p.nps === null ? null : plot.y(p.nps)));
    const d = linePath(xs, ys);
    const line = this.hiddenSeries.has('nps')
      ? nothing
      : svg`<path class="halo" d=${d}></path><path class="line nps-line c0" d=${d}></path>
          ${ys.map((y, i) =>
            y === null
              ? nothing
              : svg`<circle class="nps-dot ${points[i]?.low ? 'low' : ''}" cx=${xs[i]} cy=${y} r="3.5"></circle>`,
          )}`;
    const number = (n: number): string => formatDecimal(n, locale, 0);
    return {
      plot: svg`${yAxis(plot)}${yAxisRight(plot, [0, 1], SHARE_TICKS, shareLabels)}${xAxis(
        plot,
        (i) => periodLabel(periods[i] ?? '', locale, 'axis'),
        (i) => `n=${number(points[i]?.responses ?? 0)}`,
      )}${bars}${line}`,
      indexAt: (x) => indexAt(plot, x),
      anchor: (i) => ({ x: xs[i] ?? 0 }),
      highlight: (i) => {
        const pad = Math.min(3, plot.x.step() * 0.1);
        return svg`<rect class="focus-box" x=${(plot.x(periods[i] ?? '') ?? 0) - pad} y=${plot.top - 2}
          width=${width + 2 * pad} height=${at(0) - at(1) + 4} rx="3"></rect>`;
      },
    };
  }

  protected override tooltipFor(model: NpsModel, i: number, locale: string): TooltipContent {
    const m = pickMessages(npsTrendMessages, locale);
    const p = model.points[i];
    const period = model.periods[i] ?? '';
    const title = periodLabel(period, locale, 'long');
    if (!p) return { title, rows: [] };
    const share = (n: number): string => formatPercent(p.responses ? n / p.responses : null, locale, 1);
    const count = (n: number): string => formatDecimal(n, locale, 0);
    const rows: TooltipRow[] = [];
    if (!this.hiddenSeries.has('nps')) rows.push({ label: m.nps, value: formatDecimal(p.nps, locale, 1) });
    for (const { key, colour } of [...SHARES].reverse()) {
      if (this.hiddenSeries.has(key)) continue;
      rows.push({ label: m[key], value: `${count(p[key])} (${share(p[key])})`, swatch: { colour, shape: 'box' } });
    }
    rows.push({ label: m.responses, value: count(p.responses) });
    if (model.window > 1) {
      rows.push({
        label: m.window,
        value: `${periodLabel(p.from, locale, 'axis')} – ${periodLabel(period, locale, 'axis')}`,
      });
    }
    return p.low ? { title, rows, note: m.lowNote(count(model.minResponses)) } : { title, rows };
  }

  protected override tableFor(model: NpsModel, locale: string): TableSpec {
    const c = pickMessages(chartMessages, locale);
    const m = pickMessages(npsTrendMessages, locale);
    const count = (n: number): TableNumber => ({ value: n, style: 'decimal', maxDigits: 0 });
    return {
      caption: this.label || c.unnamed,
      columns: [c.period, m.nps, m.promoters, m.passives, m.detractors, m.responses, m.confidence],
      rows: model.points.map((p, i) => [
        periodCell(model.periods[i] ?? '', locale),
        { value: p.nps, style: 'decimal', maxDigits: 1 },
        count(p.promoters),
        count(p.passives),
        count(p.detractors),
        count(p.responses),
        p.responses === 0 ? '–' : p.low ? m.low : m.ok,
      ]),
    };
  }

  protected override summaryFor(model: NpsModel, locale: string): string {
    const c = pickMessages(chartMessages, locale);
    const m = pickMessages(npsTrendMessages, locale);
    const count = (n: number): string => formatDecimal(n, locale, 0);
    const sentences = [
      trendSentence(
        c,
        m.nps,
        model.periods,
        model.points.map((p) => p.nps),
        (v) => formatDecimal(v, locale, 1),
        locale,
      ),
    ];
    const low = model.points.filter((p) => p.low).length;
    if (low) sentences.push(m.lowSummary(count(low), count(model.count), count(model.minResponses)));
    if (model.window > 1) sentences.push(m.rolling(spanLabel(model.periods.slice(0, model.window), locale)));
    return sentences.filter(Boolean).join(' ');
  }

  protected override detailFor(model: NpsModel, i: number): PointSelectDetail {
    const p = model.points[i];
    return {
      index: i,
      period: model.periods[i] ?? '',
      values: {
        nps: p?.nps ?? null,
        promoters: p?.promoters ?? null,
        passives: p?.passives ?? null,
        detractors: p?.detractors ?? null,
        responses: p?.responses ?? null,
      },
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-nps-trend': CsNpsTrend;
  }
}
