import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageFor } from '../../../packages/widgets/src/internal/messages.js';
import { containsWord, englishOnly, messageWords } from './message-strings.js';
import { builtStories, launchChromium, openStory, serveStaticSite } from './static-site.js';

const stories = builtStories().filter((story) => story.title.startsWith('Widgets/'));
let site: Awaited<ReturnType<typeof serveStaticSite>>;
let browser: Browser;

beforeAll(async () => {
  site = await serveStaticSite();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** One `cs-*` element of a story: the locale it renders in and all the text it renders. */
interface RenderedElement {
  readonly tag: string;
  readonly locale: string;
  readonly text: string;
}

/**
 * In the page: every `cs-*` element of the story root with its locale (its `locale` attribute, else the
 * nearest `lang` up the composed tree, as the elements resolve it) and its text — shadow trees and
 * slotted content, visually hidden text, and the words of `aria-label`, `aria-roledescription`,
 * `aria-valuetext`, `title` and `alt` attributes.
 */
function renderedElements(): RenderedElement[] {
  const attributes = ['aria-label', 'aria-roledescription', 'aria-valuetext', 'title', 'alt'];
  const localeOf = (element: Element): string => {
    const own = element.getAttribute('locale');
    if (own) return own;
    for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
      if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang') ?? '';
    }
    return navigator.language;
  };
  const elementText = (element: Element, out: string[]): void => {
    for (const name of attributes) {
      const value = element.getAttribute(name);
      if (value) out.push(value);
    }
    if (element.shadowRoot) textOf(element.shadowRoot, out);
  };
  // A tree walker never returns its root: the element's own attributes and shadow tree come first.
  const textOf = (root: Node, out: string[]): void => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (!node.parentElement?.closest('style, script, template')) out.push(node.textContent ?? '');
      } else {
        elementText(node as Element, out);
      }
    }
  };
  return Array.from(document.querySelectorAll('#storybook-root *'))
    .filter((element) => element.tagName.startsWith('CS-'))
    .map((element) => {
      const out: string[] = [];
      elementText(element, out);
      textOf(element, out);
      return { tag: element.tagName.toLowerCase(), locale: localeOf(element), text: out.join('\n') };
    });
}

describe('the built docs site in other languages', () => {
  it('renders no English string of the widgets in a story whose element is in another language', async () => {
    const words = await messageWords();
    const failures: string[] = [];
    const checked = new Set<string>();
    const page = await browser.newPage();
    for (const story of stories) {
      await openStory(page, site.url, story.id);
      for (const element of await page.evaluate(renderedElements)) {
        const language = languageFor(element.locale);
        if (language === 'en') continue;
        checked.add(element.tag);
        const english = englishOnly(words, language).filter((word) => containsWord(element.text, word));
        if (english.length > 0)
          failures.push(`${story.id} <${element.tag}> (${element.locale}): ${english.join(' | ')}`);
      }
    }
    await page.close();
    // The stories show every element in at least one other language.
    expect([...checked].sort()).toEqual([
      'cs-churn-chart',
      'cs-cohort-heatmap',
      'cs-customer-list',
      'cs-health-card',
      'cs-kpi',
      'cs-mrr-bridge',
      'cs-nps-trend',
    ]);
    expect(failures).toEqual([]);
  });
});
