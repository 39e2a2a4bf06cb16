/**
 * `@cskit/connectors/rest` (Node only: it holds credentials and writes files): syncs any JSON/REST API
 * into a canonical file through a declarative mapping (`mapping.json`: URL, auth from an environment
 * variable, records path, a path per canonical field, pagination by cursor, page, `Link` or next URL),
 * checkpointed after every page. Delighted and Typeform NPS sources are built on it. See
 * docs/connectors.md.
 *
 * @packageDocumentation
 */
export { syncRest, type RestSyncProgress, type SyncRestOptions, type SyncRestResult } from './sync-rest.js';
export { authHeaders, firstPageUrl, linkNext, nextPageUrl } from './rest-pages.js';
export * from './mapping.js';
export { syncDelighted, type SyncDelightedOptions } from '../delighted/sync-delighted.js';
export {
  DELIGHTED_API_ORIGIN,
  DELIGHTED_KEY_VARIABLE,
  delightedMapping,
  type DelightedMappingOptions,
} from '../delighted/delighted-mapping.js';
export { syncTypeform, type SyncTypeformOptions } from '../typeform/sync-typeform.js';
export {
  TYPEFORM_API_ORIGIN,
  TYPEFORM_TOKEN_VARIABLE,
  typeformMapping,
  type TypeformMappingOptions,
} from '../typeform/typeform-mapping.js';
export { HttpStatusError } from '../http/http-status-error.js';
export { SourceAuthError } from '../sync/source-auth-error.js';
export { syncStatePath } from '../sync/sync-store.js';
export type { RetryEvent, RetryOptions } from '../http/retry.js';
