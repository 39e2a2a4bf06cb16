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

/** Labels on the right edge for the same tick positions (a second unit for the same gridlines). */
export function yAxisRight(plot: CartesianPlot, labels: readonly string[]): SVGTemplateResult {
  const x = plot.size.width - plot.right + 6;
  return svg`<g class="axis y right" part="axis">${plot.yTicks.map(
    (tick, i) => svg`<text x=${x} y=${Math.round(plot.y(tick)) + 0.5} dy="0.32em">${labels[i]}</text>`,
  )}</g>`;
}

/**
 * X labels under the bands, thinned to every k-th so the widest fits its slot; counted back from the
 * last band, because the latest period is the one people look for. Labels are built only for the
 * bands that show one (a daily series has thousands of bands). `sub` adds a second, muted row.
 */
export function xAxis(
  plot: CartesianPlot,
  label: (index: number) => string,
  sub?: (index: number) => string,
): SVGTemplateResult {
  const keys = plot.keys;
  const n = keys.length;
  const widest = Math.max(labelWidth(label(0)), labelWidth(label(n - 1)), sub ? labelWidth(sub(0)) : 0) + 8;
  const every = Math.max(1, Math.ceil(widest / plot.x.step()));
  const y = plot.size.height - plot.bottom + 16;
  const half = plot.x.bandwidth() / 2;
  const labels: SVGTemplateResult[] = [];
  for (let i = (n - 1) % every; i < n; i += every) {
    const x = (plot.x(keys[i] ?? '') ?? 0) + half;
    labels.push(
      svg`<text x=${x} y=${y} text-anchor="middle">${label(i)}</text>${
        sub ? svg`<text class="sub" x=${x} y=${y + 15} text-anchor="middle">${sub(i)}</text>` : nothing
      }`,
    );
  }
  return svg`<g class="axis x" part="axis">${labels}</g>`;
}
