import { describe, expect, it } from 'vitest';
import { commonMessages, languageFor, pickMessages } from './messages.js';

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

  it('picks the catalog entry of the language', () => {
    expect(pickMessages(commonMessages, 'pl-PL').loading).toBe('Wczytywanie…');
  });
});
