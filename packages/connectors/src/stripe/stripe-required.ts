import type { ValidationIssue } from '@cskit/core';
import { STRIPE_SOURCE } from './stripe-shapes.js';

/** What a field must be: Stripe sends it always, so its absence is schema drift, not an empty value. */
type Kind = 'string' | 'number' | 'boolean' | 'array' | 'id';

const CUSTOMER: Readonly<Record<string, Kind>> = { id: 'string', created: 'number' };
const SUBSCRIPTION: Readonly<Record<string, Kind>> = {
  id: 'string',
  customer: 'id',
  status: 'string',
  start_date: 'number',
  'items.data': 'array',
  'items.has_more': 'boolean',
};
const ITEM: Readonly<Record<string, Kind>> = {
  id: 'string',
  created: 'number',
  'price.id': 'string',
  'price.currency': 'string',
  'price.product': 'id',
};

/**
 * The required fields a Stripe object lacks (or has with the wrong type), as issues naming the object
 * by id and the field by its Stripe path. Unknown fields are no concern: the mapping reads only these
 * and the nullable ones it knows.
 */
export function missingStripeFields(kind: 'customer' | 'subscription' | 'item', value: unknown): ValidationIssue[] {
  const fields = kind === 'customer' ? CUSTOMER : kind === 'subscription' ? SUBSCRIPTION : ITEM;
  const id = typeof at(value, 'id') === 'string' ? (at(value, 'id') as string) : `(a ${kind} without id)`;
  const issues: ValidationIssue[] = [];
  for (const [path, expected] of Object.entries(fields)) {
    const found = at(value, path);
    if (!fits(found, expected)) {
      issues.push({
        source: STRIPE_SOURCE,
        id,
        field: path,
        value: found === undefined || found === null ? '' : JSON.stringify(found),
        reason: `the ${kind} has no ${path} (${expected === 'id' ? 'an id' : `a ${expected}`}): Stripe always sends it`,
      });
    }
  }
  return issues;
}

function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function fits(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'array':
      return Array.isArray(value);
    case 'id':
      return typeof value === 'string' || (typeof at(value, 'id') === 'string' && value !== null);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === kind;
  }
}
