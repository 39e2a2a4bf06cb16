/**
 * `@cskit/connectors/zendesk` (Node only: it holds an API token and writes files): syncs a Zendesk
 * account's tickets into a canonical `tickets.csv` through the cursor-based incremental export, and its
 * CSAT ratings into `csat.csv`, checkpointed after every page. See docs/connectors.md for the mapping.
 *
 * @packageDocumentation
 */
export {
  syncZendesk,
  type SyncZendeskOptions,
  type SyncZendeskResult,
  type ZendeskSyncProgress,
} from './sync-zendesk.js';
export { mapZendeskTicket, ZENDESK_SATISFACTION, ZENDESK_TICKET_COLUMNS, type MappedTicket } from './map-ticket.js';
export { mapZendeskRating, ZENDESK_CSAT_COLUMNS, type MappedRating } from './map-rating.js';
export { latestVersions } from './latest-versions.js';
export { ZendeskHttpError, zendeskOrigin } from './zendesk-client.js';
export {
  ZENDESK_SOURCE,
  type ZendeskExportPage,
  type ZendeskMetricSetShape,
  type ZendeskRatingsPage,
  type ZendeskSatisfactionRatingShape,
  type ZendeskTicketShape,
} from './zendesk-shapes.js';
export { SourceAuthError } from '../sync/source-auth-error.js';
export { syncStatePath } from '../sync/sync-store.js';
export type { RetryEvent, RetryOptions } from '../http/retry.js';
