/** The measured drawing area of a chart, in CSS pixels. */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Narrowest and widest plot the charts draw; outside that the plot scrolls or stops growing. A card of
 * 280 px leaves a plot box of about 246 px, which the charts fill rather than scroll.
 */
export const MIN_WIDTH = 160;
export const MAX_WIDTH = 1200;

/** A linear map from a value domain to pixels (`y(v)`), with its domain and range. */
export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

/**
 * A linear scale. d3-scale's `scaleLinear` would add d3-interpolate, d3-color and d3-format (about
 * 9 KB gzipped) for colour and string interpolation the charts never use.
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return Object.assign((value: number) => r0 + (value - d0) * k, { domain, range });
}

/**
 * The step of about `count` round ticks over [start, stop]: 1, 2 or 5 × 10ⁿ (d3-array's algorithm).
 */
export function tickStep(start: number, stop: number, count: number): number {
  const raw = Math.abs(stop - start) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  return power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
}

/** Round ticks covering [start, stop], the domain widened to the outer ticks ("nice"). */
export function niceTicks(start: number, stop: number, count: number): number[] {
  if (!(stop > start)) return [start];
  let step = tickStep(start, stop, count);
  // Widening to the step can change the step; d3 iterates too.
  for (let i = 0; i < 3; i++) {
    const next = tickStep(Math.floor(start / step) * step, Math.ceil(stop / step) * step, count);
    if (next === step) break;
    step = next;
  }
  const from = Math.floor(start / step);
  const to = Math.ceil(stop / step);
  const ticks: number[] = [];
  // Multiplying integers and dividing by the inverse step avoids 0.30000000000000004-style ticks.
  const inverse = step < 1 ? Math.round(1 / step) : 0;
  for (let i = from; i <= to; i++) ticks.push(inverse ? i / inverse : i * step);
  return ticks;
}

/** Bands along x, one per key: `x(key)` is the band's left edge, `undefined` for an unknown key. */
export interface BandScale {
  (key: string): number | undefined;
  range(): [number, number];
  step(): number;
  bandwidth(): number;
  paddingInner(): number;
  paddingOuter(): number;
}

/**
 * d3-scale's `scaleBand` with its defaults (centred, not rounded) for an ascending range, written out:
 * the import cost each chart about 1.7 KB gzipped (with d3-array and internmap) and put seven packages
 * into every install. Padding is in steps, as in d3: `inner` between bands, `outer` before the first
 * and after the last. Repeated keys get the band of their first occurrence.
 */
export function bandScale(
  keys: readonly string[],
  range: readonly [number, number],
  inner: number,
  outer: number,
): BandScale {
  const index = new Map<string, number>();
  for (const key of keys) if (!index.has(key)) index.set(key, index.size);
  const [start, stop] = range;
  const paddingInner = Math.min(1, inner);
  const step = (stop - start) / Math.max(1, index.size - paddingInner + outer * 2);
  const first = start + (stop - start - step * (index.size - paddingInner)) / 2;
  const bandwidth = step * (1 - paddingInner);
  const scale = (key: string): number | undefined => {
    const i = index.get(key);
    return i === undefined ? undefined : first + step * i;
  };
  return Object.assign(scale, {
    range: (): [number, number] => [start, stop],
    step: () => step,
    bandwidth: () => bandwidth,
    paddingInner: () => paddingInner,
    paddingOuter: () => outer,
  });
}

/** A band-x, linear-y plot: every chart of the package is one (months or bridge steps along x). */
export interface CartesianPlot {
  readonly size: ChartSize;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly x: BandScale;
  /** The x keys, in order: `x.domain()` copies them on every call, which is quadratic over a series. */
  readonly keys: readonly string[];
  readonly y: LinearScale;
  readonly yTicks: readonly number[];
  readonly yLabels: readonly string[];
}

