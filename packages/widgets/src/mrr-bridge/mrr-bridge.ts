import { nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { yAxis } from '../internal/chart/axes.js';
import {
  CsChartElement,
  type ChartModel,
  type ChartView,
  type PointSelectDetail,
  type Problem,
} from '../internal/chart/chart-element.js';
import { chartStyles } from '../internal/chart/chart.styles.js';
import type { TableSpec } from '../internal/chart/data-table.js';
import type { LegendItem } from '../internal/chart/legend.js';
import { formatDecimal, formatMoney, formatPercent } from '../internal/chart/numbers.js';
import { periodLabel } from '../internal/chart/period.js';
import {
  bandCentre,
  bandScale,
  cartesian,
  indexAt,
  labelWidth,
  linearScale,
  niceTicks,
  type ChartSize,
} from '../internal/chart/scales.js';
import type { TooltipContent, TooltipRow } from '../internal/chart/tooltip.js';
import { pickMessages } from '../internal/messages.js';
import { WIDGETS_VERSION } from '../internal/version.js';
import { mrrBridgeMessages } from './mrr-bridge.messages.js';
import { mrrBridgeStyles } from './mrr-bridge.styles.js';
import { toBridgeData, type BridgeData, type MrrBridgeInput } from './mrr-bridge-data.js';

/** A bar of the waterfall: from `from` to `to` on the MRR axis. */
interface Bar {
  readonly from: number;
  readonly to: number;
  readonly kind: 'total' | 'up' | 'down';
}

/** What both layouts draw: the bars, their steps and names, and the MRR range shown. */
interface BridgeShape {
  readonly bars: readonly Bar[];
  readonly keys: readonly string[];
  readonly names: readonly string[];
  readonly bottom: number;
  readonly hi: number;
}

interface BridgeModel extends ChartModel {
  readonly data: BridgeData;
  readonly bars: readonly Bar[];
}

/** Palette slots: totals blue, increases bluish green, decreases vermillion. */
const COLOUR = { total: 1, up: 3, down: 2 } as const;

/**
 * A month's MRR bridge (waterfall): the previous month's MRR, then new, expansion and reactivation
 * up, contraction and churn down, to the month's MRR (metrics.md §2). Every bar is labelled with its
 * signed amount, so increases and decreases do not rely on colour. By default the axis starts near
 * the smallest total so that small movements stay visible, and the cut-off totals carry a break mark;
 * `baseline="zero"` draws from zero.
 *
 * The layout follows the width: columns with the step names under them while every name and amount
 * fits over its column (compact amounts such as "$2.6M" when the exact ones do not), and in narrower
 * cards horizontal bars, one row per step, with the names on the left and the amounts on the right.
 * The tooltip and the table always have the exact amounts.
 *
 * @tag cs-mrr-bridge
 * @summary The MRR waterfall of one month.
 * @since 0.1.0
 *
 * @csspart base - The chart's `figure`.
 * @csspart label - The caption (the `label`).
 * @csspart controls - The row holding the table toggle.
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
 * @cssproperty --cs-mrr-bridge-background - Background. Falls back to `--cs-surface`.
 * @cssproperty --cs-mrr-bridge-color - Text colour and bar labels. Falls back to `--cs-text`.
 * @cssproperty --cs-mrr-bridge-muted-color - Axis labels, connectors and summary. Falls back to `--cs-text-muted`.
 * @cssproperty --cs-mrr-bridge-grid-color - Grid lines. Falls back to `--cs-grid-color`.
 * @cssproperty --cs-mrr-bridge-border-color - Border of the chart and the button. Falls back to `--cs-border-color`.
 * @cssproperty --cs-mrr-bridge-focus-color - Focus ring. Falls back to `--cs-focus-color`.
 * @cssproperty --cs-mrr-bridge-radius - Corner radius. Falls back to `--cs-radius`.
 * @cssproperty --cs-mrr-bridge-height - Height of the plot box, reserved before data arrives (default 15rem).
 * @cssproperty --cs-mrr-bridge-series-1 - Start and end totals. Falls back to `--cs-series-1`.
 * @cssproperty --cs-mrr-bridge-series-2 - Decreases (contraction, churn). Falls back to `--cs-series-2`.
 * @cssproperty --cs-mrr-bridge-series-3 - Increases (new, expansion, reactivation). Falls back to `--cs-series-3`.
 *
 * @event cs-point-select - A step was clicked or chosen with Enter; `detail` has `index`, `period` (the month), `key` (the step) and `values`.
 * @event cs-data-error - The data could not be loaded or read; `detail.reason` says why.
 * @event cs-export - A format of the export menu was chosen; `detail` is `{ format, blob, filename }`.
 * Cancelable: `preventDefault()` stops the download (to send the file elsewhere).
 */
export class CsMrrBridge extends CsChartElement<MrrBridgeInput, BridgeModel> {
  static readonly version = WIDGETS_VERSION;
  static override styles = [chartStyles('mrr-bridge'), mrrBridgeStyles];

  /** The month to show (`YYYY-MM`) when the data is a report; defaults to its last month. */
  @property() month = '';

  /** `fit` starts the axis near the smallest total (totals get a break mark); `zero` starts at zero. */
  @property() baseline: 'fit' | 'zero' = 'fit';

  protected override modelKey(): string {
    return this.month;
  }

  protected override viewKey(): string {
    return this.baseline;
  }

  protected override toModel(input: unknown): BridgeModel | Problem {
    const data = toBridgeData(input, this.month);
    if ('problem' in data) return data;
    let level = 0;
    const bars = data.steps.map((step): Bar => {
      if (step.key === 'start' || step.key === 'end') {
        level = step.value;
        return { from: 0, to: step.value, kind: 'total' };
      }
      const from = level;
      level += step.value;
      return { from, to: level, kind: step.value < 0 ? 'down' : 'up' };
    });
    return { data, bars, count: bars.length };
  }

  protected override legendItems(): readonly LegendItem[] {
    // Steps are named on the axis and every bar carries a signed label: a legend would repeat them.
    return [];
  }

  protected override renderView(model: BridgeModel, size: ChartSize, locale: string): ChartView {
    const m = pickMessages(mrrBridgeMessages, locale);
    const { data, bars } = model;
    const currency = data.currency;
    const levels = bars.flatMap((b) => (b.kind === 'total' ? [b.to] : [b.from, b.to]));
    const lo = Math.min(...levels);
    const hi = Math.max(...levels);
    // Fit: leave half the movements' span below the lowest level, on a round tick, if that stays above 0.
    const floor = this.baseline === 'zero' ? 0 : lo - (hi - lo) * 0.5;
    const bottom = floor > 0 ? (niceTicks(floor, hi, 4)[0] ?? 0) : 0;
    const names = data.steps.map((s) => m.steps[s.key]);
    const amounts = (compact: boolean): string[] =>
      data.steps.map((s) =>
        formatMoney(s.value, locale, currency, { signed: s.key !== 'start' && s.key !== 'end', compact }),
      );
    const shape = { bars, keys: data.steps.map((s) => s.key), names, bottom, hi };
    // Columns while every step name and amount fits over its bar; in a card, rows (horizontal bars)
    // with the names in a column on the left and the amounts in one on the right, so nothing collides.
    const columns = this.columnsView(shape, size, locale, currency, amounts);
    return columns ?? this.rowsView(shape, size, amounts(true));
  }

  /** The waterfall as columns, or `null` when a step name or amount would not fit over its column. */
  private columnsView(
    shape: BridgeShape,
    size: ChartSize,
    locale: string,
    currency: string,
    amounts: (compact: boolean) => string[],
  ): ChartView | null {
    const { bars, keys, names, bottom, hi } = shape;
    const plot = cartesian(keys, [bottom, hi], size, {
      yFormat: (v, digits) => formatMoney(v, locale, currency, { compact: true, digits }),
      padding: 0.3,
      top: 22,
    });
    const room = plot.x.step() - 6;
    if (Math.max(...names.map((n) => labelWidth(n))) > room) return null;
    const full = amounts(false);
    const labels = full.every((label) => labelWidth(label) <= room) ? full : amounts(true);
    if (labels.some((label) => labelWidth(label) > room)) return null;
    const width = plot.x.bandwidth();
    const base = plot.y(bottom);
    const marks = bars.map((bar, i) => {
      const x = plot.x(keys[i] ?? '') ?? 0;
      const top = plot.y(Math.max(bar.from, bar.to));
      const bottomY = bar.kind === 'total' ? base : plot.y(Math.min(bar.from, bar.to));
      const next = bars[i + 1];
      const level = plot.y(bar.to);
      return svg`<rect class="bar c${COLOUR[bar.kind]}" x=${x} y=${top} width=${width} height=${Math.max(1, bottomY - top)}></rect>
        ${
          bar.kind === 'total' && bottom > 0
            ? svg`<path class="break" d=${`M${x - 1},${base - 6}l${width / 4},-4l${width / 4},4l${width / 4},-4l${width / 4 + 1},4`}></path>`
            : nothing
        }
        ${next ? svg`<line class="connector" x1=${x + width} x2=${plot.x(keys[i + 1] ?? '') ?? 0} y1=${level} y2=${level}></line>` : nothing}
        <text class="value" x=${x + width / 2} y=${top - 5} text-anchor="middle">${labels[i]}</text>`;
    });
    const labelY = size.height - plot.bottom + 16;
    const axis = svg`<g class="axis x" part="axis">${names.map(
      (name, i) => svg`<text class="step" x=${bandCentre(plot, i)} y=${labelY} text-anchor="middle">${name}</text>`,
    )}</g>`;
    return {
      plot: svg`${yAxis(plot)}${axis}${marks}`,
      indexAt: (x) => indexAt(plot, x),
      anchor: (i) => ({ x: bandCentre(plot, i) }),
      highlight: (i) => {
        const pad = Math.min(4, plot.x.step() * 0.15);
        return svg`<rect class="focus-box" x=${(plot.x(keys[i] ?? '') ?? 0) - pad} y=${plot.top - 2}
          width=${width + 2 * pad} height=${base - plot.top + 4} rx="3"></rect>`;
      },
    };
  }

  /**
   * The waterfall as rows for narrow cards: step names on the left (shortened with an ellipsis if a
   * translation is very long; the tooltip and table have them whole), bars in the middle on a
   * horizontal MRR scale, every amount (compact) in a column on the right.
   */
  private rowsView(shape: BridgeShape, size: ChartSize, labels: readonly string[]): ChartView {
    const { bars, keys, names, bottom, hi } = shape;
    const nameRoom = Math.floor(size.width * 0.38);
    const shown = names.map((name) => fitText(name, nameRoom));
    const nameColumn = Math.max(...shown.map((n) => labelWidth(n))) + 8;
    const valueColumn = Math.max(...labels.map((l) => labelWidth(l))) + 8;
    const x0 = nameColumn;
    const x1 = Math.max(x0 + 1, size.width - valueColumn - 4);
    const x = linearScale([bottom, hi], [x0, x1]);
    const rows = bandScale(keys, [4, size.height - 4], 0.3, 0.1);
    const height = rows.bandwidth();
    const rowTop = (i: number): number => rows(keys[i] ?? '') ?? 0;
    const marks = bars.map((bar, i) => {
      const y = rowTop(i);
      const left = bar.kind === 'total' ? x(bottom) : x(Math.min(bar.from, bar.to));
      const right = x(Math.max(bar.from, bar.to));
      const next = bars[i + 1];
      const centre = y + height / 2;
      return svg`<rect class="bar c${COLOUR[bar.kind]}" x=${left} y=${y} width=${Math.max(1, right - left)} height=${height}></rect>
        ${
          bar.kind === 'total' && bottom > 0
            ? svg`<path class="break" d=${`M${left + 6},${y - 1}l-4,${height / 4}l4,${height / 4}l-4,${height / 4}l4,${height / 4 + 1}`}></path>`
            : nothing
        }
        ${next ? svg`<line class="connector" x1=${x(bar.to)} x2=${x(bar.to)} y1=${y + height} y2=${rowTop(i + 1)}></line>` : nothing}
        <text class="step" x="0" y=${centre} dy="0.32em">${shown[i]}</text>
        <text class="value" x=${size.width - 2} y=${centre} dy="0.32em" text-anchor="end">${labels[i]}</text>`;
    });
    const step = rows.step();
    return {
      plot: svg`<g class="rows">${marks}</g>`,
      indexAt: (_x, y) =>
        Math.max(0, Math.min(keys.length - 1, Math.floor((y - 4 - (step * 0.1 - step * 0.15)) / step))),
      anchor: (i) => ({ top: rowTop(i) - 3, bottom: rowTop(i) + height + 3 }),
      highlight: (i) =>
        svg`<rect class="focus-box" x="1" y=${rowTop(i) - 3} width=${size.width - 2} height=${height + 6} rx="3"></rect>`,
    };
  }

  protected override tooltipFor(model: BridgeModel, i: number, locale: string): TooltipContent {
    const m = pickMessages(mrrBridgeMessages, locale);
    const { data } = model;
    const step = data.steps[i];
    if (!step) return { title: '', rows: [] };
    const total = step.key === 'start' || step.key === 'end';
    const month = step.key === 'start' ? previousMonth(data.month) : data.month;
    const rows: TooltipRow[] = [
      {
        label: m.mrr,
        value: formatMoney(step.value, locale, data.currency, { signed: !total }),
        swatch: { colour: COLOUR[model.bars[i]?.kind ?? 'total'], shape: 'box' },
      },
    ];
    if (step.customers !== null) rows.push({ label: m.customers, value: formatDecimal(step.customers, locale, 0) });
    const start = data.steps[0]?.value ?? 0;
    if (!total && start > 0) rows.push({ label: m.ofStart, value: formatPercent(step.value / start, locale, 2) });
    return { title: `${m.steps[step.key]} · ${periodLabel(month, locale, 'long')}`, rows };
  }

  protected override tableFor(model: BridgeModel, locale: string): TableSpec {
    const m = pickMessages(mrrBridgeMessages, locale);
    const { data } = model;
    return {
      caption: this.label || `${m.mrr} · ${periodLabel(data.month, locale, 'long')}`,
      columns: [m.movement, m.mrr, m.customers],
      rows: data.steps.map((s) => [
        { label: m.steps[s.key], raw: s.key },
        {
          value: s.value,
          style: 'currency',
          currency: data.currency,
          maxDigits: 2,
          signed: s.key !== 'start' && s.key !== 'end',
        },
        { value: s.customers, style: 'decimal', maxDigits: 0 },
      ]),
    };
  }

  protected override summaryFor(model: BridgeModel, locale: string): string {
    const m = pickMessages(mrrBridgeMessages, locale);
    const { data } = model;
    const steps = data.steps;
    const start = steps[0]?.value ?? 0;
    const end = steps.at(-1)?.value ?? 0;
    const money = (v: number, signed = false): string => formatMoney(v, locale, data.currency, { signed });
    const moves = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
      steps.slice(1, -1).map((s) => `${m.steps[s.key]} ${money(s.value, true)}`),
    );
    return m.summary(
      periodLabel(data.month, locale, 'long'),
      money(start),
      money(end),
      money(end - start, true),
      moves,
    );
  }

  protected override detailFor(model: BridgeModel, i: number): PointSelectDetail {
    const step = model.data.steps[i];
    return {
      index: i,
      period: model.data.month,
      key: step?.key ?? '',
      values: { mrr: step?.value ?? null, customers: step?.customers ?? null },
    };
  }
}

/** `text`, shortened with an ellipsis until it measures at most `room` px. */
function fitText(text: string, room: number): string {
  if (labelWidth(text) <= room) return text;
  let chars = [...text];
  while (chars.length > 1 && labelWidth(`${chars.join('')}…`) > room) chars = chars.slice(0, -1);
  return `${chars.join('').trimEnd()}…`;
}

/** The month before `YYYY-MM`. */
function previousMonth(month: string): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-mrr-bridge': CsMrrBridge;
  }
}
