import { css } from 'lit';

export const mrrBridgeStyles = css`
  .connector {
    stroke: var(--_muted-color);
    stroke-dasharray: 2 2;
  }
  .value {
    fill: var(--_color);
    font-variant-numeric: tabular-nums;
  }
  .step {
    fill: var(--_muted-color);
  }
  /* Marks a total bar whose bottom is cut off by a baseline above zero. */
  .break {
    fill: none;
    stroke: var(--_background);
    stroke-width: 3;
  }
`;
