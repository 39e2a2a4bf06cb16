/** What customer success cost in one month (metrics.md §1, §9); several records of a month add up. */
export interface CsCost {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Integer minor units of `currency` (cents for USD), non-negative. */
  readonly amountMinor: number;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
  /** What the cost is for (`salaries`, `tools` …). */
  readonly category?: string;
  /** Row of the source file, for explanations. */
  readonly row?: number;
}
