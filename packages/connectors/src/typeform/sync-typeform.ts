import { syncRest, type SyncRestOptions, type SyncRestResult } from '../rest/sync-rest.js';
import { typeformMapping, type TypeformMappingOptions } from './typeform-mapping.js';

/** Options of {@link syncTypeform}. */
export interface SyncTypeformOptions
  extends TypeformMappingOptions, Omit<SyncRestOptions, 'mapping' | 'secret' | 'source' | 'label'> {
  /** A personal access token with the `responses:read` scope. Never written anywhere. */
  readonly token: string;
}

/**
 * Syncs the NPS answers of a Typeform form into a canonical `nps.csv` in `out` (mapping in
 * {@link typeformMapping} and docs/connectors.md), checkpointed after every page in
 * `typeform-sync-state.json`: see `syncRest`, which it runs.
 *
 * @throws as `syncRest`; SourceAuthError when Typeform refuses the token; RangeError for a bad form id.
 */
export function syncTypeform(options: SyncTypeformOptions): Promise<SyncRestResult> {
  const { token, formId, fieldRef, customerHiddenField, respondentHiddenField, pageSize, ...rest } = options;
  return syncRest({
    ...rest,
    mapping: typeformMapping({
      formId,
      ...(fieldRef === undefined ? {} : { fieldRef }),
      ...(customerHiddenField === undefined ? {} : { customerHiddenField }),
      ...(respondentHiddenField === undefined ? {} : { respondentHiddenField }),
      ...(pageSize === undefined ? {} : { pageSize }),
    }),
    secret: token,
    source: 'typeform',
    label: 'Typeform',
  });
}
