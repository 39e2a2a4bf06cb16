import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CskitValidationError } from '@cskit/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcome, readSettings, readWithPapaparse, subscriptionsCsv } from '../test-support/subscriptions-csv.js';
import type { readSubscriptionColumnsCsvFile as ReadFile } from './read-subscription-columns-file.js';

// The worker threads run the built JavaScript (Node cannot start a worker from TypeScript source), so
// the test builds the package and imports the reader from dist, as a user's install has it.
const packageDir = fileURLToPath(new URL('../..', import.meta.url));
let readFile: typeof ReadFile;
let dir: string;

beforeAll(async () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: packageDir, stdio: 'pipe' });
  const built = pathToFileURL(join(packageDir, 'dist/csv-file/index.js')).href;
  ({ readSubscriptionColumnsCsvFile: readFile } = (await import(built)) as {
    readSubscriptionColumnsCsvFile: typeof ReadFile;
  });
  dir = mkdtempSync(join(tmpdir(), 'cskit-csv-file-'));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function fileOf(text: string | Uint8Array): string {
  const path = join(dir, `subs-${files++}.csv`);
  writeFileSync(path, text);
  return path;
}

/** Threads of this process now (worker threads are threads of it). */
function threadCount(): number {
  return Number(/Threads:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
}

/** Lines of `count` rows, each `L<i>,c<i mod 7>,2024-01-01,10.00,month,USD` unless `row` says otherwise. */
function subscriptions(count: number, row: (i: number) => string | undefined = () => undefined): string {
  const lines = ['line_id,customer_id,start_date,amount,interval,currency,note'];
  for (let i = 0; i < count; i++) lines.push(row(i) ?? `L${i},c${i % 7},2024-01-01,10.00,month,USD,`);
  return lines.join('\n') + '\n';
}

// Parts of 64 bytes: a file of a few rows is read by up to four threads.
const inParts = { threads: 4, minPartBytes: 64 };

describe('readSubscriptionColumnsCsvFile', () => {
  it('gives what one pass gives on random CSVs read in up to four parts', async () => {
    await fc.assert(
      fc.asyncProperty(subscriptionsCsv, readSettings, async (text, options) => {
        const path = fileOf(text);
        const expected = await outcome(() => readWithPapaparse(text, options));
        expect(await outcome(() => readFile(path, { ...options, ...inParts }))).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  }, 300_000);

  it('numbers rows from the file and finds a line_id repeated in another part', async () => {
    // 400 rows of about 45 bytes: 18 kB in four parts; row 2 is L0, the last row (401) repeats it.
    const text = subscriptions(400, (i) => (i === 399 ? 'L0,late,2024-01-01,10.00,month,USD,' : undefined));
    const result = await readFile(fileOf(text), {
      source: 'subs.csv',
      onError: 'skip',
      threads: 4,
      minPartBytes: 4096,
    });
    expect(result.issues).toEqual([
      {
        source: 'subs.csv',
        row: 401,
        id: 'L0',
        field: 'line_id',
        value: 'L0',
        reason: 'duplicate line_id (first in row 2)',
      },
    ]);
    expect(result.columns.length).toBe(399);
    expect(Array.from(result.columns.row ?? []).slice(-2)).toEqual([399, 400]);
  });

  it('gives each kept line its line_id when asked (lineIds), in file order across the parts', async () => {
    // Row 12 (line 10) has no line_id; the last row repeats L0 and is skipped: 399 lines are kept.
    const text = subscriptions(400, (i) =>
      i === 10 ? ',c3,2024-01-01,10.00,month,USD,' : i === 399 ? 'L0,late,2024-01-01,10.00,month,USD,' : undefined,
    );
    const options = { source: 'subs.csv', onError: 'skip', threads: 4, minPartBytes: 4096 } as const;
    const result = await readFile(fileOf(text), { ...options, lineIds: true });
    const expected = Array.from({ length: 399 }, (_, i) => (i === 10 ? undefined : `L${i}`));
    expect(result.columns.lineIds).toEqual(expected);
    expect((await readFile(fileOf(text), options)).columns.lineIds).toBeUndefined();
  });

  it('reads a quoted line break that spans a split right, as one row', async () => {
    // Every note holds line breaks, so a split after a line ending lands inside a quoted field.
    const text = subscriptions(300, (i) => `L${i},c${i % 7},2024-01-01,10.00,month,USD,"a\nb\nc ${i}"`);
    const expected = await outcome(() => readWithPapaparse(text, { source: 'subs.csv' }));
    expect((expected as { lines: unknown[] }).lines).toHaveLength(300);
    expect(await outcome(() => readFile(fileOf(text), { source: 'subs.csv', threads: 4, minPartBytes: 2048 }))).toEqual(
      expected,
    );
  });

  it('throws the first issues in file order when malformed rows pass the limit in several parts', async () => {
    // Rows 51, 101, 151 … (every 50th) have one field too few: the limit of 3 stops at row 151.
    const text = subscriptions(400, (i) => (i % 50 === 49 ? `L${i},c,2024-01-01,10.00,month,USD` : undefined));
    const error = await readFile(fileOf(text), { source: 'subs.csv', limit: 3, threads: 4, minPartBytes: 2048 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CskitValidationError);
    expect((error as CskitValidationError).truncated).toBe(true);
    expect((error as CskitValidationError).issues.map((issue) => [issue.row, issue.field])).toEqual([
      [51, 'note'],
      [101, 'note'],
      [151, 'note'],
    ]);
  });

  it('throws the TypeError of bytes that are not UTF-8 in a later part, and ends every worker', async () => {
    const bytes = new TextEncoder().encode(subscriptions(400));
    const broken = new Uint8Array(bytes.length + 1);
    const at = Math.floor(bytes.length * 0.8);
    broken.set(bytes.subarray(0, at));
    broken[at] = 0xff;
    broken.set(bytes.subarray(at), at + 1);
    const path = fileOf(broken);
    const before = threadCount();
    await expect(readFile(path, { source: 'subs.csv', threads: 4, minPartBytes: 2048 })).rejects.toThrow(TypeError);
    expect(threadCount()).toBe(before);
  });
});
