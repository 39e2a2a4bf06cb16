import { join } from 'node:path';
import type { CanonicalRecord } from '@cskit/core';
import { readPreviousCsv } from '../sync/previous-csv.js';
import { METADATA_PREFIX, STRIPE_CUSTOMER_COLUMNS } from './map-customer.js';
import { STRIPE_SUBSCRIPTION_COLUMNS } from './map-subscription.js';

/** What the previous Stripe sync wrote, as the records it wrote them from. */
export interface PreviousStripeFiles {
  readonly customers: CanonicalRecord[];
  readonly lines: CanonicalRecord[];
}

/**
 * The previous sync's `customers.csv` and `subscriptions.csv`, as records equal to those the sync
 * mapped them from (an empty metadata cell is a key the customer does not have: Stripe deletes a key
 * set to ''); `undefined` when a file is gone, unreadable or lacks a column this connector writes, so
 * the sync lists everything again instead of guessing.
 */
export async function readPreviousStripeFiles(
  dir: string,
  files: { readonly customers: string; readonly subscriptions: string },
): Promise<PreviousStripeFiles | undefined> {
  const customers = await readPreviousCsv(join(dir, files.customers), STRIPE_CUSTOMER_COLUMNS);
  const lines = await readPreviousCsv(join(dir, files.subscriptions), STRIPE_SUBSCRIPTION_COLUMNS);
  if (customers === undefined || lines === undefined) return undefined;
  return {
    customers: customers.map((record) =>
      Object.fromEntries(
        Object.entries(record).filter(([key, value]) => !key.startsWith(METADATA_PREFIX) || value !== ''),
      ),
    ),
    lines,
  };
}
