/** Why a decimal string could not be read as an amount (see {@link parseMinorUnits}). */
export type DecimalProblem = 'not-a-number' | 'negative' | 'too-many-decimals' | 'too-large';

/** The outcome of {@link parseMinorUnits}: the amount in minor units, or the problem. */
export type MinorUnitsResult =
  { readonly ok: true; readonly minor: number } | { readonly ok: false; readonly problem: DecimalProblem };

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Reads a decimal string in major units (`"49.90"`) exactly into an integer count of minor units.
 *
 * The digits are shifted as text, never through a binary float, so `"0.29"` is 29 cents and not
 * 28.999…. Extra decimals are accepted only when they are zeros (`"49.900"` is 4990 cents; `"49.901"`
 * is `too-many-decimals` for USD). Amounts beyond 2^53 minor units are `too-large`.
 */
export function parseMinorUnits(text: string, exponent: number): MinorUnitsResult {
  const match = DECIMAL.exec(text);
  if (match === null) return { ok: false, problem: 'not-a-number' };
  const [, sign, whole = '', fraction = ''] = match;
  const kept = fraction.slice(0, exponent);
  if (!/^0*$/.test(fraction.slice(exponent))) return { ok: false, problem: 'too-many-decimals' };
  const minor = Number(whole + kept.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, problem: 'too-large' };
  if (sign === '-' && minor !== 0) return { ok: false, problem: 'negative' };
  return { ok: true, minor };
}

/**
 * Rounds to the nearest integer, ties to even (banker's rounding): 16.5 → 16, 17.5 → 18, −2.5 → −2.
 *
 * A tie is decided on the binary value given: callers pass values computed so that exact ties are
 * exactly representable (see `docs/metrics.md`, "Exactness").
 */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const rest = value - floor;
  if (rest > 0.5) return floor + 1;
  if (rest < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * Major units of an unrounded amount of minor units, rounded half-to-even to the minor unit once:
 * `toMajorUnits(1234567.5, 2)` is `12345.68`.
 */
export function toMajorUnits(minor: number, exponent: number): number {
  const rounded = roundHalfEven(minor);
  // Division by a power of ten yields the double nearest to the decimal, which prints as that decimal.
  return exponent === 0 ? rounded : rounded / 10 ** exponent;
}

/**
 * Exact decimal text of an amount of minor units rounded half-to-even: `formatMinorUnits(-1205, 2)`
 * is `"-12.05"`. Unlike `String(toMajorUnits(…))`, it keeps trailing zeros.
 */
export function formatMinorUnits(minor: number, exponent: number): string {
  const rounded = roundHalfEven(minor);
  const digits = String(Math.abs(rounded)).padStart(exponent + 1, '0');
  const sign = rounded < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
