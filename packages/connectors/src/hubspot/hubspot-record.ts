import type { ValidationIssue } from '@cskit/core';
import { HUBSPOT_SOURCE } from './hubspot-shapes.js';

/** A CRM object as received: anything, until checked. */
export type Received = Readonly<Record<string, unknown>>;

/** What the mappers share: the object's id and properties once the fields HubSpot always sends are there. */
export interface CheckedObject {
  readonly id: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly value: Received;
}

/**
 * Checks the fields HubSpot always sends on a CRM object (`id`, `properties`, `createdAt`,
 * `updatedAt`); their absence is schema drift, reported as issues naming the object by id. Unknown
 * fields are no concern: the mappers read only these and the properties they asked for.
 */
export function checkHubSpotObject(
  kind: 'company' | 'deal',
  object: unknown,
): { readonly ok: true; readonly object: CheckedObject } | { readonly ok: false; readonly issues: ValidationIssue[] } {
  const value: Received = object !== null && typeof object === 'object' ? (object as Received) : {};
  const id = typeof value['id'] === 'string' && value['id'] !== '' ? value['id'] : undefined;
  const issues: ValidationIssue[] = [];
  const report = (field: string, found: unknown, reason: string): void => {
    issues.push({ source: HUBSPOT_SOURCE, id: id ?? `(a ${kind} without id)`, field, value: shown(found), reason });
  };
  if (id === undefined) report('id', value['id'], `the ${kind} has no id: HubSpot always sends it`);
  const properties = value['properties'];
  if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) {
    report('properties', properties, `the ${kind} has no properties object: HubSpot always sends it`);
  }
  for (const field of ['createdAt', 'updatedAt'] as const) {
    const date = value[field];
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
      report(field, date, `the ${kind} has no ${field} timestamp: HubSpot always sends it`);
    }
  }
  if (issues.length > 0 || id === undefined) return { ok: false, issues };
  return { ok: true, object: { id, properties: properties as Readonly<Record<string, unknown>>, value } };
}

/** A property's text: HubSpot sends every property as a string, or `null` when it is empty. */
export function propertyText(properties: Readonly<Record<string, unknown>>, name: string): string {
  const found = Object.hasOwn(properties, name) ? properties[name] : undefined;
  return typeof found === 'string' ? found.trim() : '';
}

function shown(found: unknown): string {
  if (found === undefined || found === null) return '';
  if (found instanceof Date) return Number.isNaN(found.getTime()) ? 'Invalid Date' : found.toISOString();
  return typeof found === 'string' ? found : JSON.stringify(found);
}
