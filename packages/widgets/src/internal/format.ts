import { intlLocale } from './intl-locale.js';

/** What kind of quantity a value is; decides how `Intl.NumberFormat` shows it. */
export type ValueFormat = 'number' | 'percent' | 'currency';

export interface FormatOptions {
  readonly locale: string;
  readonly format: ValueFormat;
  /** ISO 4217 code, required when `format` is `currency`. */
  readonly currency?: string | undefined;
  /** Compact notation (12K, 1.2M) for tight spaces such as tiles and axes. */
  readonly compact?: boolean;
  /** Exactly this many fraction digits (of the percentage, for `percent`), instead of the defaults. */
  readonly fractionDigits?: number | undefined;
}

const cache = new Map<string, Intl.NumberFormat>();

function formatter(options: FormatOptions): Intl.NumberFormat {
  const key = `${options.locale}|${options.format}|${options.currency ?? ''}|${options.compact ? 1 : 0}|${options.fractionDigits ?? ''}`;
  let result = cache.get(key);
  if (!result) {
    result = new Intl.NumberFormat(intlLocale(options.locale), {
      style: options.format === 'number' ? 'decimal' : options.format,
      ...(options.format === 'currency' ? { currency: options.currency ?? 'USD' } : {}),
      ...(options.format === 'percent' ? { maximumFractionDigits: 1 } : {}),
      ...(options.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
      ...(options.fractionDigits === undefined
        ? {}
        : { minimumFractionDigits: options.fractionDigits, maximumFractionDigits: options.fractionDigits }),
    });
    cache.set(key, result);
  }
  return result;
}

/** Formats a value for display; `null` (a ratio with no denominator) shows as an en dash. */
export function formatValue(value: number | null, options: FormatOptions): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return formatter(options).format(value);
}
