import type { Dialect } from './dialect.js';
import { TICKS_PER_MINOR } from './ticks.js';

/**
 * Minor units of `ticks` (a non-negative integer) ÷ `divisor` ticks, rounded half-to-even with integer
 * arithmetic only, so a tie is decided on the exact value in every engine (metrics.md §0).
 */
function roundedQuotient(dialect: Dialect, ticks: string, divisor: string): string {
  const quotient = dialect.intDiv(ticks, divisor);
  const twiceRest = `2 * (${ticks} - ${quotient} * ${divisor})`;
  return `(${quotient} + CASE WHEN ${twiceRest} > ${divisor} THEN 1 WHEN ${twiceRest} < ${divisor} THEN 0 ELSE MOD(${quotient}, 2) END)`;
}

/** Major units as a double: what the report JSON prints (`rounded ÷ 10^exponent`, like `toMajorUnits`). */
function majorUnits(dialect: Dialect, minor: string, exponent: number): string {
  return exponent === 0 ? dialect.toDouble(minor) : `${dialect.toDouble(minor)} / ${10 ** exponent}`;
}

/** Money of a non-negative tick sum: major units rounded half-to-even to the minor unit. */
export function moneyOfTicks(dialect: Dialect, ticks: string, exponent: number): string {
  return majorUnits(dialect, roundedQuotient(dialect, ticks, String(TICKS_PER_MINOR)), exponent);
}

/** Money of a tick sum of either sign (half-to-even is symmetric: round |x| and restore the sign). */
export function signedMoneyOfTicks(dialect: Dialect, ticks: string, exponent: number): string {
  const magnitude = roundedQuotient(dialect, `ABS(${ticks})`, String(TICKS_PER_MINOR));
  return majorUnits(dialect, `SIGN(${ticks}) * ${magnitude}`, exponent);
}

/** Money of `ticks ÷ count` (ARPA), NULL when `count` is 0. */
export function moneyPerCount(dialect: Dialect, ticks: string, count: string, exponent: number): string {
  const divisor = `(${TICKS_PER_MINOR} * ${dialect.toWideInteger(count)})`;
  return `CASE WHEN ${count} = 0 THEN NULL ELSE ${majorUnits(dialect, roundedQuotient(dialect, ticks, `NULLIF(${divisor}, 0)`), exponent)} END`;
}

/**
 * Money of a double in minor units (LTV, a quotient of rates), rounded half-to-even on its binary
 * value as `roundHalfEven` does.
 */
export function moneyOfDouble(dialect: Dialect, minor: string, exponent: number): string {
  const rounded = `CASE WHEN ${minor} - FLOOR(${minor}) = 0.5 THEN 2 * ROUND(${minor} / 2) ELSE ROUND(${minor}) END`;
  return majorUnits(dialect, rounded, exponent);
}

/** `numerator ÷ denominator` as a double, NULL when the denominator is 0 (metrics.md §0). */
export function ratio(dialect: Dialect, numerator: string, denominator: string): string {
  return `CASE WHEN ${denominator} = 0 THEN NULL ELSE ${dialect.toDouble(numerator)} / ${dialect.toDouble(`NULLIF(${denominator}, 0)`)} END`;
}