export interface CartesianOptions {
  /**
   * Formats a y tick (Intl-based, from the element's locale) with at most `digits` fraction digits.
   * The plot asks for more digits until every tick reads differently (0.1 %, 0.15 %, not 0.1 %, 0.1 %).
   */
  readonly yFormat: (value: number, digits: number) => string;
  /** Fraction digits to start from (default 1). */
  readonly yDigits?: number;
  /** Fixed y ticks instead of d3's nice ones (the NPS axis is always −100…100 by 50). */
  readonly yTicks?: readonly number[];
  /** Inner padding of the x bands (0 for line charts over many points). */
  readonly padding?: number;
  /** Room reserved on the right, for a second axis or a target label. */
  readonly right?: number;
  /** Room reserved under the x labels (the NPS chart's response counts). */
  readonly extraBottom?: number;
  /** Room reserved above the plot (12 px by default; labels over the tallest bar need more). */
  readonly top?: number;
}

let measure: CanvasRenderingContext2D | null | undefined;
let measureFont = '';
let labelFamily = 'sans-serif';

/**
 * The font family labels are drawn in: the element's inherited one, set before each layout so that
 * labels are measured in the font the page gives them (a serif page font is much wider than a guess).
 */
export function setLabelFont(family: string): void {
  labelFamily = family || 'sans-serif';
}

/** Width of a label in the charts' 12 px label font (`size` for others), measured on a canvas. */
export function labelWidth(text: string, size = 12): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) {
    // No canvas (never in a browser): a generous guess per character.
    let width = 0;
    for (const char of text) width += (char.codePointAt(0) ?? 0) > 0x2e80 ? size : size * 0.62;
    return width;
  }
  const font = `${size}px ${labelFamily}`;
  if (font !== measureFont) {
    measure.font = font;
    measureFont = font;
  }
  return Math.ceil(measure.measureText(text).width);
}

/**
 * Labels for `ticks` that all read differently: `format` is asked for `from` fraction digits, then
 * more (up to 4), so that a narrow range shows "0.1%, 0.15%, 0.2%" rather than "0.1%, 0.1%, 0.2%".
 */
export function distinctLabels(
  ticks: readonly number[],
  format: (value: number, digits: number) => string,
  from = 1,
): string[] {
  let labels: string[] = [];
  for (let digits = from; digits <= Math.max(from, 4); digits++) {
    labels = ticks.map((t) => format(t, digits));
    if (new Set(labels).size === labels.length) break;
  }
  return labels;
}

/** Lays out a band-x / linear-y plot for `keys` and a y `domain` that is widened to nice ticks. */
export function cartesian(
  keys: readonly string[],
  domain: readonly [number, number],
  size: ChartSize,
  options: CartesianOptions,
): CartesianPlot {
  const top = options.top ?? 12;
  const bottom = 24 + (options.extraBottom ?? 0);
  const [lo, hi] = domain[0] === domain[1] ? [domain[0], domain[0] + 1] : domain;
  const count = Math.max(2, Math.min(6, Math.floor((size.height - top - bottom) / 40)));
  const yTicks = options.yTicks ?? niceTicks(lo, hi, count);
  const y = linearScale([yTicks[0] ?? lo, yTicks.at(-1) ?? hi], [size.height - bottom, top]);
  const yLabels = distinctLabels(yTicks, options.yFormat, options.yDigits ?? 1);
  const left = Math.ceil(Math.max(...yLabels.map((l) => labelWidth(l)), 14) + 10);
  const right = options.right ?? 12;
  const padding = options.padding ?? 0.2;
  const x = bandScale(keys, [left, Math.max(left + 1, size.width - right)], padding, padding / 2);
  return { size, left, right, top, bottom, x, keys, y, yTicks, yLabels };
}

/** The band index under an x coordinate, clamped to the keys (hover and click on any part of a column). */
export function indexAt(plot: CartesianPlot, x: number): number {
  const count = plot.keys.length;
  const step = plot.x.step();
  const start = plot.x.range()[0] + plot.x.paddingOuter() * step - (plot.x.paddingInner() * step) / 2;
  return Math.max(0, Math.min(count - 1, Math.floor((x - start) / step)));
}

/** Centre of band `index`. */
export function bandCentre(plot: CartesianPlot, index: number): number {
  const key = plot.keys[index];
  return key === undefined ? 0 : (plot.x(key) ?? 0) + plot.x.bandwidth() / 2;
}

/** Smallest and largest finite value of several series, always including `include` (0, a target…). */
export function extent(values: Iterable<number | null | undefined>, include: readonly number[] = []): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  for (const v of include) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min === Infinity ? [0, 1] : [min, max];
}
