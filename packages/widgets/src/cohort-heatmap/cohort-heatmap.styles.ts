import { css } from 'lit';

export const cohortHeatmapStyles = css`
  :host {
    --_bg: var(--cs-cohort-heatmap-background, var(--cs-surface, #ffffff));
    --_fg: var(--cs-cohort-heatmap-color, var(--cs-text, #1f2328));
    --_muted: var(--cs-cohort-heatmap-muted-color, var(--cs-text-muted, #57606a));
    --_bad: var(--cs-cohort-heatmap-error-color, var(--cs-bad, #b3261e));
    --_empty: var(--cs-cohort-heatmap-empty-color, var(--cs-track, #f3f4f6));
    --_radius: var(--cs-cohort-heatmap-radius, var(--cs-radius, 8px));
    --_border: var(--cs-cohort-heatmap-border, 1px solid var(--cs-border-color, #d0d7de));
    --_cell-width: var(--cs-cohort-heatmap-cell-width, 3.25rem);
    display: block;
    container-type: inline-size;
    min-inline-size: 0;
    font: inherit;
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none;
  }
  :host(:is([theme='dark'], :state(dark))) {
    --_bg: var(--cs-cohort-heatmap-background, var(--cs-surface, #161b22));
    --_fg: var(--cs-cohort-heatmap-color, var(--cs-text, #e6edf3));
    --_muted: var(--cs-cohort-heatmap-muted-color, var(--cs-text-muted, #9198a1));
    --_bad: var(--cs-cohort-heatmap-error-color, var(--cs-bad, #ff8182));
    --_empty: var(--cs-cohort-heatmap-empty-color, var(--cs-track, #21262d));
    --_border: var(--cs-cohort-heatmap-border, 1px solid var(--cs-border-color, #3d444d));
  }
  @media (prefers-color-scheme: dark) {
    :host(:not(:is([theme='light'], :state(light)))) {
      --_bg: var(--cs-cohort-heatmap-background, var(--cs-surface, #161b22));
      --_fg: var(--cs-cohort-heatmap-color, var(--cs-text, #e6edf3));
      --_muted: var(--cs-cohort-heatmap-muted-color, var(--cs-text-muted, #9198a1));
      --_bad: var(--cs-cohort-heatmap-error-color, var(--cs-bad, #ff8182));
      --_empty: var(--cs-cohort-heatmap-empty-color, var(--cs-track, #21262d));
      --_border: var(--cs-cohort-heatmap-border, 1px solid var(--cs-border-color, #3d444d));
    }
  }
  .base {
    box-sizing: border-box;
    /* A fixed height (a year of monthly cohorts by default): data arriving, however many cohorts it
       has, does not shift the page; longer tables scroll inside, under a sticky header row. */
    block-size: var(--cs-cohort-heatmap-height, var(--cs-cohort-heatmap-min-height, 36rem));
    padding: 1rem;
    background: var(--_bg);
    border: var(--_border);
    border-radius: var(--_radius);
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    min-inline-size: 0;
  }
  .label {
    margin: 0;
    font-weight: 600;
  }
  .summary,
  .detail,
  .legend,
  .state {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .state {
    margin-block: auto;
  }
  .state.error {
    color: var(--_bad);
  }
  .failure {
    margin-block: auto;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.75rem;
  }
  .failure .state {
    margin: 0;
  }
  .scroller {
    overflow: auto;
    max-inline-size: 100%;
    flex: 1 1 auto;
    min-block-size: 0;
    /* Keep a focused cell clear of the sticky cohort column and header row when scrolling it into view. */
    scroll-padding-inline-start: 6rem;
    scroll-padding-block-start: 2.5rem;
  }
  table {
    /* As wide as its columns want (cohort names do not wrap unless longer than their cap), scrolling
       sideways in the scroller rather than squeezing. */
    inline-size: max-content;
    border-collapse: separate;
    border-spacing: 2px;
    font-variant-numeric: tabular-nums;
    font-size: 0.875em;
  }
  th {
    font-weight: 600;
    color: var(--_muted);
    padding: 0.25rem 0.375rem;
    white-space: nowrap;
    text-align: end;
  }
  thead th {
    text-align: center;
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_bg);
  }
  thead th:first-child,
  th[scope='row'] {
    text-align: start;
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: var(--_bg);
    color: var(--_fg);
  }
  /* A long cohort key wraps rather than widening the sticky column over the retention cells. */
  th[scope='row'] {
    white-space: normal;
  }
  th[scope='row'] .name {
    display: block;
    max-inline-size: 35cqi;
    overflow-wrap: anywhere;
  }
  /* The corner stays above both the sticky header row and the sticky cohort column. */
  thead th:first-child {
    z-index: 2;
  }
  td {
    min-inline-size: var(--_cell-width);
    inline-size: var(--_cell-width);
    padding: 0.375rem 0.25rem;
    text-align: center;
    white-space: nowrap;
    border-radius: 3px;
    cursor: default;
  }
  td.size {
    inline-size: auto;
    text-align: end;
    color: var(--_fg);
  }
  td.cell {
    cursor: pointer;
  }
  td.missing {
    background: var(--_empty);
    color: var(--_muted);
  }
  td.future {
    background: transparent;
  }
  td:focus {
    outline: none;
  }
  td:focus-visible,
  td.cell[aria-selected='true'] {
    /* The cell's own text colour: black or white, whichever contrasts with its background. */
    outline: 2px solid currentColor;
    outline-offset: -4px;
  }
  td.future:focus-visible,
  td.missing:focus-visible {
    outline-color: var(--_fg);
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  .detail {
    flex: 1 1 14rem;
    /* Two lines reserved: the line changes with every focused cell and must not push content down. */
    min-block-size: 2.6em;
    line-height: 1.3;
  }
  .legend {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    white-space: nowrap;
  }
  .ramp {
    inline-size: 6rem;
    block-size: 0.625rem;
    border-radius: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @container (max-width: 360px) {
    .base {
      padding: 0.75rem;
    }
    /* Beside the sticky cohort column the size columns would fill a card this narrow, hiding every
       retention cell; the detail line still gives each cell's customers or MRR ("9 of 10 customers"). */
    th.size,
    td.size {
      display: none;
    }
  }
`;
