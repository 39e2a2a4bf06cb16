import { mkdir, open, readFile, rename, rm, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import type { CanonicalRecord } from '@cskit/core';
import { readTextIfPresent } from './previous-csv.js';

/** What a sync's state file holds. No secret is ever written here. */
export interface SyncState<Cursor> {
  readonly version: 1;
  /** The source, `stripe`. */
  readonly source: string;
  /** What the records depend on (base URL, time zone): a run with other settings starts over. */
  readonly settings: Readonly<Record<string, string>>;
  readonly status: 'in-progress' | 'complete';
  /** Where the next page starts; `null` before the first page. */
  readonly cursor: Cursor | null;
  /** Records committed so far, per entity. */
  readonly counts: Readonly<Record<string, number>>;
  /** Committed length in bytes of each entity's pending records file. */
  readonly bytes: Readonly<Record<string, number>>;
}

/** Options of {@link SyncStore.open}. */
export interface SyncStoreOptions {
  /** The output directory (created if missing). */
  readonly dir: string;
  readonly source: string;
  /** The entities the sync writes, e.g. `customers`, `subscriptions`. */
  readonly entities: readonly string[];
  readonly settings: Readonly<Record<string, string>>;
}

/**
 * A sync's records and position, checkpointed after every page so that a sync killed at any moment
 * (SIGKILL included) and run again finishes with exactly the files of an uninterrupted run.
 *
 * Pages are appended to one JSON-lines file per entity under `.<source>-sync/` and flushed to disk;
 * only then is the state file (`<source>-sync-state.json`: cursor, counts and the committed length of
 * each file) replaced, atomically (write, flush, rename). On resume every file is cut back to its
 * committed length, so a page written but not committed is fetched again, never kept twice. The
 * canonical files are written (again atomically) only when the last page is in: until then the
 * previous sync's files stay as they were.
 */
export class SyncStore<Cursor> {
  private constructor(
    private readonly options: SyncStoreOptions,
    private state: SyncState<Cursor>,
    /** Whether this run continues an interrupted one. */
    readonly resumed: boolean,
    /**
     * The state of the last finished sync with the same source and settings, when this run starts a
     * new one: an incremental source goes on from its cursor.
     */
    readonly finished?: SyncState<Cursor>,
  ) {
    this.started = resumed;
  }

  /** Whether the pending files on disk belong to this sync (false until a fresh sync's first commit). */
  private started: boolean;

  /** Opens the store of `options.source` in `options.dir`: resumes an interrupted sync with the same settings, else starts afresh. */
  static async open<Cursor>(options: SyncStoreOptions): Promise<SyncStore<Cursor>> {
    await mkdir(options.dir, { recursive: true });
    const previous = await readState<Cursor>(statePath(options));
    if (
      previous !== undefined &&
      previous.status === 'in-progress' &&
      previous.source === options.source &&
      sameSettings(previous.settings, options.settings)
    ) {
      if (await cutToCheckpoint(options, previous)) return new SyncStore(options, previous, true);
    }
    const finished =
      previous !== undefined &&
      previous.status === 'complete' &&
      previous.source === options.source &&
      sameSettings(previous.settings, options.settings)
        ? previous
        : undefined;
    const zero = Object.fromEntries(options.entities.map((entity) => [entity, 0]));
    const state: SyncState<Cursor> = {
      version: 1,
      source: options.source,
      settings: options.settings,
      status: 'in-progress',
      cursor: null,
      counts: zero,
      bytes: zero,
    };
    // Nothing is touched on disk before the first page is in: a sync refused at its first request
    // (a wrong key) leaves the previous sync's files and state as they were.
    return new SyncStore(options, state, false, finished);
  }

  /** Where the next page starts; `null` before the first page. */
  get cursor(): Cursor | null {
    return this.state.cursor;
  }

  /** Records of `entity` committed so far. */
  count(entity: string): number {
    return this.state.counts[entity] ?? 0;
  }

  /** Appends one page's records and moves the cursor past it, durably and in that order. */
  async commit(records: Readonly<Partial<Record<string, readonly CanonicalRecord[]>>>, cursor: Cursor): Promise<void> {
    if (!this.started) {
      // A fresh sync: the previous one's pending records go, empty files replace them.
      const pending = pendingDir(this.options);
      await rm(pending, { recursive: true, force: true });
      await mkdir(pending, { recursive: true });
      for (const entity of this.options.entities) await (await open(pendingPath(this.options, entity), 'w')).close();
      this.started = true;
    }
    const counts = { ...this.state.counts };
    const bytes = { ...this.state.bytes };
    for (const [entity, list] of Object.entries(records)) {
      if (list === undefined || list.length === 0) continue;
      const text = list.map((record) => `${JSON.stringify(record)}\n`).join('');
      const handle = await open(pendingPath(this.options, entity), 'a');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.datasync();
      } finally {
        await handle.close();
      }
      counts[entity] = (counts[entity] ?? 0) + list.length;
      bytes[entity] = (bytes[entity] ?? 0) + Buffer.byteLength(text, 'utf8');
    }
    const next: SyncState<Cursor> = { ...this.state, cursor, counts, bytes };
    await writeAtomically(statePath(this.options), stateText(next));
    this.state = next;
  }

  /** The committed records of `entity`, in the order they were committed. */
  async records(entity: string): Promise<CanonicalRecord[]> {
    if (!this.started) return [];
    const text = await readFile(pendingPath(this.options, entity), 'utf8');
    const committed = Buffer.from(text, 'utf8')
      .subarray(0, this.state.bytes[entity] ?? 0)
      .toString('utf8');
    return committed === ''
      ? []
      : committed
          .slice(0, -1)
          .split('\n')
          .map((line) => JSON.parse(line) as CanonicalRecord);
  }

  /**
   * Writes the finished files (`name` → text) into the directory, each atomically, marks the sync
   * complete and removes the pending records.
   */
  async complete(files: Readonly<Record<string, string>>): Promise<void> {
    for (const [name, text] of Object.entries(files)) await writeAtomically(join(this.options.dir, name), text);
    const done: SyncState<Cursor> = { ...this.state, status: 'complete', bytes: {} };
    await writeAtomically(statePath(this.options), stateText(done));
    this.state = done;
    await rm(pendingDir(this.options), { recursive: true, force: true });
  }
}

