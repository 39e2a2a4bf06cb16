/**
 * One exchange rate: on and after `date` (until a later rate), one unit of `currency` is worth `rate`
 * units of the reporting currency.
 */
export interface FxRate {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** ISO 4217 code of the currency converted from. */
  readonly currency: string;
  /** Units of the reporting currency per unit of `currency` (major units), positive. */
  readonly rate: number;
}
