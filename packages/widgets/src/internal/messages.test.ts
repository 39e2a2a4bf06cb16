import { describe, expect, it } from 'vitest';
import {
  commonMessages,
  hasTranslations,
  languageFor,
  loadTranslations,
  loadingText,
  pickMessages,
} from './messages.js';

describe('languageFor', () => {
  it.each([
    ['en', 'en'],
    ['es-MX', 'es'],
    ['pl-PL', 'pl'],
    ['bg', 'bg'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-Hans-SG', 'zh-Hans'],
    ['zh-TW', 'en'],
    ['fr', 'en'],
    ['not a locale!', 'en'],
  ])('%s → %s', (locale, language) => {
    expect(languageFor(locale)).toBe(language);
  });

  it("says Loading… in the locale's language before its strings are loaded", () => {
    expect(loadingText('pl-PL')).toBe('Wczytywanie…');
    expect(loadingText('fr')).toBe('Loading…');
  });
});

describe('pickMessages', () => {
  it("gives English until the language's module is loaded, then that language's strings", async () => {
    expect(hasTranslations('pl')).toBe(false);
    expect(pickMessages(commonMessages, 'pl-PL').retry).toBe('Retry');
    await loadTranslations('pl');
    expect(hasTranslations('pl')).toBe(true);
    expect(pickMessages(commonMessages, 'pl-PL').retry).toBe('Spróbuj ponownie');
    expect(pickMessages(commonMessages, 'en').retry).toBe('Retry');
  });

  it('shares one load of a language between every caller', () => {
    expect(loadTranslations('bg')).toBe(loadTranslations('bg'));
  });
});
