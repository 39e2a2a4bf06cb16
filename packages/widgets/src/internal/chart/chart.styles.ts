import { css, unsafeCSS, type CSSResultGroup } from 'lit';
import { retryButtonStyles } from '../retry-button.js';
import { skeletonStyles } from '../skeleton.js';
import { DARK_SERIES, LIGHT_SERIES } from './palette.js';

/** Public tokens every chart maps onto private `--_token`s: [token, global fallback, light, dark]. */
const TOKENS: readonly (readonly [string, string, string, string])[] = [
  ['background', 'surface', '#ffffff', '#161b22'],
  ['color', 'text', '#1f2328', '#e6edf3'],
  ['muted-color', 'text-muted', '#57606a', '#9198a1'],
  ['grid-color', 'grid-color', '#d8dee4', '#30363d'],
  ['border-color', 'border-color', '#d0d7de', '#3d444d'],
  ['focus-color', 'focus-color', '#0b63c5', '#58a6ff'],
];

/**
 * An element's own default colours for some palette slots (1-based): slot → [light, dark]. They become
 * `--_s<slot>`, which follow the same public `--cs-<element>-series-<slot>` / `--cs-series-<slot>`.
 */
export type SeriesDefaults = Readonly<Partial<Record<number, readonly [string, string]>>>;

function declarations(element: string, dark: boolean, own: SeriesDefaults): string {
  const tokens = TOKENS.map(
    ([token, global, light, darkValue]) =>
      `--_${token}: var(--cs-${element}-${token}, var(--cs-${global}, ${dark ? darkValue : light}));`,
  );
  const series = (dark ? DARK_SERIES : LIGHT_SERIES).map(
    (colour, i) => `--_c${i + 1}: var(--cs-${element}-series-${i + 1}, var(--cs-series-${i + 1}, ${colour}));`,
  );
  // An element's own defaults go to `--_sN`, leaving `--_cN` (also used for text, e.g. errors) as is.
  const owned = Object.entries(own).map(
    ([slot, colours]) =>
      `--_s${slot}: var(--cs-${element}-series-${slot}, var(--cs-series-${slot}, ${colours?.[dark ? 1 : 0] ?? ''}));`,
  );
  return [...tokens, ...series, ...owned].join('\n');
}

/**
 * The styles every chart shares, with its public custom properties named after the element
 * (`--cs-churn-chart-background` → `--cs-surface` → default). `element` and `own` are constants of
 * ours, never user input, so building CSS from them is safe. `own` gives an element its own default
 * colours for some palette slots as `--_s<slot>` (the NPS shares, which a line is drawn over).
 */
