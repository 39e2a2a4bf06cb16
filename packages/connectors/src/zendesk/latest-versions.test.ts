import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latestVersions } from './latest-versions.js';

const version = (id: string, updatedAt: string, priority = ''): Record<string, string> => ({
  ticket_id: id,
  updated_at: updatedAt,
  priority,
});

describe('latestVersions', () => {
  it('keeps the version with the latest updated_at, whatever order the versions came in', () => {
    const newer = version('1', '2024-03-01T00:00:00Z', 'urgent');
    const older = version('1', '2024-01-01T00:00:00Z', 'low');
    expect(latestVersions([newer, older])).toEqual([newer]);
    expect(latestVersions([older, newer])).toEqual([newer]);
  });

  it('keeps the later listed of two versions with the same updated_at', () => {
    const first = version('1', '2024-03-01T00:00:00Z', 'low');
    const second = version('1', '2024-03-01T00:00:00Z', 'high');
    expect(latestVersions([first, second])).toEqual([second]);
  });

  it('drops a ticket whose latest version is a deletion, and keeps it when it came back later', () => {
    const live = version('1', '2024-01-01T00:00:00Z');
    const deleted = { ...version('1', '2024-02-01T00:00:00Z'), deleted: 'true' };
    expect(latestVersions([live, deleted])).toEqual([]);
    expect(latestVersions([deleted, version('1', '2024-01-01T00:00:00Z')])).toEqual([]);
  });

  it('sorts by ticket id as a number (9 before 10)', () => {
    const ids = latestVersions(['10', '9', '100', '2'].map((id) => version(id, '2024-01-01T00:00:00Z')));
    expect(ids.map((record) => record['ticket_id'])).toEqual(['2', '9', '10', '100']);
  });

  it('gives one record per ticket, the same for any order of distinct versions', () => {
    const versions = fc.uniqueArray(
      fc.record({ id: fc.integer({ min: 1, max: 20 }), minute: fc.integer({ min: 0, max: 10_000 }) }),
      { selector: (v) => `${v.id}:${v.minute}`, maxLength: 60 },
    );
    fc.assert(
      fc.property(versions, fc.func(fc.integer()), (list, key) => {
        const records = list.map(({ id, minute }) =>
          version(String(id), new Date(Date.UTC(2024, 0, 1) + minute * 60_000).toISOString()),
        );
        const shuffled = [...records].sort((a, b) => key(a) - key(b));
        const result = latestVersions(records);
        expect(latestVersions(shuffled)).toEqual(result);
        expect(new Set(result.map((r) => r['ticket_id'])).size).toBe(new Set(list.map((v) => v.id)).size);
        for (const kept of result) {
          const latest = Math.max(...list.filter((v) => String(v.id) === kept['ticket_id']).map((v) => v.minute));
          expect(Date.parse(kept['updated_at'] ?? '')).toBe(Date.UTC(2024, 0, 1) + latest * 60_000);
        }
      }),
    );
  });
});
