/**
 * Localisation. Each element keeps its own strings in `<element>/<element>.messages.ts` as a
 * `Catalog`: the type makes a missing language or key a compile error. To add a language, add it to
 * `Language`, then translate every catalog (docs/widgets.md, "Adding a language").
 */
export type Language = 'en' | 'es' | 'pl' | 'bg' | 'zh-Hans';

/** Every supported language's translation of one set of strings. */
export type Catalog<T> = Readonly<Record<Language, T>>;

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

/** The strings of `catalog` for `locale`. */
export function pickMessages<T>(catalog: Catalog<T>, locale: string): T {
  return catalog[languageFor(locale)];
}

/**
 * `text` ended with one full stop. Some locales' dates already end in an abbreviation's period
 * (Bulgarian months are "12.2025 г."), so a sentence that ends with a date must not add a second one.
 */
export function fullStop(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

/** Strings every element's states share. */
export interface CommonMessages {
  readonly loading: string;
  readonly empty: string;
  readonly error: string;
  readonly invalidData: string;
  /** The button of the error state that loads `src` again. */
  readonly retry: string;
}

export const commonMessages: Catalog<CommonMessages> = {
  en: {
    loading: 'Loading…',
    empty: 'No data for this period',
    error: 'Could not load the data',
    invalidData: 'The data could not be read',
    retry: 'Retry',
  },
  es: {
    loading: 'Cargando…',
    empty: 'No hay datos para este periodo',
    error: 'No se pudieron cargar los datos',
    invalidData: 'No se pudieron leer los datos',
    retry: 'Reintentar',
  },
  pl: {
    loading: 'Wczytywanie…',
    empty: 'Brak danych za ten okres',
    error: 'Nie udało się wczytać danych',
    invalidData: 'Nie udało się odczytać danych',
    retry: 'Spróbuj ponownie',
  },
  bg: {
    loading: 'Зареждане…',
    empty: 'Няма данни за този период',
    error: 'Данните не можаха да се заредят',
    invalidData: 'Данните не можаха да се прочетат',
    retry: 'Опитай отново',
  },
  'zh-Hans': {
    loading: '加载中…',
    empty: '此期间没有数据',
    error: '无法加载数据',
    invalidData: '无法读取数据',
    retry: '重试',
  },
};
