/**
 * `@cskit/connectors/dataset`: merges the canonical records of billing, CRM, support and surveys into
 * one dataset with an explicit id mapping, and reports what did not match. Pure; runs in browsers too.
 *
 * @packageDocumentation
 */
export {
  mergeDataset,
  type DatasetEntity,
  type DatasetInput,
  type DatasetSide,
  type FieldConflict,
  type IdMapping,
  type MergedDataset,
  type SideMapping,
  type UnmatchedRecord,
} from './merge-dataset.js';
export { parseIdMapCsv, ID_MAP_COLUMNS } from './id-map-csv.js';
