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
  /* Rows reserved for the wrapped legend in a card (three rates and the table toggle), so the plot
     stays put when the data arrives. */
  @container (inline-size < 36rem) {
    .controls {
      --_controls-rows: 2;
    }
  }
  @container (inline-size < 20rem) {
    .controls {
      --_controls-rows: 3;
    }
  }
  .segment {
    stroke: var(--_background);
    stroke-width: 1;
  }
`;
