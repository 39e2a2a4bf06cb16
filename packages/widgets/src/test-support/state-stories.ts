import { html, type TemplateResult } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { supportedLanguages, type Language } from '../internal/messages.js';
import { visibleText } from './element-samples.js';

/**
 * One element per language the widgets speak (the "each locale" state), stacked. `render` gets the
 * locale; give it a label in that language too, since labels are the page's and not translated.
 */
function inEachLanguage(render: (locale: Language) => TemplateResult): TemplateResult {
  return html`<div style="display: grid; gap: 1.5rem">${supportedLanguages.map((locale) => render(locale))}</div>`;
}

/** Checks an "in each language" story: one element per language, each rendered in its own words. */
async function expectEachLanguage(canvasElement: HTMLElement, tag: string): Promise<void> {
  const elements = Array.from(canvasElement.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>(tag));
  await Promise.all(elements.map((element) => element.updateComplete));
  // Each language but English loads its strings on first use; until then its element shows its skeleton.
  await waitFor(
    () => expect(elements.filter((element) => element.shadowRoot?.querySelector('[aria-busy="true"]'))).toEqual([]),
    { timeout: 30_000 },
  );
  await expect(elements.map((element) => element.getAttribute('locale'))).toEqual([...supportedLanguages]);
  const texts = elements.map((element) => visibleText(element));
  await expect(new Set(texts).size).toBe(supportedLanguages.length);
}

/**
 * The "in each language" story of the element `tag`: `render` draws it in one locale, the play function
 * checks that each of the five rendered in its own words.
 */
export function inEachLanguageStory(
  tag: string,
  render: (locale: Language) => TemplateResult,
): { render: () => TemplateResult; play: (context: { canvasElement: HTMLElement }) => Promise<void> } {
  return {
    render: () => inEachLanguage(render),
    play: ({ canvasElement }) => expectEachLanguage(canvasElement, tag),
  };
}

/** The page width a full-width element gets in a portal ("wide" state): 1200 px, less on a narrower screen. */
export const WIDE = 'display: block; width: 1200px; max-width: 100%';
