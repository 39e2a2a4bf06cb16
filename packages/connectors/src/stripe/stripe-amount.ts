import { currencyExponent, formatMinorUnits, isCurrencyCode, roundHalfEven } from '@cskit/core';

/**
 * Currencies whose amounts Stripe counts in another unit than ISO 4217's minor unit
 * (https://docs.stripe.com/currencies): MGA is zero-decimal at Stripe (ISO: 2 decimals), and ISK is sent
 * with two decimals (ISO: none). Every other currency follows core's ISO table.
 */
const STRIPE_EXPONENT_DIFFERS: Readonly<Record<string, number>> = { ISK: 2, MGA: 0 };

/** Decimals of Stripe's integer amounts in `currency` (upper case); `undefined` for a code cskit does not know. */
export function stripeExponent(currency: string): number | undefined {
  if (!isCurrencyCode(currency)) return undefined;
  return STRIPE_EXPONENT_DIFFERS[currency] ?? currencyExponent(currency);
}

/**
 * Stripe's integer amount as a decimal string in major units (`4900` USD → `"49.00"`, `5000` JPY →
 * `"5000"`), reduced by `percentOff` percent when given and rounded half-to-even to Stripe's unit.
 */
export function stripeAmountText(unitAmount: number, exponent: number, percentOff?: number): string {
  const minor = percentOff === undefined ? unitAmount : roundHalfEven((unitAmount * (100 - percentOff)) / 100);
  return formatMinorUnits(minor, exponent);
}
