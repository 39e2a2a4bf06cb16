import { quoteValue } from '../validation/quote-value.js';
/**
 * ISO 4217 minor-unit exponents, pinned here rather than taken from `Intl`: CLDR (which `Intl` follows)
 * uses display digits that differ from ISO for several currencies (IQD, IDR, HUF …), and stored
 * amounts must follow ISO.
 */
const EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

// Active codes with a minor unit (plus a few recently withdrawn ones that still appear in history);
// precious metals, SDR and test codes have no minor unit and cannot hold MRR.
const TWO_DECIMALS =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
  'GHS GIP GMD GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR ' +
  'LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB ' +
  'PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP ' +
  'SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL';

const EXPONENTS: ReadonlyMap<string, number> = new Map<string, number>([
  ...TWO_DECIMALS.split(' ').map((code): [string, number] => [code, 2]),
  ...Object.entries(EXCEPTIONS),
]);

/** Every currency code cskit accepts, sorted. */
export const CURRENCY_CODES: readonly string[] = [...EXPONENTS.keys()].sort();

/** Whether `code` is an ISO 4217 currency (upper case) that has a minor unit. */
export function isCurrencyCode(code: string): boolean {
  return EXPONENTS.has(code);
}

/**
 * Number of decimals of a currency's minor unit (USD 2, JPY 0, BHD 3, CLF 4).
 *
 * @throws RangeError for an unknown code.
 */
export function currencyExponent(code: string): number {
  const exponent = EXPONENTS.get(code);
  if (exponent === undefined)
    throw new RangeError(`Unknown currency code ${quoteValue(code)} (expected ISO 4217, e.g. "USD")`);
  return exponent;
}
