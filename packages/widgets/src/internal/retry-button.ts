import { css, html, type TemplateResult } from 'lit';

/**
 * The "Retry" button of an element's error state when its `src` could not be loaded: it loads `src`
 * again ({@link SrcLoader.retry}). A real `<button>`, so Tab reaches it and Enter or Space press it.
 */
export function retryButton(label: string, retry: () => void): TemplateResult {
  return html`<button type="button" class="retry" part="retry" @click=${retry}>${label}</button>`;
}

/**
 * The styles of the retry button, which the export menu's buttons share where an element has no
 * button look of its own (the heatmap, the customer list); every element adds them to its own. The focus ring uses the
 * element's focus colour where it has one (`--_focus-color`), else `--cs-focus-color`, else the text's.
 */
export const retryButtonStyles = css`
  .retry,
  .export button {
    font: inherit;
    font-size: 0.8125em;
    color: inherit;
    background: transparent;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0.25rem 0.75rem;
    min-block-size: 1.75rem;
    cursor: pointer;
    white-space: nowrap;
  }
  .retry:focus-visible,
  .export button:focus-visible {
    outline: 2px solid var(--_focus-color, var(--cs-focus-color, currentColor));
    outline-offset: 2px;
  }
`;
