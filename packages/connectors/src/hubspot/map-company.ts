import type { CanonicalRecord, ValidationIssue } from '@cskit/core';
import { checkHubSpotObject, propertyText } from './hubspot-record.js';
import { normaliseDomain, type HubSpotMatch } from './match-key.js';

/** The customer attributes a company gives, and the HubSpot property each is read from by default. */
export const HUBSPOT_ATTRIBUTE_PROPERTIES = {
  industry: 'industry',
  /** HubSpot's "Number of Employees": the number as HubSpot holds it, not a band. */
  size: 'numberofemployees',
  country: 'country',
  /** Not a default HubSpot property: portals that keep a region create one (empty otherwise). */
  region: 'region',
  /** The owner's HubSpot user id (the owners API is not read: names are not resolved). */
  owner: 'hubspot_owner_id',
} as const;

/** An attribute of {@link HUBSPOT_ATTRIBUTE_PROPERTIES}. */
export type HubSpotAttribute = keyof typeof HUBSPOT_ATTRIBUTE_PROPERTIES;

/** The columns of `customers.csv` from HubSpot: the customer, its attributes, then where it came from. */
export const HUBSPOT_CUSTOMER_COLUMNS = [
  'customer_id',
  'name',
  ...(Object.keys(HUBSPOT_ATTRIBUTE_PROPERTIES) as HubSpotAttribute[]),
  'hubspot_company_id',
  'domain',
] as const;

/** The columns of `hubspot-unmatched.csv`: companies without the match key. */
export const HUBSPOT_UNMATCHED_COLUMNS = ['hubspot_company_id', 'name', 'domain', 'reason'] as const;

/** What one listed company becomes. */
export type MappedCompany =
  | { readonly kind: 'company'; readonly record: CanonicalRecord }
  | { readonly kind: 'invalid'; readonly issues: readonly ValidationIssue[] };

/** The company properties the list request asks for. */
export function companyProperties(
  match: HubSpotMatch,
  attributes: Readonly<Record<HubSpotAttribute, string>>,
): string[] {
  const names = [
    'name',
    'domain',
    ...Object.values(attributes),
    ...(match.kind === 'property' ? [match.property] : []),
  ];
  return [...new Set(names)];
}

/**
 * Maps a company of `GET /crm/v3/objects/companies` to a customer record: `customer_id` = the match
 * key (the normalised `domain`, or the match property's value; empty when the company has none, and
 * it then goes to `hubspot-unmatched.csv`), `name`, the attributes from their properties,
 * `hubspot_company_id` and the normalised `domain`. A company without a field HubSpot always sends is
 * an issue naming it by id.
 */
export function mapHubSpotCompany(
  company: unknown,
  match: HubSpotMatch,
  attributes: Readonly<Record<HubSpotAttribute, string>>,
): MappedCompany {
  const checked = checkHubSpotObject('company', company);
  if (!checked.ok) return { kind: 'invalid', issues: checked.issues };
  const { id, properties } = checked.object;
  const domain = normaliseDomain(propertyText(properties, 'domain'));
  const key = match.kind === 'domain' ? domain : propertyText(properties, match.property);
  const record: Record<string, string> = { customer_id: key, name: propertyText(properties, 'name') };
  for (const [attribute, property] of Object.entries(attributes))
    record[attribute] = propertyText(properties, property);
  record['hubspot_company_id'] = id;
  record['domain'] = domain;
  return { kind: 'company', record };
}
