import { intlLocale } from './intl-locale.js';

/**
 * The locale an element formats with: its own `locale` property, else the nearest `lang` attribute up
 * the tree (crossing shadow roots), else the document's, else the browser's — canonicalised, and
 * English when it is not a valid BCP 47 tag, so no `Intl` constructor throws mid-render.
 */
export function resolveLocale(element: Element, explicit?: string): string {
  if (explicit) return intlLocale(explicit);
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return intlLocale(lang);
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return intlLocale(navigator.language || 'en');
}
