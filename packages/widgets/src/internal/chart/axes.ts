import { nothing, svg, type SVGTemplateResult } from 'lit';
import { labelWidth, type CartesianPlot } from './scales.js';

/** Horizontal grid lines with the y tick labels on the left. */
export function yAxis(plot: CartesianPlot): SVGTemplateResult {
  const x1 = plot.left;
  const x2 = plot.size.width - plot.right;
  return svg`<g class="axis y" part="axis">${plot.yTicks.map((tick, i) => {
    const y = Math.round(plot.y(tick)) + 0.5;
    return svg`<line class=${tick === 0 ? 'zero' : 'grid'} x1=${x1} x2=${x2} y1=${y} y2=${y}></line>
      <text x=${x1 - 6} y=${y} dy="0.32em" text-anchor="end">${plot.yLabels[i]}</text>`;
  })}</g>`;
}

/**
 * A second axis on the right edge with its own `ticks` (values in `domain`, drawn over the plot's
 * height) and short tick marks instead of gridlines: the gridlines belong to the left axis alone, so
 * no gridline reads as two different values. The caller reserves `plot.right` for the labels.
 */
export function yAxisRight(
  plot: CartesianPlot,
  domain: readonly [number, number],
  ticks: readonly number[],
  labels: readonly string[],
): SVGTemplateResult {
  const x = plot.size.width - plot.right;
  const [d0, d1] = domain;
  const y0 = plot.size.height - plot.bottom;
  const at = (v: number): number => Math.round(y0 - ((v - d0) / (d1 - d0 || 1)) * (y0 - plot.top)) + 0.5;
  return svg`<g class="axis y right" part="axis">${ticks.map(
    (tick, i) => svg`<line class="tick" x1=${x} x2=${x + 4} y1=${at(tick)} y2=${at(tick)}></line>
      <text x=${x + 6} y=${at(tick)} dy="0.32em">${labels[i]}</text>`,
  )}</g>`;
}

/**
 * X labels under the bands, thinned to every k-th so the widest fits its slot; counted back from the
 * last band, because the latest period is the one people look for. A label is kept inside the plot's
 * width (the first and last shift inwards rather than stick out under the y labels or past the edge),
 * and one that would then touch its neighbour is dropped. Labels are built only for the bands that show
 * one (a daily series has thousands of bands). `sub` adds a second, muted row.
 */
export function xAxis(
  plot: CartesianPlot,
  label: (index: number) => string,
  sub?: (index: number) => string,
): SVGTemplateResult {
  const keys = plot.keys;
  const n = keys.length;
  const widthOf = (i: number): number => Math.max(labelWidth(label(i)), sub ? labelWidth(sub(i)) : 0);
  const widest = Math.max(widthOf(0), widthOf(n - 1)) + 8;
  const every = Math.max(1, Math.ceil(widest / plot.x.step()));
  const y = plot.size.height - plot.bottom + 16;
  const half = plot.x.bandwidth() / 2;
  const min = plot.left;
  const max = plot.size.width - plot.right;
  const labels: SVGTemplateResult[] = [];
  // From the last label leftwards: each must end a gap before the one kept to its right.
  let limit = max;
  for (let i = n - 1; i >= 0; i -= every) {
    const w = widthOf(i);
    const centre = (plot.x(keys[i] ?? '') ?? 0) + half;
    const x = Math.max(min + w / 2, Math.min(centre, limit - w / 2));
    if (x + w / 2 > limit + 0.5) continue;
    limit = x - w / 2 - 8;
    labels.push(
      svg`<text x=${x} y=${y} text-anchor="middle">${label(i)}</text>${
        sub ? svg`<text class="sub" x=${x} y=${y + 15} text-anchor="middle">${sub(i)}</text>` : nothing
      }`,
    );
  }
  return svg`<g class="axis x" part="axis">${labels.reverse()}</g>`;
}
