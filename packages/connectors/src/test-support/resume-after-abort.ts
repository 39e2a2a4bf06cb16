import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';

/** A sync as the resume checks drive it: into `out`, with an abort signal and progress events. */
export type ResumableSync<P extends { readonly type: string }> = (options: {
  out: string;
  signal?: AbortSignal;
  onProgress?: (event: P) => void;
}) => Promise<unknown>;

/** Runs `sync` into `out` and aborts it after its `page`-th page; the run must reject with that abort. */
export async function syncStoppedAfterPage<P extends { readonly type: string }>(
  sync: ResumableSync<P>,
  out: string,
  page: number,
): Promise<void> {
  const controller = new AbortController();
  let pages = 0;
  await expect(
    sync({
      out,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === 'page' && ++pages === page) controller.abort(new Error('stopped'));
      },
    }),
  ).rejects.toThrow('stopped');
}

/**
 * For each page of `stopAfterPages`: a sync into `resumed` stopped after that page, then run again to
 * the end, must start with `firstEvent` (it resumed) and write `files` byte for byte as an
 * uninterrupted sync into `whole` did; `resumed` is emptied between the stops.
 */
export async function expectResumesAfterAbort<P extends { readonly type: string }>(
  sync: ResumableSync<P>,
  check: {
    readonly whole: string;
    readonly resumed: string;
    readonly stopAfterPages: readonly number[];
    readonly files: readonly string[];
    readonly firstEvent: P;
  },
): Promise<void> {
  const { whole, resumed, files } = check;
  await sync({ out: whole });
  for (const stopAfter of check.stopAfterPages) {
    await syncStoppedAfterPage(sync, resumed, stopAfter);
    const events: P[] = [];
    await sync({ out: resumed, onProgress: (event) => events.push(event) });
    expect(events[0]).toEqual(check.firstEvent);
    for (const file of files) {
      expect(await readFile(join(resumed, file), 'utf8'), file).toBe(await readFile(join(whole, file), 'utf8'));
    }
    await rm(resumed, { recursive: true });
  }
}
