import { css, html, nothing, type TemplateResult } from 'lit';

/**
 * The loading state of every element: a skeleton of its own shape, drawn with "bones" (grey
 * placeholders) in the places its content will take, so that the page does not move when the data
 * arrives and the reader sees what kind of widget is coming. Bones are decorative (`aria-hidden`); a
 * visually hidden status ({@link loadingStatus}) says "Loading…" to screen readers, and the element
 * marks its base `aria-busy="true"` while it loads.
 *
 * Sizes come from classes in {@link skeletonStyles}, never from `style` attributes, so a strict
 * Content-Security-Policy (`style-src 'self'`) leaves the skeleton intact. The bones pulse gently,
 * except under `prefers-reduced-motion: reduce`.
 */

/**
 * A placeholder of one line of text: it holds a no-break space, so it is exactly as tall as a line of
 * the text it stands for when it takes that text's class (`<div class="value">${bone('short')}</div>`).
 * Widths: `short` (a number), `medium` (a label), `long` (a sentence), `full`.
 */
export function bone(width: 'short' | 'medium' | 'long' | 'full' = 'medium', className = ''): TemplateResult {
  return html`<span class="bone ${width} ${className}" aria-hidden="true">&nbsp;</span>`;
}

/** A placeholder block that fills the box its class gives it (a sparkline, a score circle). */
export function boneBlock(className: string): TemplateResult {
  return html`<span class="bone block ${className}" aria-hidden="true"></span>`;
}

/** Bars standing on gridlines: the plot of a chart while it loads. Fills its container's height. */
export function skeletonPlot(): TemplateResult {
  return html`<div class="skeleton-plot" aria-hidden="true">
    ${Array.from({ length: 8 }, () => html`<span class="bone bar"></span>`)}
  </div>`;
}

/**
 * The triangle of a cohort table while it loads: a header row, then `rows` rows of a row header and
 * cells, each row one cell shorter than the one above (younger cohorts have fewer months).
 */
export function skeletonCohortGrid(rows = 8, columns = 6): TemplateResult {
  const cells = (count: number) =>
    Array.from({ length: columns }, (_, i) =>
      i < count ? html`<span class="bone cell"></span>` : html`<span></span>`,
    );
  return html`<div class="skeleton-grid" aria-hidden="true">
    <span class="bone head"></span>${cells(columns)}
    ${Array.from({ length: rows }, (_, row) => html`<span class="bone head"></span>${cells(columns - row)}`)}
  </div>`;
}

/**
 * The words screen readers hear while the element loads ("Loading…"), hidden from view. `part` is
 * the element's documented part for its state message.
 */
export function loadingStatus(text: string, part = 'state'): TemplateResult {
  return html`<span class="skeleton-status" part=${part || nothing} role="status">${text}</span>`;
}

/** The styles of the bones; every element adds them to its own. */
export const skeletonStyles = css`
  .bone {
    display: inline-block;
    box-sizing: border-box;
    max-inline-size: 100%;
    color: transparent;
    background: color-mix(in srgb, currentColor 14%, transparent);
    border-radius: 4px;
    user-select: none;
  }
  .bone.short {
    inline-size: 4.5rem;
  }
  .bone.medium {
    inline-size: 9rem;
  }
  .bone.long {
    inline-size: 16rem;
  }
  .bone.full {
    inline-size: 100%;
  }
  .bone.block {
    display: block;
  }
  .skeleton-plot {
    display: flex;
    align-items: flex-end;
    gap: 5%;
    box-sizing: border-box;
    block-size: 100%;
    /* Where the axes' labels will be: left of the bars and under them. */
    padding: 0.75rem 0.5rem 1.75rem 2.75rem;
    background: repeating-linear-gradient(
        to top,
        color-mix(in srgb, currentColor 14%, transparent) 0 1px,
        transparent 1px 25%
      )
      content-box;
  }
  .skeleton-plot .bar {
    flex: 1;
    border-radius: 3px 3px 0 0;
  }
  .skeleton-plot .bar:nth-child(1) {
    block-size: 45%;
  }
  .skeleton-plot .bar:nth-child(2) {
    block-size: 62%;
  }
  .skeleton-plot .bar:nth-child(3) {
    block-size: 54%;
  }
  .skeleton-plot .bar:nth-child(4) {
    block-size: 78%;
  }
  .skeleton-plot .bar:nth-child(5) {
    block-size: 66%;
  }
  .skeleton-plot .bar:nth-child(6) {
    block-size: 85%;
  }
  .skeleton-plot .bar:nth-child(7) {
    block-size: 58%;
  }
  .skeleton-plot .bar:nth-child(8) {
    block-size: 72%;
  }
  .skeleton-grid {
    display: grid;
    grid-template-columns: minmax(3rem, 5rem) repeat(6, minmax(0, 3.25rem));
    grid-auto-rows: 1.75rem;
    gap: 2px;
  }
  .skeleton-grid .head {
    inline-size: 80%;
  }
  .skeleton-status {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @keyframes cs-skeleton-pulse {
    from {
      opacity: 1;
    }
    to {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: cs-skeleton-pulse 0.9s ease-in-out infinite alternate;
    }
  }
`;
