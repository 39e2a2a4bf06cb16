import { CskitValidationError, type CanonicalRecord, type ValidationIssue } from '@cskit/core';
import type { DatasetSide, IdMapping } from './merge-dataset.js';

/** The columns of an id map file: which side, its id, and the billing customer id it is. */
export const ID_MAP_COLUMNS = ['source', 'source_id', 'customer_id'] as const;

const SIDES: readonly DatasetSide[] = ['crm', 'support', 'surveys'];

/**
 * Reads the rows of an id map file (`source,source_id,customer_id`; `source` is `crm`, `support` or
 * `surveys`) into an {@link IdMapping}; `sameIds` names the sides whose ids are billing ids already.
 * Rows are numbered from 2, as the file shows them under its header.
 *
 * @throws CskitValidationError naming each row with an unknown source, an empty id, or a source id
 *   mapped to two customers.
 */
export function parseIdMapCsv(
  rows: readonly CanonicalRecord[],
  options: { readonly source?: string; readonly sameIds?: readonly DatasetSide[] } = {},
): IdMapping {
  const source = options.source ?? 'id map';
  const ids: Record<DatasetSide, Record<string, string>> = { crm: {}, support: {}, surveys: {} };
  const issues: ValidationIssue[] = [];
  rows.forEach((row, index) => {
    const at = { source, row: index + 2 };
    const side = row['source'] ?? '';
    const from = row['source_id'] ?? '';
    const to = row['customer_id'] ?? '';
    if (!(SIDES as readonly string[]).includes(side)) {
      issues.push({ ...at, field: 'source', value: side, reason: `source must be one of ${SIDES.join(', ')}` });
      return;
    }
    if (from === '') issues.push({ ...at, field: 'source_id', value: '', reason: 'source_id is empty' });
    if (to === '') issues.push({ ...at, field: 'customer_id', value: '', reason: 'customer_id is empty' });
    if (from === '' || to === '') return;
    const map = ids[side as DatasetSide];
    const earlier = Object.hasOwn(map, from) ? map[from] : undefined;
    if (earlier !== undefined && earlier !== to) {
      issues.push({
        ...at,
        field: 'customer_id',
        value: to,
        reason: `${side} id ${from} is already mapped to ${earlier}`,
      });
      return;
    }
    map[from] = to;
  });
  if (issues.length > 0) throw new CskitValidationError(issues);
  const same = new Set(options.sameIds ?? []);
  return Object.fromEntries(SIDES.map((side) => [side, { ids: ids[side], sameIds: same.has(side) }])) as IdMapping;
}
