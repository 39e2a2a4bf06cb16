import type { Dialect } from './dialect.js';

/**
 * Major units of a double in minor units, rounded half-to-even on its binary value as `@cskit/core`'s
 * `toMajorUnits` does (`roundHalfEven`, then ÷ 10^exponent). FLOOR makes the tie test hold for
 * negative values too, as `Math.floor` does there.
 */
export function moneyOfDouble(dialect: Dialect, minor: string, exponent: number): string {
  const rounded = `CASE WHEN ${minor} - FLOOR(${minor}) = 0.5 THEN 2 * ROUND(${minor} / 2) ELSE ROUND(${minor}) END`;
  return exponent === 0 ? rounded : `(${rounded}) / ${10 ** exponent}`;
}

/**
 * Money of a tick sum (either sign): `ticks ÷ scale` in doubles, as the JS engine divides, then
 * rounded once. `scale` is the ticks-per-minor-unit column of the `scale` CTE.
 */
export function moneyOfTicks(dialect: Dialect, ticks: string, scale: string, exponent: number): string {
  return moneyOfDouble(dialect, `(${dialect.toDouble(ticks)} / ${dialect.toDouble(scale)})`, exponent);
}

/** Money of `ticks ÷ (scale × count)` (ARPA, one division as the JS engine does), NULL when `count` is 0. */
export function moneyPerCount(dialect: Dialect, ticks: string, scale: string, count: string, exponent: number): string {
  const minor = `(${dialect.toDouble(ticks)} / ${dialect.toDouble(`(${scale} * ${count})`)})`;
  return `CASE WHEN ${count} = 0 THEN NULL ELSE ${moneyOfDouble(dialect, minor, exponent)} END`;
}

/** `numerator ÷ denominator` as a double, NULL when the denominator is 0 (metrics.md §0). */
export function ratio(dialect: Dialect, numerator: string, denominator: string): string {
  return `CASE WHEN ${denominator} = 0 THEN NULL ELSE ${dialect.toDouble(numerator)} / ${dialect.toDouble(`NULLIF(${denominator}, 0)`)} END`;
}
