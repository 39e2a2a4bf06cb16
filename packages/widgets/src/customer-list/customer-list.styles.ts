import { css } from 'lit';

export const customerListStyles = css`
  :host {
    --_bg: var(--cs-customer-list-background, var(--cs-surface, #ffffff));
    --_fg: var(--cs-customer-list-color, var(--cs-text, #1f2328));
    --_muted: var(--cs-customer-list-muted-color, var(--cs-text-muted, #57606a));
    --_link: var(--cs-customer-list-link-color, var(--cs-accent, #0b63c5));
    --_bad: var(--cs-customer-list-error-color, var(--cs-bad, #b3261e));
    --_radius: var(--cs-customer-list-radius, var(--cs-radius, 8px));
    --_rule: var(--cs-border-color, #d0d7de);
    --_border: var(--cs-customer-list-border, 1px solid var(--_rule));
    --_focus-color: var(--cs-focus-color, var(--_link));
    display: block;
    font: inherit;
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none;
  }
  :host(:is([theme='dark'], :state(dark))) {
    --_bg: var(--cs-customer-list-background, var(--cs-surface, #161b22));
    --_fg: var(--cs-customer-list-color, var(--cs-text, #e6edf3));
    --_muted: var(--cs-customer-list-muted-color, var(--cs-text-muted, #9198a1));
    --_link: var(--cs-customer-list-link-color, var(--cs-accent, #58a6ff));
    --_bad: var(--cs-customer-list-error-color, var(--cs-bad, #ff8182));
    --_rule: var(--cs-border-color, #3d444d);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not(:is([theme='light'], :state(light)))) {
      --_bg: var(--cs-customer-list-background, var(--cs-surface, #161b22));
      --_fg: var(--cs-customer-list-color, var(--cs-text, #e6edf3));
      --_muted: var(--cs-customer-list-muted-color, var(--cs-text-muted, #9198a1));
      --_link: var(--cs-customer-list-link-color, var(--cs-accent, #58a6ff));
      --_bad: var(--cs-customer-list-error-color, var(--cs-bad, #ff8182));
      --_rule: var(--cs-border-color, #3d444d);
    }
  }
  section[part='base'] {
    box-sizing: border-box;
    /* The height of a short list (up to about three customers) and of the skeleton, so that the
       data arriving does not move the page; longer lists grow. */
    min-block-size: 16rem;
    padding: 1rem;
    background: var(--_bg);
    border: var(--_border);
    border-radius: var(--_radius);
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    overflow-wrap: anywhere;
  }
  p {
    margin: 0;
  }
  /* A rate's movements, each with its heading, total and customers, under the table of its parts. */
  section.movement {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    margin-block-start: 0.5rem;
  }
  caption {
    text-align: start;
    color: var(--_muted);
    padding-block-end: 0.25rem;
  }
  .parts tbody tr:last-child th,
  .parts tbody tr:last-child td {
    font-weight: 600;
    border-block-end: none;
  }
  .heading {
    font-weight: 600;
  }
  .total {
    color: var(--_muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .table-wrap {
    overflow: auto;
    /* The focus ring of a link in the first column stays inside the scroller. */
    padding: 2px;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.375rem 0.5rem;
    border-block-end: 1px solid var(--_rule);
    text-align: end;
    vertical-align: top;
    white-space: nowrap;
  }
  thead th {
    color: var(--_muted);
    font-weight: 500;
  }
  th:first-child {
    text-align: start;
    white-space: normal;
    font-weight: 500;
    min-inline-size: 6rem;
  }
  thead th:first-child {
    font-weight: 500;
  }
  tfoot th,
  tfoot td {
    font-weight: 600;
    border-block-end: none;
  }
  /* Slotted links (a portal's own customer links) take the list's link colour too: the page's is
     chosen for the page's background, not the list's (4.5:1 in dark). */
  a,
  ::slotted(a) {
    color: var(--_link);
  }
  a:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_focus-color);
    outline-offset: 2px;
  }
  .lines {
    margin: 0.25rem 0 0;
    padding: 0;
    list-style: none;
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 400;
  }
  nav {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  nav button {
    font: inherit;
    font-size: 0.875em;
    color: inherit;
    background: transparent;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0.25rem 0.75rem;
    min-block-size: 1.75rem;
    cursor: pointer;
  }
  nav button[aria-disabled='true'] {
    color: var(--_muted);
    cursor: default;
  }
  .range {
    font-size: 0.875em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .state {
    color: var(--_muted);
  }
  .state.error {
    color: var(--_bad);
  }
  .retry {
    align-self: flex-start;
  }
  .skeleton-rows {
    display: grid;
    gap: 0.75rem;
    padding-block-start: 0.5rem;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
