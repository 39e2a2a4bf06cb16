import { intlLocale } from './internal/intl-locale.js';
import { languageFor, loadTranslations } from './internal/messages.js';

export { supportedLanguages, type Language } from './internal/messages.js';

/**
 * Loads the strings of `locale`'s language now, instead of when the first element in that language
 * renders. English is bundled with every element; each other language is a module of its own (about
 * 2–3 KB gzipped) that an element loads on first use, showing its loading skeleton until the strings
 * are there. Call this early (before the data arrives, or at start-up) to save that extra round trip:
 *
 * ```js
 * import { preloadLocale } from '@cskit/widgets/locales';
 * void preloadLocale(document.documentElement.lang);
 * ```
 *
 * Every element of the page and every call share one load per language.
 *
 * @param locale A BCP 47 tag: `es`, `es-MX`, `zh-CN`… English, unsupported languages and invalid tags
 *   need nothing and resolve at once (their elements show English).
 * @returns Resolves when elements in that language can render without waiting. Never rejects: when the
 *   module cannot be loaded (offline, a Content-Security-Policy that blocks it), one console warning
 *   names the language and the elements show English instead.
 */
export function preloadLocale(locale: string): Promise<void> {
  return loadTranslations(languageFor(intlLocale(locale)));
}
