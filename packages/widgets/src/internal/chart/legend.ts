import { html, nothing, svg, type TemplateResult } from 'lit';

/** One series in the legend. `colour` is a palette slot (1-based), `dash` a dash pattern (0 = solid). */
export interface LegendItem {
  readonly key: string;
  readonly label: string;
  readonly colour: number;
  readonly dash?: number;
  /** A line swatch (for line series) or a filled box (for bars and areas). */
  readonly shape: 'line' | 'box';
}

/** The swatch drawn in the legend and the tooltip, so both match the plot. */
export function swatch(item: Pick<LegendItem, 'colour' | 'dash' | 'shape'>): TemplateResult {
  return html`<svg class="swatch c${item.colour}" viewBox="0 0 20 12" aria-hidden="true" focusable="false">
    ${
      item.shape === 'line'
        ? svg`<line class="line ${item.dash ? `d${item.dash}` : ''}" x1="1" x2="19" y1="6" y2="6"></line>`
        : svg`<rect class="bar" x="3" y="0" width="14" height="12" rx="2"></rect>`
    }
  </svg>`;
}

/**
 * Toggle buttons, one per series: `aria-pressed="true"` while the series is shown. Hiding a series
 * hides it from the plot and the tooltip; the table keeps every series.
 */
export function legend(
  items: readonly LegendItem[],
  hidden: ReadonlySet<string>,
  name: string,
  toggle: (key: string) => void,
): TemplateResult | typeof nothing {
  if (items.length < 2) return nothing;
  return html`<div class="legend" part="legend" role="group" aria-label=${name}>
    ${items.map(
      (item) =>
        html`<button
          type="button"
          part="legend-item"
          aria-pressed=${hidden.has(item.key) ? 'false' : 'true'}
          @click=${() => toggle(item.key)}
        >
          ${swatch(item)}${item.label}
        </button>`,
    )}
  </div>`;
}
