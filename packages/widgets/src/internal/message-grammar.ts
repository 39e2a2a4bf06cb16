/**
 * Grammar the message tables of every language share (English in the elements' `*.messages.ts`, the
 * others in `locales/<language>.ts`). A module of its own so that a locale module pulls in only these
 * few lines, not the code that loads locales.
 */

/**
 * `text` ended with one full stop. Some locales' dates already end in an abbreviation's period
 * (Bulgarian months are "12.2025 г."), so a sentence that ends with a date must not add a second one.
 */
export function fullStop(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

/** The form of `forms` that `locale`'s plural rules pick for `n`, else `other`. */
export function plural(
  locale: string,
  n: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
): string {
  return forms[new Intl.PluralRules(locale).select(n)] ?? forms.other;
}
