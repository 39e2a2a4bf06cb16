/**
 * `@cskit/connectors/hubspot` (Node only: it holds an access token and writes files): syncs a HubSpot
 * portal's companies into customer attributes (`customers.csv`, matched to billing customers by domain
 * or by a property holding the billing id) and its renewal deals into `renewals.csv`, through the CRM
 * objects list API, checkpointed after every page. See docs/connectors.md for the mapping.
 *
 * @packageDocumentation
 */
export {
  syncHubSpot,
  type HubSpotSyncProgress,
  type SyncHubSpotOptions,
  type SyncHubSpotResult,
} from './sync-hubspot.js';
export {
  HUBSPOT_ATTRIBUTE_PROPERTIES,
  HUBSPOT_CUSTOMER_COLUMNS,
  HUBSPOT_UNMATCHED_COLUMNS,
  mapHubSpotCompany,
  type HubSpotAttribute,
  type MappedCompany,
} from './map-company.js';
export {
  HUBSPOT_DEAL_PROPERTIES,
  HUBSPOT_RENEWAL_COLUMNS,
  HUBSPOT_RENEWAL_DEAL_TYPES,
  mapHubSpotDeal,
  type MappedDeal,
} from './map-deal.js';
export { hubSpotMatchText, normaliseDomain, parseHubSpotMatch, type HubSpotMatch } from './match-key.js';
export { HUBSPOT_API_ORIGIN } from './hubspot-client.js';
export { HubSpotHttpError } from './fetch-transport.js';
export { HUBSPOT_SOURCE, type HubSpotObjectShape, type HubSpotPageShape } from './hubspot-shapes.js';
export { SourceAuthError } from '../sync/source-auth-error.js';
export { syncStatePath } from '../sync/sync-store.js';
export type { RetryEvent, RetryOptions } from '../http/retry.js';
