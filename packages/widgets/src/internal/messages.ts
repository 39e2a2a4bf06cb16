import type { Translations } from './translations.js';

/**
 * Localisation. English is bundled with the elements: each keeps its English strings in
 * `<element>/<element>.messages.ts` as a `Catalog`. Every other language is one module,
 * `locales/<language>.ts`, holding all the elements' strings in it (`Translations`: the type makes a
 * missing table or string a compile error). It is loaded with a dynamic `import()` the first time an
 * element shows that language (see `LangController.translationsReady`) or `preloadLocale` asks for it,
 * once for the whole page, so a page in English downloads no other language. To add a language, add it
 * to `Language` and `loaders`, then write its locale module (docs/widgets.md, "Adding a language").
 */
export type Language = 'en' | 'es' | 'pl' | 'bg' | 'zh-Hans';

/** One set of strings: its table's key in `Translations`, and its English, which is always bundled. */
export interface Catalog<K extends keyof Translations> {
  readonly key: K;
  readonly en: Translations[K];
}

/** Languages with a full translation. */
export const supportedLanguages: readonly Language[] = ['en', 'es', 'pl', 'bg', 'zh-Hans'];

/**
 * Picks the language for a BCP 47 locale: exact tag, then language with script (`zh-CN` →
 * `zh-Hans`), then language (`es-MX` → `es`), then English.
 */
export function languageFor(locale: string): Language {
  const known = supportedLanguages as readonly string[];
  if (known.includes(locale)) return locale as Language;
  let maximized: Intl.Locale;
  try {
    maximized = new Intl.Locale(locale).maximize();
  } catch {
    return 'en';
  }
  const withScript = `${maximized.language}-${maximized.script ?? ''}`;
  if (known.includes(withScript)) return withScript as Language;
  if (known.includes(maximized.language)) return maximized.language as Language;
  return 'en';
}

/**
 * The module of each language but English. Literal specifiers, relative to this module: Vite, Rollup,
 * webpack and esbuild make each its own chunk, and a browser loading `dist/` as plain modules fetches
 * the file beside this one.
 */
const loaders: Readonly<Record<Exclude<Language, 'en'>, () => Promise<{ readonly translations: Translations }>>> = {
  es: () => import('./locales/es.js'),
  pl: () => import('./locales/pl.js'),
  bg: () => import('./locales/bg.js'),
  'zh-Hans': () => import('./locales/zh-Hans.js'),
};

/** The languages loaded so far; `null` for one whose module did not load (English stands in). */
const loaded = new Map<Language, Translations | null>();
/** Loads under way, so that every element of a page waits for the same one. */
const loads = new Map<Language, Promise<void>>();

/** Whether `language`'s strings can be picked now: English, a loaded language, or one that failed to load. */
export function hasTranslations(language: Language): boolean {
  return language === 'en' || loaded.has(language);
}

/**
 * Loads `language`'s module once per page; every caller shares the one load. Never rejects: when the
 * module cannot be loaded (offline, a Content-Security-Policy that blocks it, a missing file), one
 * warning names the language and its elements show English from then on.
 */
export function loadTranslations(language: Language): Promise<void> {
  if (language === 'en' || loaded.has(language)) return Promise.resolve();
  let load = loads.get(language);
  if (!load) {
    load = loaders[language]()
      .then(
        (module) => {
          loaded.set(language, module.translations);
        },
        (error: unknown) => {
          loaded.set(language, null);
          console.warn(
            `[cskit] Could not load the "${language}" strings (locales/${language}.js), so the elements show ` +
              `English text instead: ${error instanceof Error ? error.message : String(error)}`,
          );
        },
      )
      .finally(() => loads.delete(language));
    loads.set(language, load);
  }
  return load;
}

/**
 * The strings of `catalog` for `locale`: the loaded language's, else English. Elements render
 * non-English text only once `hasTranslations` says the language is here, so English stands in only
 * for a language that failed to load or is not supported.
 */
export function pickMessages<K extends keyof Translations>(catalog: Catalog<K>, locale: string): Translations[K] {
  const language = languageFor(locale);
  return (language === 'en' ? undefined : loaded.get(language)?.[catalog.key]) ?? catalog.en;
}

/**
 * "Loading…" in every language, bundled: while an element waits for its language's strings it shows
 * its loading skeleton, and screen readers hear this in that language, not in English.
 */
export const loadingMessages: Readonly<Record<Language, string>> = {
  en: 'Loading…',
  es: 'Cargando…',
  pl: 'Wczytywanie…',
  bg: 'Зареждане…',
  'zh-Hans': '加载中…',
};

/** What an element loading in `locale` says to screen readers. */
export function loadingText(locale: string): string {
  return loadingMessages[languageFor(locale)];
}

/** Strings every element's states share. */
export interface CommonMessages {
  readonly empty: string;
  readonly error: string;
  readonly invalidData: string;
  /** The button of the error state that loads `src` again. */
  readonly retry: string;
}

export const commonMessages: Catalog<'common'> = {
  key: 'common',
  en: {
    empty: 'No data for this period',
    error: 'Could not load the data',
    invalidData: 'The data could not be read',
    retry: 'Retry',
  },
};
