import { css } from 'lit';

export const kpiStyles = css`
  :host {
    --_bg: var(--cs-kpi-background, var(--cs-surface, #ffffff));
    --_fg: var(--cs-kpi-color, var(--cs-text, #1f2328));
    --_muted: var(--cs-kpi-muted-color, var(--cs-text-muted, #57606a));
    --_good: var(--cs-kpi-good-color, var(--cs-good, #0f6e3a));
    --_bad: var(--cs-kpi-bad-color, var(--cs-bad, #b3261e));
    --_line: var(--cs-kpi-sparkline-color, var(--cs-accent, #0b63c5));
    --_radius: var(--cs-kpi-radius, var(--cs-radius, 8px));
    --_border: var(--cs-kpi-border, 1px solid var(--cs-border-color, #d0d7de));
    display: block;
    container-type: inline-size;
    font: inherit;
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none;
  }
  :host(:is([theme='dark'], :state(dark))) {
    --_bg: var(--cs-kpi-background, var(--cs-surface, #161b22));
    --_fg: var(--cs-kpi-color, var(--cs-text, #e6edf3));
    --_muted: var(--cs-kpi-muted-color, var(--cs-text-muted, #9198a1));
    --_good: var(--cs-kpi-good-color, var(--cs-good, #4ac26b));
    --_bad: var(--cs-kpi-bad-color, var(--cs-bad, #ff8182));
    --_line: var(--cs-kpi-sparkline-color, var(--cs-accent, #58a6ff));
    --_border: var(--cs-kpi-border, 1px solid var(--cs-border-color, #3d444d));
  }
  @media (prefers-color-scheme: dark) {
    :host(:not(:is([theme='light'], :state(light)))) {
      --_bg: var(--cs-kpi-background, var(--cs-surface, #161b22));
      --_fg: var(--cs-kpi-color, var(--cs-text, #e6edf3));
      --_muted: var(--cs-kpi-muted-color, var(--cs-text-muted, #9198a1));
      --_good: var(--cs-kpi-good-color, var(--cs-good, #4ac26b));
      --_bad: var(--cs-kpi-bad-color, var(--cs-bad, #ff8182));
      --_line: var(--cs-kpi-sparkline-color, var(--cs-accent, #58a6ff));
      --_border: var(--cs-kpi-border, 1px solid var(--cs-border-color, #3d444d));
    }
  }
  figure {
    position: relative;
    margin: 0;
    box-sizing: border-box;
    /* Reserve the loaded height so data arriving does not shift the page. */
    min-height: 7.5rem;
    padding: 1rem;
    background: var(--_bg);
    border: var(--_border);
    border-radius: var(--_radius);
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-areas: 'label toggle' 'value spark' 'change spark';
    gap: 0.25rem 1rem;
    align-items: end;
  }
  figcaption {
    grid-area: label;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .value,
  .value-probe {
    font-size: 1.75em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    line-height: 1.2;
    white-space: nowrap;
  }
  .value {
    grid-area: value;
  }
  /* The full value, measured: the headline is abbreviated when this is wider than the headline's box. */
  .value-probe {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    inline-size: max-content;
    visibility: hidden;
    pointer-events: none;
  }
  /* A sign and its number (and the arrow before them) never part at a line break. */
  .signed {
    white-space: nowrap;
  }
  .covered {
    visibility: hidden;
  }
  .change {
    grid-area: change;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .change.good {
    color: var(--_good);
  }
  .change.bad {
    color: var(--_bad);
  }
  .table-toggle,
  .export button {
    box-sizing: border-box;
    padding: 0.125rem 0.5rem;
    font: inherit;
    font-size: 0.75em;
    white-space: nowrap;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_muted);
    border-radius: 0.75rem;
  }
  /* Small, and held in place by an invisible copy until the data arrives (so nothing moves). */
  .table-toggle {
    grid-area: toggle;
    justify-self: end;
    align-self: start;
    min-height: 1.5rem;
    cursor: pointer;
  }
  .placeholder {
    visibility: hidden;
  }
  /* The export menu, when on, is a row of its own under the tile: the tile has no room beside the toggle. */
  .export {
    grid-column: 1 / -1;
    justify-self: end;
  }
  .export button {
    min-height: 1.5rem;
    margin-inline-start: 0.25rem;
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid var(--cs-focus-color, var(--_line));
    outline-offset: 2px;
  }
  .spark {
    grid-area: spark;
    position: relative;
  }
  svg {
    display: block;
    width: 6rem;
    height: 2.5rem;
    overflow: visible;
  }
  path {
    fill: none;
    stroke: var(--_line);
    stroke-width: 2;
    stroke-linejoin: round;
    stroke-linecap: round;
  }
  .marker {
    fill: var(--_line);
    stroke: var(--_fg);
    stroke-width: 1.5;
  }
  /* The active point's period and value, in place of the headline and change (hidden meanwhile): above
     the sparkline it covered the table toggle. */
  .tooltip {
    grid-row: value / change;
    grid-column: value;
    align-self: end;
    min-inline-size: 0;
    overflow-wrap: anywhere;
    pointer-events: none;
  }
  .tooltip strong {
    display: block;
    font-size: 0.875em;
    font-weight: 400;
    color: var(--_muted);
  }
  .table-wrap {
    grid-column: 1 / -1;
    overflow: auto;
    max-height: 16rem;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.8125em;
  }
  th,
  td {
    padding: 0.125rem 0.375rem;
    border-bottom: var(--_border);
    text-align: end;
    white-space: nowrap;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: start;
  }
  .state {
    grid-area: value;
    color: var(--_muted);
  }
  .state.error {
    color: var(--_bad);
  }
  .retry {
    grid-area: change;
    justify-self: start;
  }
  /* The sparkline's place while loading. */
  .bone.sparkline {
    inline-size: 6rem;
    block-size: 2.5rem;
  }
  /* The caption repeats the tile's label, which is shown just above. */
  .visually-hidden,
  caption {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Up to 320 px a large value and the sparkline do not fit side by side: stack them, and reserve the
     stacked height. */
  @container (max-width: 320px) {
    figure {
      min-height: 10.5rem;
      grid-template-areas: 'label label' 'value value' 'change change' 'spark toggle';
    }
    .table-toggle {
      align-self: end;
    }
    svg,
    .bone.sparkline {
      width: 100%;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    path {
      transition: d 200ms ease-out;
    }
  }
`;
