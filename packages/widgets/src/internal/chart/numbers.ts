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

/** How the numbers of one table column are written. */
export interface ColumnFormat {
  /** `percent` takes fractions (0.0252 → "2.52%"); `currency` takes major units. */
  readonly style: 'decimal' | 'percent' | 'currency';
  /**
   * The most fraction digits the metric deserves, counted on what is shown (2 for a churn rate:
   * "2.52%"). Money always shows its currency's own digits ("$1,000.00"), so it ignores this.
   */
  readonly maxDigits: number;
  /** ISO 4217 code, for `currency`. */
  readonly currency?: string | undefined;
  /** An explicit sign on non-zero values ("+0.25", "-$468.79"), for changes. */
  readonly signed?: boolean | undefined;
}

/**
 * The fraction digits `value` needs, up to `max`: 2.5 needs 1, 2.52 needs 2, 2 needs 0. For a
 * `percent`, pass the percentage (the fraction × 100). Tolerates binary noise (0.0252 × 100 is
 * 2.5200000000000005).
 */
export function fractionDigitsNeeded(value: number, max: number): number {
  for (let digits = 0; digits < max; digits++) {
    const scaled = value * 10 ** digits;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return digits;
  }
  return max;
}

/** The fraction digits a whole column shows: the most any of its values needs, within the cap. */
export function columnDigits(values: readonly (number | null)[], format: ColumnFormat): number {
  if (format.style === 'currency') return currencyDigits(format.currency ?? 'USD');
  let digits = 0;
  for (const value of values) {
    if (value === null || !Number.isFinite(value)) continue;
    const shown = format.style === 'percent' ? value * 100 : value;
    digits = Math.max(digits, fractionDigitsNeeded(shown, format.maxDigits));
  }
  return digits;
}

function currencyDigits(currency: string): number {
  return fixedFormatter('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

const fixedCache = new Map<string, Intl.NumberFormat>();

function fixedFormatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = fixedCache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options);
    fixedCache.set(key, format);
  }
  return format;
}

/**
 * A number of a table column with exactly `digits` fraction digits, so that a column's values line up
 * ("1.50%", "1.25%"); `null` shows as an en dash.
 */
export function formatFixed(value: number | null, locale: string, format: ColumnFormat, digits: number): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return fixedFormatter(locale, {
    style: format.style,
    ...(format.style === 'currency' ? { currency: format.currency ?? 'USD' } : {}),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    ...(format.signed ? { signDisplay: 'exceptZero' } : {}),
  }).format(value);
}
