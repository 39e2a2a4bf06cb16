import { css } from 'lit';

export const npsTrendStyles = css`
  /* Rows reserved for the wrapped legend in a card (three shares, NPS and the table toggle), so the
     plot stays put when the data arrives. */
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
  /* The shares, their legend swatches and tooltip swatches take the chart's own mid-tone defaults
     (SHARE_COLOURS in nps-trend.ts); the error state keeps the palette's --_c2. */
  .c2 {
    color: var(--_s2);
  }
  .c3 {
    color: var(--_s3);
  }
  .c6 {
    color: var(--_s6);
  }
  .share {
    stroke: var(--_background);
    stroke-width: 1;
  }
  /* Low confidence: faded and outlined with a dashed line, so it does not rely on colour alone. */
  .low .share {
    fill-opacity: 0.35;
  }
  .low-outline {
    fill: none;
    stroke: var(--_color);
    stroke-dasharray: 3 3;
  }
  .halo {
    fill: none;
    stroke: var(--_background);
    stroke-width: 6;
    stroke-linejoin: round;
  }
  .nps-line {
    stroke-width: 2.5;
  }
  .nps-dot {
    fill: var(--_color);
    stroke: var(--_background);
    stroke-width: 1.5;
  }
  .nps-dot.low {
    fill: var(--_background);
    stroke: var(--_color);
  }
  .axis .tick {
    stroke: var(--_muted-color);
  }
  .axis .sub.low {
    font-style: italic;
  }
`;
