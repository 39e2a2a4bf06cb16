import type { BilledPeriod } from './billed-periods.js';

/** What a subscription item was billed at from `start` (Unix seconds) until the next version starts. */
export interface ItemVersion {
  readonly start: number;
  readonly price: string;
  readonly quantity: number;
}

/**
 * The versions of one subscription item, oldest first, rebuilt from its billed periods as fivetran's
 * dbt_stripe does: a new version starts at the first period billed at another price or quantity, and a
 * period without an invoice keeps the version before it.
 *
 * - Periods that end by `from` (a trial's, billed at 0) are not history; the first version starts at
 *   `from` even when the first invoice came later (its values are carried back, not guessed).
 * - `current` (the item as Stripe lists it today) is the last version: when the latest billed period
 *   differs, the current values start where that period ends (a change not invoiced yet shows from the
 *   period it will be billed in). A removed item has no `current`.
 *
 * @returns the versions (empty for an item neither billed nor current) and the end of the last billed
 *   period, if any.
 */
export function itemVersions(
  periods: readonly BilledPeriod[],
  from: number,
  current?: { readonly price: string; readonly quantity: number },
): { versions: ItemVersion[]; billedUntil: number | undefined } {
  const billed = periods.filter((period) => period.end > from).sort((a, b) => a.start - b.start || a.end - b.end);
  const versions: ItemVersion[] = [];
  for (const period of billed) {
    const last = versions.at(-1);
    if (last !== undefined && last.price === period.price && last.quantity === period.quantity) continue;
    versions.push({ start: last === undefined ? from : period.start, price: period.price, quantity: period.quantity });
  }
  const billedUntil = billed.length === 0 ? undefined : Math.max(...billed.map((period) => period.end));
  const last = versions.at(-1);
  if (current !== undefined && (last?.price !== current.price || last.quantity !== current.quantity)) {
    versions.push({ start: billedUntil === undefined ? from : Math.max(billedUntil, from), ...current });
  }
  return { versions, billedUntil };
}
