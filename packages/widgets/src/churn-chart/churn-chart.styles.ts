import { css } from 'lit';

export const churnChartStyles = css`
  .target {
    stroke: var(--_color);
    stroke-width: 1.5;
    stroke-dasharray: 4 4;
  }
  .target-label {
    fill: var(--_color);
    font-weight: 600;
  }
  .segment {
    stroke: var(--_background);
    stroke-width: 1;
  }
`;
