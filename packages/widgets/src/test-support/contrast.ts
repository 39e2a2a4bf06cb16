import { contrastRatio } from '../cohort-heatmap/color-scale.js';

/** `rgb(r, g, b)` (as `getComputedStyle` gives an opaque colour) as `#rrggbb`. */
export function rgbToHex(rgb: string): string {
  const channels = (rgb.match(/\d+/g) ?? []).slice(0, 3).map((c) => Number(c).toString(16).padStart(2, '0'));
  return `#${channels.join('')}`;
}

/** WCAG contrast of two computed `rgb()` colours, by the heatmap's `contrastRatio` (one formula). */
export function contrast(a: string, b: string): number {
  return contrastRatio(rgbToHex(a), rgbToHex(b));
}
