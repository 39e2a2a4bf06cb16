import { quoteValue } from '../validation/quote-value.js';
import type { FxRate } from '../model/fx-rate.js';
import { isCurrencyCode } from '../money/currencies.js';

/**
 * The reporting currency of a computation: `requested` when given; otherwise the only currency of
 * the lines; with several, the only one the FX table does not convert from (the table's target).
 *
 * @throws Error asking for a currency when it cannot be decided, or RangeError for an unknown code.
 */
export function resolveReportingCurrency(
  lineCurrencies: ReadonlySet<string>,
  fx: readonly FxRate[] | undefined,
  requested: string | undefined,
): string {
  if (requested !== undefined) {
    const code = requested.toUpperCase();
    if (!isCurrencyCode(code))
      throw new RangeError(`Unknown reporting currency ${quoteValue(requested)} (expected ISO 4217, e.g. USD)`);
    return code;
  }
  const names = [...lineCurrencies].sort();
  if (names.length === 1 && names[0] !== undefined) return names[0];
  if (names.length === 0) throw new Error('No subscription lines: give the reporting currency (--currency)');
  if (fx !== undefined && fx.length > 0) {
    const converted = new Set(fx.map((rate) => rate.currency));
    const targets = names.filter((name) => !converted.has(name));
    if (targets.length === 1 && targets[0] !== undefined) return targets[0];
  }
  throw new Error(
    `Several currencies in the subscriptions (${names.join(', ')}): give the reporting currency (--currency) and an fx table converting the others to it`,
  );
}
