import { html, nothing, type TemplateResult } from 'lit';
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
 * What the tooltip must keep clear of: the column at plot x `x` (trends, vertical bars), or the row
 * from `top` to `bottom` (horizontal bars).
 */
export type TooltipAnchor = { readonly x: number } | { readonly top: number; readonly bottom: number };

/** Gap between the tooltip and its point, and between the tooltip and the plot's edges. */
const GAP = 12;
const EDGE = 4;

/**
 * The visible tooltip. It is placed by {@link placeTooltip} once it can be measured. Hidden from
 * assistive technology, which gets the same text through the live region; `role="tooltip"` says what it
 * is to everything else (it floats over the plot by design).
 */
export function tooltip(content: TooltipContent | null): TemplateResult | typeof nothing {
  if (!content) return nothing;
  return html`<div class="tooltip" part="tooltip" role="tooltip" aria-hidden="true">
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

/**
 * Puts the tooltip whole inside the plot box (`box`, CSS pixels) without covering its point: beside a
 * column (on the side with more room first) or above or below a row. When neither side has room
 * (a point mid-plot in a 280 px card), it keeps to the plot's edge and covers as little as it can.
 */
export function placeTooltip(tip: HTMLElement, anchor: TooltipAnchor, box: { width: number; height: number }): void {
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  const clamp = (value: number, max: number): number => Math.max(EDGE, Math.min(value, max - EDGE));
  let left: number;
  let top: number;
  if ('x' in anchor) {
    const right = anchor.x + GAP;
    const leftOf = anchor.x - GAP - width;
    const fitsRight = right + width <= box.width - EDGE;
    const fitsLeft = leftOf >= EDGE;
    const preferRight = anchor.x < box.width / 2;
    if (fitsRight && (preferRight || !fitsLeft)) left = right;
    else if (fitsLeft) left = leftOf;
    else left = preferRight ? box.width - EDGE - width : EDGE;
    top = EDGE;
  } else {
    const below = anchor.bottom + GAP / 2;
    const above = anchor.top - GAP / 2 - height;
    if (below + height <= box.height - EDGE && (anchor.top < box.height / 2 || above < EDGE)) top = below;
    else if (above >= EDGE) top = above;
    else top = anchor.top < box.height / 2 ? box.height - EDGE - height : EDGE;
    left = box.width - EDGE - width;
  }
  tip.style.setProperty('left', `${Math.round(clamp(left, box.width - width))}px`);
  tip.style.setProperty('top', `${Math.round(Math.max(0, Math.min(top, box.height - height)))}px`);
}
