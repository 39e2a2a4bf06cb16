import { intlLocale } from '../intl-locale.js';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, style: 'percent' | 'decimal', digits: number): Intl.NumberFormat {
  const key = `${locale}|${style}|${digits}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), { style, maximumFractionDigits: digits });
    cache.set(key, format);
  }
  return format;
}

/**
 * A percentage with up to `digits` fraction digits ("2.52%", "2,52 %"). `format.ts` shows one digit,
 * which suits tiles and axes; tooltips and tables show rates exactly enough to compare months.
 */
export function formatPercent(value: number | null, locale: string, digits: number): string {
  return value === null || !Number.isFinite(value) ? '–' : formatter(locale, 'percent', digits).format(value);
}

/** A plain number with up to `digits` fraction digits (an NPS of 23.5). */
export function formatDecimal(value: number | null, locale: string, digits: number): string {
  return value === null || !Number.isFinite(value) ? '–' : formatter(locale, 'decimal', digits).format(value);
}

/**
 * Money in `currency`, optionally with an explicit sign ("+$1,125.06", "-$468.79") or compact ("$127K",
 * with up to `digits` fraction digits, 1 by default: "$2.45M" needs 2).
 */
export function formatMoney(
  value: number | null,
  locale: string,
  currency: string,
  options: { readonly signed?: boolean; readonly compact?: boolean; readonly digits?: number } = {},
): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const digits = options.digits ?? 1;
  const key = `${locale}|${currency}|${options.signed ? 1 : 0}|${options.compact ? digits : 'x'}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), {
      style: 'currency',
      currency,
      ...(options.signed ? { signDisplay: 'exceptZero' } : {}),
      ...(options.compact ? { notation: 'compact', maximumFractionDigits: digits } : {}),
    });
    cache.set(key, format);
  }
  return format.format(value);
}
