/** How HubSpot companies are matched to billing customers. */
export type HubSpotMatch =
  /** By the company's `domain`: `customer_id` is the normalised domain, mapped to billing ids with a dataset id map. */
  | { readonly kind: 'domain' }
  /** By a (custom) company property holding the billing customer id, e.g. `stripe_customer_id`. */
  | { readonly kind: 'property'; readonly property: string };

/**
 * Reads `domain` or `property:NAME` (NAME: a HubSpot internal property name, lower-case letters,
 * digits and `_`).
 *
 * @throws RangeError naming what is wrong.
 */
export function parseHubSpotMatch(text: string): HubSpotMatch {
  if (text === 'domain') return { kind: 'domain' };
  const property = /^property:([a-z0-9_]{1,100})$/.exec(text)?.[1];
  if (property !== undefined) return { kind: 'property', property };
  throw new RangeError(
    `the match must be "domain" or "property:NAME" with NAME a HubSpot internal property name (e.g. property:stripe_customer_id), got "${text}"`,
  );
}

/** `domain` or `property:NAME`, as {@link parseHubSpotMatch} reads it. */
export function hubSpotMatchText(match: HubSpotMatch): string {
  return match.kind === 'domain' ? 'domain' : `property:${match.property}`;
}

/**
 * A domain as HubSpot users type it, reduced to the host it names: lower case, without scheme,
 * `www.`, path, port or trailing dot (`https://WWW.Acme.com/about` → `acme.com`). Empty stays empty.
 */
export function normaliseDomain(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}
