import { css, html, nothing, svg, type TemplateResult } from 'lit';

/**
 * The loading state of every element: a skeleton of its own shape, drawn with "bones" (grey
 * placeholders) in the places its content will take, so that the page does not move when the data
 * arrives and the reader sees what kind of widget is coming. Bones are decorative (`aria-hidden`); a
 * visually hidden status ({@link loadingStatus}) says "Loading…" to screen readers, and the element
 * marks its base `aria-busy="true"` while it loads.
 *
 * Sizes come from classes in {@link skeletonStyles} and SVG attributes, never from `style` attributes, so a strict
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

/** Bar heights of the plot placeholder, in % of the plot's height. */
const BARS = [45, 62, 54, 78, 66, 85, 58, 72];

/**
 * Bars standing where a chart's plot will be, left of them room for the y axis and under them for the
 * x axis. Fills its container. Sizes are SVG attributes, not styles: a strict CSP allows them.
 */
export function skeletonPlot(): TemplateResult {
  // In a div: `.plot > svg` is the drawn chart, which code and tests look for.
  return html`<div class="skeleton-plot" aria-hidden="true">
    <svg viewBox="0 0 80 100" preserveAspectRatio="none">
      ${BARS.map((h, i) => svg`<rect class="bone" x=${i * 10 + 2} y=${100 - h} width="6" height=${h}></rect>`)}
    </svg>
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
    background: color-mix(in srgb, currentColor 14%, transparent);
    fill: color-mix(in srgb, currentColor 14%, transparent);
    border-radius: 4px;
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
    box-sizing: border-box;
    block-size: 100%;
    padding: 0.75rem 0.5rem 1.75rem 2.75rem;
  }
  .skeleton-plot svg {
    display: block;
    inline-size: 100%;
    block-size: 100%;
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
