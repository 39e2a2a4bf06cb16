import { parseTimestamp, type CanonicalRecord } from '@cskit/core';

/**
 * One record per `ticket_id`: the version with the latest `updated_at`, and of equal ones the later in
 * `versions` (the export lists in update order, and a later page saw the ticket later). A version
 * marked `deleted` removes the ticket. Sorted by ticket id (numerically), so the result does not depend
 * on how pages were cut.
 *
 * The incremental export repeats tickets: one updated during a sync comes again on a later page, and a
 * later run's lookback asks again for what the previous run had.
 */
export function latestVersions(versions: Iterable<CanonicalRecord>): CanonicalRecord[] {
  const latest = new Map<string, { record: CanonicalRecord; updatedMs: number }>();
  for (const record of versions) {
    const id = record['ticket_id'] ?? '';
    const updatedMs = parseTimestamp(record['updated_at'] ?? '', 'UTC')?.epochMs ?? Number.NEGATIVE_INFINITY;
    const kept = latest.get(id);
    if (kept === undefined || updatedMs >= kept.updatedMs) latest.set(id, { record, updatedMs });
  }
  return [...latest.values()]
    .map(({ record }) => record)
    .filter((record) => record['deleted'] !== 'true')
    .sort((a, b) => compareIds(a['ticket_id'] ?? '', b['ticket_id'] ?? ''));
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
