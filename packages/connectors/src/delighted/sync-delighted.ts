import { syncRest, type SyncRestOptions, type SyncRestResult } from '../rest/sync-rest.js';
import { delightedMapping, type DelightedMappingOptions } from './delighted-mapping.js';

/** Options of {@link syncDelighted}. */
export interface SyncDelightedOptions
  extends DelightedMappingOptions, Omit<SyncRestOptions, 'mapping' | 'secret' | 'source' | 'label'> {
  /** The project's API key (Settings → API). Never written anywhere. */
  readonly apiKey: string;
}

/**
 * Syncs a Delighted NPS project's survey responses into a canonical `nps.csv` in `out` (mapping in
 * {@link delightedMapping} and docs/connectors.md), checkpointed after every page in
 * `delighted-sync-state.json`: see `syncRest`, which it runs.
 *
 * @throws as `syncRest`; SourceAuthError when Delighted refuses the key.
 */
export function syncDelighted(options: SyncDelightedOptions): Promise<SyncRestResult> {
  const { apiKey, customerProperty, perPage, ...rest } = options;
  return syncRest({
    ...rest,
    mapping: delightedMapping({
      ...(customerProperty === undefined ? {} : { customerProperty }),
      ...(perPage === undefined ? {} : { perPage }),
    }),
    secret: apiKey,
    source: 'delighted',
    label: 'Delighted',
  });
}
