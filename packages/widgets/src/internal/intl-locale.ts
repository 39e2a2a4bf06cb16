/** The locale Intl formatters fall back to when the one asked for is not a valid BCP 47 tag. */
export const FALLBACK_LOCALE = 'en';

/**
 * `locale` in the form `Intl` constructors accept. An invalid tag (`en_US`, `xx-!!`, empty) would make
 * them throw a RangeError mid-render; it is not a data error either, so numbers and dates just fall
 * back to English, like the strings do (`languageFor`). Callers cache their formatters by `locale`,
 * so this runs once per locale and formatter.
 */
export function intlLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}
