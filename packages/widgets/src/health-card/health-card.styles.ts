import { css } from 'lit';

export const healthCardStyles = css`
  :host {
    --_bg: var(--cs-health-card-background, var(--cs-surface, #ffffff));
    --_fg: var(--cs-health-card-color, var(--cs-text, #1f2328));
    --_muted: var(--cs-health-card-muted-color, var(--cs-text-muted, #57606a));
    --_red: var(--cs-health-card-red-color, var(--cs-bad, #b3261e));
    --_yellow: var(--cs-health-card-yellow-color, var(--cs-warning, #9a6700));
    --_green: var(--cs-health-card-green-color, var(--cs-good, #0f6e3a));
    --_good: var(--cs-health-card-good-color, var(--cs-good, #0f6e3a));
    --_bad: var(--cs-health-card-bad-color, var(--cs-bad, #b3261e));
    --_bar: var(--cs-health-card-bar-color, var(--cs-accent, #0b63c5));
    --_link: var(--cs-health-card-link-color, var(--cs-accent, #0b63c5));
    --_track: var(--cs-health-card-track-color, var(--cs-track, #e6e9ed));
    --_radius: var(--cs-health-card-radius, var(--cs-radius, 8px));
    --_border: var(--cs-health-card-border, 1px solid var(--cs-border-color, #d0d7de));
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
    --_bg: var(--cs-health-card-background, var(--cs-surface, #161b22));
    --_fg: var(--cs-health-card-color, var(--cs-text, #e6edf3));
    --_muted: var(--cs-health-card-muted-color, var(--cs-text-muted, #9198a1));
    --_red: var(--cs-health-card-red-color, var(--cs-bad, #ff8182));
    --_yellow: var(--cs-health-card-yellow-color, var(--cs-warning, #d29922));
    --_green: var(--cs-health-card-green-color, var(--cs-good, #4ac26b));
    --_good: var(--cs-health-card-good-color, var(--cs-good, #4ac26b));
    --_bad: var(--cs-health-card-bad-color, var(--cs-bad, #ff8182));
    --_bar: var(--cs-health-card-bar-color, var(--cs-accent, #58a6ff));
    --_link: var(--cs-health-card-link-color, var(--cs-accent, #58a6ff));
    --_track: var(--cs-health-card-track-color, var(--cs-track, #30363d));
    --_border: var(--cs-health-card-border, 1px solid var(--cs-border-color, #3d444d));
  }
  @media (prefers-color-scheme: dark) {
    :host(:not(:is([theme='light'], :state(light)))) {
      --_bg: var(--cs-health-card-background, var(--cs-surface, #161b22));
      --_fg: var(--cs-health-card-color, var(--cs-text, #e6edf3));
      --_muted: var(--cs-health-card-muted-color, var(--cs-text-muted, #9198a1));
      --_red: var(--cs-health-card-red-color, var(--cs-bad, #ff8182));
      --_yellow: var(--cs-health-card-yellow-color, var(--cs-warning, #d29922));
      --_green: var(--cs-health-card-green-color, var(--cs-good, #4ac26b));
      --_good: var(--cs-health-card-good-color, var(--cs-good, #4ac26b));
      --_bad: var(--cs-health-card-bad-color, var(--cs-bad, #ff8182));
      --_bar: var(--cs-health-card-bar-color, var(--cs-accent, #58a6ff));
      --_link: var(--cs-health-card-link-color, var(--cs-accent, #58a6ff));
      --_track: var(--cs-health-card-track-color, var(--cs-track, #30363d));
      --_border: var(--cs-health-card-border, 1px solid var(--cs-border-color, #3d444d));
    }
  }
  article {
    box-sizing: border-box;
    /* No reserved height: the loading skeleton is as tall as the usual card (three factors, the rest
       named as missing), and a loaded card is as tall as what it shows. Set the property to hold a
       height in every state. */
    min-height: var(--cs-health-card-min-height, 0);
    padding: 1rem;
    background: var(--_bg);
    border: var(--_border);
    border-radius: var(--_radius);
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    overflow-wrap: break-word;
  }
  article.segment {
    min-height: var(--cs-health-card-min-height, 11.5rem);
  }
  /* An error shows a title, a message and maybe a Retry button: no need for the factors' room. */
  article.failed {
    min-height: 0;
  }
  /* Loaded, a customer's card is as tall as what it shows: a fixed height left a band of blank card
     under a customer with three factors. */
  article.customer.ready {
    min-height: var(--cs-health-card-min-height, 0);
  }
  /* Slotted links (an "Open in CRM" action) keep 4.5:1 against the card in either theme: the page's
     link colour is chosen for the page's background, not the card's. */
  ::slotted(a) {
    color: var(--_link);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .title {
    min-inline-size: 0;
    flex: 1 1 10rem;
  }
  .name {
    display: block;
    font-weight: 600;
    font-size: 1.125em;
    line-height: 1.3;
  }
  .meta,
  .context,
  .factor-meta,
  footer,
  .missing {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .headline {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }
  .score {
    font-size: 2em;
    font-weight: 600;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
  }
  .score .out-of {
    font-size: 0.45em;
    font-weight: 400;
    color: var(--_muted);
  }
  .band {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding: 0.125rem 0.5rem;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.875em;
    font-weight: 600;
  }
  .band .dot {
    inline-size: 0.625rem;
    block-size: 0.625rem;
    border-radius: 50%;
    background: currentColor;
  }
  .band.red,
  .gauge.red {
    color: var(--_red);
  }
  .band.yellow,
  .gauge.yellow {
    color: var(--_yellow);
  }
  .band.green,
  .gauge.green {
    color: var(--_green);
  }
  .trend {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .trend.good {
    color: var(--_good);
  }
  .trend.bad {
    color: var(--_bad);
  }
  /* A sign and its number (and the arrow before a change) never part at a line break. */
  .signed {
    white-space: nowrap;
  }
  .gauge {
    position: relative;
    block-size: 0.5rem;
    border-radius: 999px;
    background: var(--_track);
    overflow: hidden;
  }
  .gauge .fill,
  .bar .fill {
    block-size: 100%;
    border-radius: inherit;
    background: currentColor;
  }
  .bar .fill {
    background: var(--_bar);
  }
  .factors-title {
    margin: 0 0 0.5rem;
    font-size: 0.875em;
    font-weight: 600;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.625rem;
  }
  .factor-head {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .factor-score {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .bar {
    block-size: 0.375rem;
    margin-block: 0.25rem;
    border-radius: 999px;
    background: var(--_track);
    overflow: hidden;
  }
  .missing {
    margin: 0;
  }
  .table-toggle,
  .export button {
    font: inherit;
    font-size: 0.8125em;
    color: var(--_fg);
    background: transparent;
    border: var(--_border);
    border-radius: 999px;
    padding: 0.125rem 0.625rem;
    min-block-size: 1.5rem;
    cursor: pointer;
    white-space: nowrap;
  }
  .export button {
    margin-inline-end: 0.25rem;
  }
  .table-toggle:focus-visible,
  .export button:focus-visible,
  .table-wrap:focus-visible {
    outline: 2px solid var(--_bar);
    outline-offset: 2px;
  }
  .table-wrap {
    overflow: auto;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.25rem;
  }
  th,
  td {
    padding: 0.25rem 0.375rem;
    border-block-end: 1px solid var(--_track);
    text-align: end;
    white-space: nowrap;
  }
  thead th::first-letter {
    text-transform: uppercase;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: start;
    white-space: normal;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  footer {
    margin-block-start: auto;
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .state {
    color: var(--_muted);
    margin: auto 0;
  }
  .state.error {
    color: var(--_bad);
  }
  article.failed .state {
    margin: 0;
  }
  @container (max-width: 320px) {
    article {
      padding: 0.75rem;
    }
    .score {
      font-size: 1.75em;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .fill {
      transition: inline-size 200ms ease-out;
    }
  }
`;
