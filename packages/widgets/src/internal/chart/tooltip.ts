import { html, nothing, type TemplateResult } from 'lit';
import { cssProperties } from '../css-properties.js';
import { swatch, type LegendItem } from './legend.js';

/** A row of the tooltip: a series (with its swatch) or a plain fact. */
export interface TooltipRow {
  readonly label: string;
  readonly value: string;
  readonly swatch?: Pick<LegendItem, 'colour' | 'dash' | 'shape'>;
}

/** What a tooltip says about one point. The same text is announced to screen readers on focus. */
export interface TooltipContent {
  readonly title: string;
  readonly rows: readonly TooltipRow[];
  readonly note?: string;
}

/** The tooltip as plain text, for the live region. */
export function tooltipText(content: TooltipContent): string {
  const rows = content.rows.map((r) => `${r.label}: ${r.value}`).join(', ');
  return `${content.title}. ${rows}.${content.note ? ` ${content.note}` : ''}`;
}

/**
 * The visible tooltip beside point x (plot pixels): to its right in the left half of the plot, to its
 * left otherwise, so it never covers the point it describes. Hidden from assistive technology, which
 * gets the same text through the live region.
 */
export function tooltip(content: TooltipContent | null, x: number, width: number): TemplateResult | typeof nothing {
  if (!content) return nothing;
  const side = x < width / 2 ? { left: `${Math.round(x + 12)}px` } : { right: `${Math.round(width - x + 12)}px` };
  return html`<div class="tooltip" part="tooltip" aria-hidden="true" ${cssProperties(side)}>
    <strong>${content.title}</strong>
    <dl>
      ${content.rows.map(
        (row) =>
          html`<dt>${row.swatch ? swatch(row.swatch) : nothing}${row.label}</dt>
            <dd>${row.value}</dd>`,
      )}
    </dl>
    ${content.note ? html`<p class="note">${content.note}</p>` : nothing}
  </div>`;
}
