import type { SubscriptionLine } from '../model/subscription-line.js';

/**
 * A subscription line for tests: USD, billed monthly, quantity 1, not a trial, open when `endDate` is
 * `undefined`; `extra` overrides any field (`{ isTrial: true }`, another currency).
 *
 * Test support only: not built into `dist`, not part of the package.
 */
export function monthlyLine(
  customerId: string,
  startDate: string,
  endDate: string | undefined,
  amountMinor: number,
  extra: Partial<SubscriptionLine> = {},
): SubscriptionLine {
  return {
    customerId,
    startDate,
    ...(endDate === undefined ? {} : { endDate }),
    amountMinor,
    currency: 'USD',
    interval: 'month',
    intervalCount: 1,
    quantity: 1,
    isTrial: false,
    ...extra,
  };
}