/**
 * Cuts each pending file back to its committed length, dropping whatever was written after the last
 * checkpoint; false when a file is missing (deleted by hand), so the sync must start over.
 */
async function cutToCheckpoint(options: SyncStoreOptions, state: SyncState<unknown>): Promise<boolean> {
  try {
    for (const entity of options.entities) await truncate(pendingPath(options, entity), state.bytes[entity] ?? 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The state file of `source` in `dir`. */
export function syncStatePath(dir: string, source: string): string {
  return join(dir, `${source}-sync-state.json`);
}

function statePath(options: SyncStoreOptions): string {
  return syncStatePath(options.dir, options.source);
}

function pendingDir(options: SyncStoreOptions): string {
  return join(options.dir, `.${options.source}-sync`);
}

function pendingPath(options: SyncStoreOptions, entity: string): string {
  return join(pendingDir(options), `${entity}.jsonl`);
}

function stateText(state: SyncState<unknown>): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

async function readState<Cursor>(path: string): Promise<SyncState<Cursor> | undefined> {
  const text = await readTextIfPresent(path);
  if (text === undefined) return undefined;
  try {
    const state = JSON.parse(text) as SyncState<Cursor>;
    return state.version === 1 ? state : undefined;
  } catch {
    // A state file we cannot read (edited by hand, another version) means starting over, not failing.
    return undefined;
  }
}

function sameSettings(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}

/** Replaces `path` with `text` so that a reader (or a crash) sees the old file or the new one, never half. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
}
