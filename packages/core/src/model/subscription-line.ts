/** Billing intervals a subscription line can have. */
export type BillingInterval = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The billing intervals, in increasing length. */
export const BILLING_INTERVALS: readonly BillingInterval[] = ['day', 'week', 'month', 'quarter', 'year'];

/**
 * One priced line of a subscription (metrics.md §1), already validated.
 *
 * Lines given with an `mrr` column are stored as `amountMinor = mrr`, `interval = 'month'`,
 * `intervalCount = 1`, which is how §1 defines them.
 */
export interface SubscriptionLine {
  readonly customerId: string;
  /** Unique id of the line when the source has one. */
  readonly lineId?: string;
  /** Groups lines of one subscription; may repeat. */
  readonly subscriptionId?: string;
  /** First day billed, `YYYY-MM-DD`. */
  readonly startDate: string;
  /** First day no longer billed (exclusive), `YYYY-MM-DD`; absent for an ongoing line. */
  readonly endDate?: string;
  /** Price per interval for one unit, in integer minor units of `currency` (cents for USD, yen for JPY). */
  readonly amountMinor: number;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
  readonly interval: BillingInterval;
  /** Intervals per billing period (a positive integer; 6 with `month` = billed every six months). */
  readonly intervalCount: number;
  /** Units billed (a non-negative integer). */
  readonly quantity: number;
  readonly product?: string;
  readonly plan?: string;
  /** A trial line contributes no MRR. */
  readonly isTrial: boolean;
  /** Row of the source file the line was read from, for explanations. */
  readonly row?: number;
}