export function chartStyles(element: string, own: SeriesDefaults = {}): CSSResultGroup {
  const light = unsafeCSS(declarations(element, false, own));
  const dark = unsafeCSS(declarations(element, true, own));
  const height = unsafeCSS(`--_height: var(--cs-${element}-height, 15rem);`);
  const radius = unsafeCSS(`--_radius: var(--cs-${element}-radius, var(--cs-radius, 8px));`);
  return [
    skeletonStyles,
    retryButtonStyles,
    css`
      :host {
        ${light}
        ${height}
        ${radius}
        display: block;
        font: inherit;
        color: var(--_color);
      }
      :host(:is([theme='dark'], :state(dark))) {
        ${dark}
      }
      @media (prefers-color-scheme: dark) {
        :host(:not(:is([theme='light'], :state(light)))) {
          ${dark}
        }
      }
    `,
    css`
      :host([hidden]) {
        display: none;
      }
      figure {
        container-type: inline-size;
        margin: 0;
        padding: 1rem;
        background: var(--_background);
        border: 1px solid var(--_border-color);
        border-radius: var(--_radius);
        box-sizing: border-box;
      }
      figcaption {
        font-weight: 600;
      }
      .controls {
        /* The buttons flow like words and wrap in a narrow card rather than scroll out of sight; the
           table toggle floats to the end of the last row. The rows the legend needs are reserved before
           the data arrives (--_controls-rows, set per element for narrow cards), so the plot does not
           move down when it does. */
        display: flow-root;
        min-block-size: calc(var(--_controls-rows, 1) * 2rem);
        margin-block: 0.25rem;
        /* Room for the buttons' focus rings (2px outline, 2px offset), which the overflow would cut at
           the row's ends, also when a focused button is scrolled into view. */
        padding-inline: 4px;
        margin-inline: -4px;
        scroll-padding-inline: 4px;
      }
      .legend {
        display: inline;
      }
      button {
        font: inherit;
        font-size: 0.8125em;
        color: var(--_color);
        background: transparent;
        border: 1px solid var(--_border-color);
        border-radius: 999px;
        padding: 0.25rem 0.625rem;
        min-height: 1.75rem;
        cursor: pointer;
        display: inline-flex;
        align-items: center;
        vertical-align: middle;
        gap: 0.375rem;
        margin-block: 0.125rem;
        margin-inline: 0 0.25rem;
        white-space: nowrap;
      }
      button[aria-pressed='false'] {
        color: var(--_muted-color);
        text-decoration: line-through;
      }
      button[aria-pressed='false'] svg {
        opacity: 0.35;
      }
      .table-toggle {
        float: inline-end;
        margin-inline: 0.5rem 0;
      }
      button:focus-visible,
      .plot:focus-visible,
      .table-wrap:focus-visible {
        outline: 2px solid var(--_focus-color);
        outline-offset: 2px;
      }
      .swatch {
        width: 1.25rem;
        height: 0.75rem;
        overflow: visible;
      }
      .plot {
        position: relative;
        height: var(--_height);
        /* The drawing takes the box's width, so nothing scrolls; the tooltip is placed inside it. */
        overflow: hidden;
        border-radius: 4px;
        touch-action: pan-y;
      }
      .plot > svg {
        display: block;
        overflow: visible;
        font-size: 12px;
      }
      .state {
        display: grid;
        place-items: center;
        align-content: center;
        gap: 0.75rem;
        height: 100%;
        color: var(--_muted-color);
        text-align: center;
      }
      .state p {
        margin: 0;
      }
      .state .error {
        color: var(--_c2);
      }
      .state .retry {
        color: var(--_color);
      }
      .axis text {
        fill: var(--_muted-color);
        font-variant-numeric: tabular-nums;
      }
      .axis .grid {
        stroke: var(--_grid-color);
      }
      .axis .zero {
        stroke: var(--_muted-color);
      }
      .c0 {
        color: var(--_color);
      }
      .c1 {
        color: var(--_c1);
      }
      .c2 {
        color: var(--_c2);
      }
      .c3 {
        color: var(--_c3);
      }
      .c4 {
        color: var(--_c4);
      }
      .c5 {
        color: var(--_c5);
      }
      .c6 {
        color: var(--_c6);
      }
      .c7 {
        color: var(--_c7);
      }
      .line {
        fill: none;
        stroke: currentColor;
        stroke-width: 2;
        stroke-linejoin: round;
        stroke-linecap: round;
      }
      .d1 {
        stroke-dasharray: 7 4;
      }
      .d2 {
        stroke-dasharray: 2 3;
      }
      .d3 {
        stroke-dasharray: 10 3 2 3;
      }
      .bar {
        fill: currentColor;
      }
      .dot {
        fill: currentColor;
        stroke: var(--_background);
        stroke-width: 1.5;
      }
      .guide {
        stroke: var(--_muted-color);
        stroke-dasharray: 3 3;
      }
      .focus-box {
        fill: none;
        stroke: var(--_color);
        stroke-width: 2;
      }
      .tooltip {
        position: absolute;
        top: 0.25rem;
        left: 0.25rem;
        z-index: 1;
        pointer-events: none;
        box-sizing: border-box;
        max-width: min(17rem, calc(100% - 8px));
        padding: 0.5rem 0.625rem;
        background: var(--_background);
        border: 1px solid var(--_border-color);
        border-radius: 6px;
        box-shadow: 0 4px 12px rgb(0 0 0 / 0.16);
        font-size: 0.8125em;
        line-height: 1.4;
      }
      .tooltip strong {
        display: block;
        margin-bottom: 0.25rem;
      }
      .tooltip dl {
        display: grid;
        grid-template-columns: auto auto;
        gap: 0 0.75rem;
        margin: 0;
      }
      .tooltip dt {
        display: flex;
        align-items: center;
        gap: 0.375rem;
      }
      .tooltip dd {
        margin: 0;
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      .tooltip .note {
        margin: 0.25rem 0 0;
        color: var(--_muted-color);
      }
      /* A compact tooltip in a card, so that it can sit beside its point instead of over the plot. */
      @container (inline-size < 26rem) {
        .tooltip {
          max-width: min(12rem, calc(100% - 8px));
          padding: 0.25rem 0.375rem;
          font-size: 0.75em;
          line-height: 1.3;
          box-shadow: 0 2px 6px rgb(0 0 0 / 0.16);
        }
        .tooltip strong {
          margin-bottom: 0.125rem;
        }
        .tooltip dl {
          gap: 0 0.375rem;
        }
        .tooltip .swatch {
          width: 0.75rem;
        }
      }
      .summary {
        margin: 0.5rem 0 0;
        color: var(--_muted-color);
        font-size: 0.875em;
        line-height: 1.3;
        /* Lines reserved for the summary that arrives with the data, so what follows does not move: two
           when wide, more as the figure narrows (sized for the English summary of the default series). */
        min-height: 2.6em;
      }
      @container (inline-size < 36rem) {
        .summary {
          min-height: 5.2em;
        }
      }
      @container (inline-size < 24rem) {
        .summary {
          min-height: 7.8em;
        }
      }
      .table-wrap {
        overflow: auto;
        max-height: 24rem;
        margin-top: 0.5rem;
      }
      table {
        border-collapse: collapse;
        font-size: 0.875em;
        font-variant-numeric: tabular-nums;
        width: 100%;
      }
      caption {
        text-align: start;
        font-weight: 600;
        padding-bottom: 0.25rem;
      }
      th,
      td {
        padding: 0.25rem 0.5rem;
        border-bottom: 1px solid var(--_grid-color);
        text-align: end;
        white-space: nowrap;
      }
      th[scope='row'],
      thead th:first-child {
        text-align: start;
      }
      .sr-only {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      @media (prefers-reduced-motion: no-preference) {
        .bar {
          transition: opacity 150ms ease-out;
        }
      }
    `,
  ];
}
