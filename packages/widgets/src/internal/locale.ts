/**
 * The locale an element formats with: its own `locale` property, else the nearest `lang` attribute up
 * the tree (crossing shadow roots), else the document's, else the browser's.
 */
export function resolveLocale(element: Element, explicit?: string): string {
  if (explicit) return explicit;
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return navigator.language || 'en';
}
