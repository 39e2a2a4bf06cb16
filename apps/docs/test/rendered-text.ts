import type { Page } from 'playwright';
import { languageFor } from '../../../packages/widgets/src/internal/messages.js';
import { containsWord, englishOnly, type messageWords } from './message-strings.js';

/** One `cs-*` element of a story: the locale it renders in and all the text it renders. */
export interface RenderedElement {
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
export function renderedElements(): RenderedElement[] {
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

/** The English words of the widgets' catalogs (`words`) that a `cs-*` element of another language shows. */
export interface EnglishFound {
  /** Tags of the elements in another language that were checked. */
  readonly checked: string[];
  /** "<cs-kpi> (pl): Loading…" for each element showing English. */
  readonly failures: string[];
}

/**
 * Checks the open story: each `cs-*` element whose locale is not English must render no word that only
 * the English catalogs use.
 */
export async function englishInOtherLanguages(
  page: Page,
  words: Awaited<ReturnType<typeof messageWords>>,
): Promise<EnglishFound> {
  const checked: string[] = [];
  const failures: string[] = [];
  for (const element of await page.evaluate(renderedElements)) {
    const language = languageFor(element.locale);
    if (language === 'en') continue;
    checked.push(element.tag);
    const english = englishOnly(words, language).filter((word) => containsWord(element.text, word));
    if (english.length > 0) failures.push(`<${element.tag}> (${element.locale}): ${english.join(' | ')}`);
  }
  return { checked, failures };
}
