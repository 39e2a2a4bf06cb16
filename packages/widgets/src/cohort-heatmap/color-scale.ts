/**
 * A small sequential colour scale for the heatmap, with the text colour that stays readable on each
 * cell. Written out instead of d3-scale + d3-interpolate to keep the element inside its size budget.
 */

/** ColorBrewer YlGnBu (9 classes): sequential and safe for the common colour-vision deficiencies. */
export const DEFAULT_PALETTE: readonly string[] = [
  '#ffffd9',
  '#edf8b1',
  '#c7e9b4',
  '#7fcdbb',
  '#41b6c4',
  '#1d91c0',
  '#225ea8',
  '#253494',
  '#081d58',
];

type Rgb = readonly [number, number, number];

const HEX = /^#[0-9a-f]{6}$/i;

/** Whether `palette` is at least two `#rrggbb` colours. */
export function isPalette(palette: unknown): palette is readonly string[] {
  return Array.isArray(palette) && palette.length >= 2 && palette.every((c) => typeof c === 'string' && HEX.test(c));
}

function parse(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** A colour for `t` in [0, 1], interpolated linearly between the palette's stops. */
export function colorAt(palette: readonly string[], t: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const position = clamped * (palette.length - 1);
  const i = Math.min(palette.length - 2, Math.floor(position));
  const f = position - i;
  const a = parse(palette[i] ?? '#000000');
  const b = parse(palette[i + 1] ?? '#000000');
  return toHex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
}

/** WCAG 2 relative luminance of `#rrggbb`. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parse(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Black or white, whichever contrasts more with `background`. The better of the two is always at
 * least 4.58:1, so every cell's text meets WCAG AA.
 */
export function textColorOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}
