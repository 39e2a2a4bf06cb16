import { supportedLanguages } from '../internal/messages.js';
import { preloadLocale } from '../locales.js';

/**
 * Loads every language's strings, as an app that calls `preloadLocale` does: for tests of what each
 * language says, which then render it at once. How a language loads on first use is locales.test.ts's.
 */
export async function preloadEveryLanguage(): Promise<void> {
  await Promise.all(supportedLanguages.map((language) => preloadLocale(language)));
}
