import { dateInTimeZone, type CanonicalRecord } from '@cskit/core';
import type { StripeCustomerShape } from './stripe-shapes.js';

/** The columns of `customers.csv` before the metadata ones. */
export const STRIPE_CUSTOMER_COLUMNS = ['customer_id', 'name', 'created_at', 'country'] as const;

/** Metadata keys become columns `metadata.<key>`, so that no key can take the place of a canonical column. */
export const METADATA_PREFIX = 'metadata.';

/**
 * A Stripe customer as a canonical customer record: `customer_id` = its id, `name`, `created_at` = the
 * date of `created` in `timeZone`, `country` = `address.country`, and each metadata key as an attribute
 * column `metadata.<key>`.
 */
export function mapStripeCustomer(customer: StripeCustomerShape, timeZone: string): CanonicalRecord {
  const record: Record<string, string> = {
    customer_id: customer.id,
    name: customer.name ?? '',
    created_at: dateInTimeZone(customer.created * 1000, timeZone),
    country: customer.address?.country ?? '',
  };
  for (const [key, value] of Object.entries(customer.metadata ?? {})) record[`${METADATA_PREFIX}${key}`] = value;
  return record;
}
