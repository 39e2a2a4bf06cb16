import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncStore } from './sync-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cskit-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const OPTIONS = { source: 'demo', entities: ['rows'], settings: { timeZone: 'UTC' } };
const open = (settings: Record<string, string> = OPTIONS.settings) =>
  SyncStore.open<{ after: string }>({ ...OPTIONS, dir, settings });

describe('SyncStore', () => {
  it('resumes at the last committed page with the records committed so far', async () => {
    const first = await open();
    await first.commit({ rows: [{ id: 'a' }, { id: 'b' }] }, { after: 'b' });
    await first.commit({ rows: [{ id: 'c' }] }, { after: 'c' });

    const again = await open();
    expect(again.resumed).toBe(true);
    expect(again.cursor).toEqual({ after: 'c' });
    expect(again.count('rows')).toBe(3);
    expect(await again.records('rows')).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
  });

  it('drops records written after the last checkpoint (a crash between the append and the state)', async () => {
    const first = await open();
    await first.commit({ rows: [{ id: 'a' }] }, { after: 'a' });
    // What a process killed after appending page 2 but before replacing the state file leaves behind,
    // down to a half-written line.
    await appendFile(join(dir, '.demo-sync', 'rows.jsonl'), '{"id":"b"}\n{"id":"c');

    const again = await open();
    expect(again.cursor).toEqual({ after: 'a' });
    await again.commit({ rows: [{ id: 'b' }, { id: 'c' }] }, { after: 'c' });
    expect(await again.records('rows')).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(await readFile(join(dir, '.demo-sync', 'rows.jsonl'), 'utf8')).toBe('{"id":"a"}\n{"id":"b"}\n{"id":"c"}\n');
  });

  it('starts over when the settings changed, or after a finished sync', async () => {
    const first = await open();
    await first.commit({ rows: [{ id: 'a' }] }, { after: 'a' });
    const otherZone = await open({ timeZone: 'Europe/Berlin' });
    expect(otherZone.resumed).toBe(false);
    expect(otherZone.cursor).toBeNull();
    expect(await otherZone.records('rows')).toEqual([]);

    await otherZone.commit({ rows: [{ id: 'z' }] }, { after: 'z' });
    await otherZone.complete({ 'rows.csv': 'id\nz\n' });
    expect((await readdir(dir)).sort()).toEqual(['demo-sync-state.json', 'rows.csv']);
    expect(JSON.parse(await readFile(join(dir, 'demo-sync-state.json'), 'utf8'))).toMatchObject({
      status: 'complete',
      counts: { rows: 1 },
    });
    const next = await open({ timeZone: 'Europe/Berlin' });
    expect(next.resumed).toBe(false);
    // The finished files stay until the next sync finishes.
    expect(await readFile(join(dir, 'rows.csv'), 'utf8')).toBe('id\nz\n');
  });

  it('touches nothing on disk before the first commit', async () => {
    await writeFile(join(dir, 'demo-sync-state.json'), '{"version":1,"status":"complete"}');
    const store = await open();
    expect(store.cursor).toBeNull();
    expect(await readdir(dir)).toEqual(['demo-sync-state.json']);
    expect(await readFile(join(dir, 'demo-sync-state.json'), 'utf8')).toBe('{"version":1,"status":"complete"}');
  });

  it('starts over when a pending file is gone', async () => {
    const first = await open();
    await first.commit({ rows: [{ id: 'a' }] }, { after: 'a' });
    await rm(join(dir, '.demo-sync'), { recursive: true });
    const again = await open();
    expect({ resumed: again.resumed, cursor: again.cursor }).toEqual({ resumed: false, cursor: null });
  });

  it('starts over when the state file cannot be read', async () => {
    await writeFile(join(dir, 'demo-sync-state.json'), '{ not json');
    const store = await open();
    expect(store.resumed).toBe(false);
  });
});
