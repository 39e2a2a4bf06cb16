import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { subscriptionLineReader, type ReadOptions, type SubscriptionColumnsResult } from '@cskit/core';
import { CsvByteRows, type CsvByteRow, type CsvNewline } from '../csv/csv-byte-rows.js';
import { mergeSubscriptionParts } from '../csv/merge-subscription-parts.js';
import type { CsvReadOptions } from '../csv/read-csv.js';
import { readSubscriptionColumnsFromBytes, subscriptionHeader } from '../csv/subscription-columns-csv.js';
import type { SubscriptionPart } from '../csv/subscription-part.js';
import { readPart } from './read-part.js';
import { NativeUtf8Check } from './utf8-check.js';

/** Options of {@link readSubscriptionColumnsCsvFile}. */
export interface CsvFileReadOptions extends CsvReadOptions {
  /** Threads to read with, at most (default: the cores this process may use, up to 8). */
  readonly threads?: number;
  /**
   * The smallest part a thread is given, in bytes (default 8 MiB). A file smaller than two parts is
   * read on this thread: starting a worker (about 30–60 ms: a thread, a module graph) and joining the
   * parts cost more than a second core saves on a few megabytes, which one core reads in well under a
   * tenth of a second.
   */
  readonly minPartBytes?: number;
  /** Give the columns each line's `line_id`, as `readSubscriptionColumnsCsv` does (for a missing FX rate's error). */
  readonly lineIds?: boolean;
}

/** What a worker is given: its part of the file and what it needs to read it. */
export interface PartTask {
  readonly path: string;
  readonly start: number;
  /** Planned end: the next part's start (a row boundary if the split guessed right). */
  readonly end: number;
  readonly fileSize: number;
  readonly newline: CsvNewline;
  readonly columns: readonly string[];
  readonly read: ReadOptions;
  readonly maxCsvIssues: number;
}

const HEAD_BYTES = 1 << 20;
const DEFAULT_MIN_PART_BYTES = 8 << 20;
const MAX_THREADS = 8;

/**
 * `readSubscriptionColumnsCsv` for a file on disk, on every core: the file is split at row boundaries
 * into parts, the first read on this thread and each other one on a worker thread (the tokenizer and
 * checks of `readSubscriptionColumnsCsv`), and the parts are joined in file order, so rows, issues and errors are those of one pass over the file:
 * row numbers are the file's, `line_id`s are unique across parts, an empty currency takes the file's
 * only currency wherever it is named, and the first `limit` issues are the first in file order.
 *
 * A part starts after the first line ending at or past an even share of the file. That guess is
 * checked: the part before it must end exactly there; when its last row runs on (a quoted field holding
 * a line break across the split), that part is read on to the end of the file and the later parts are
 * dropped, so a file full of multi-line fields is still read right, only on fewer cores. Small files
 * (see `minPartBytes`) are read on this thread.
 *
 * @throws as `readSubscriptionColumnsCsv`; and the file system's errors.
 */
export async function readSubscriptionColumnsCsvFile(
  path: string,
  options: CsvFileReadOptions,
): Promise<SubscriptionColumnsResult> {
  const readOptions: CsvReadOptions & { threads?: number; minPartBytes?: number; lineIds?: boolean } = { ...options };
  delete readOptions.threads;
  delete readOptions.minPartBytes;
  const limit = options.limit ?? 100;
  const threads = Math.min(options.threads ?? availableParallelism(), MAX_THREADS);
  const minPartBytes = options.minPartBytes ?? DEFAULT_MIN_PART_BYTES;
  const single = (): Promise<SubscriptionColumnsResult> =>
    readSubscriptionColumnsFromBytes(createReadStream(path, { highWaterMark: HEAD_BYTES }), readOptions);

  const fd = openSync(path, 'r');
  let plan: ReturnType<typeof planParts>;
  try {
    const fileSize = fstatSync(fd).size;
    if (threads < 2 || fileSize < 2 * minPartBytes) return await single();
    // An unknown default currency is a RangeError before anything is read, as in core's readers.
    subscriptionLineReader(readOptions, { add: () => 0, settle: () => 0 });
    plan = planParts(fd, fileSize, Math.min(threads, Math.floor(fileSize / minPartBytes)), readOptions.source);
  } finally {
    closeSync(fd);
  }
  if (plan === undefined) return single();

  const tasks: PartTask[] = plan.starts.map((start, k) => ({
    path,
    start,
    end: plan.starts[k + 1] ?? plan.fileSize,
    fileSize: plan.fileSize,
    newline: plan.newline,
    columns: plan.columns,
    read: readOptions,
    maxCsvIssues: limit,
  }));
  const outcomes = await runWorkers(tasks);
  const parts: SubscriptionPart[] = [];
  let csvIssues = 0;
  for (const outcome of outcomes) {
    // Reading in one pass would have stopped before this part: past the limit of malformed rows.
    if (csvIssues >= limit) break;
    if ('error' in outcome) throw outcome.error;
    parts.push(outcome.part);
    csvIssues += outcome.part.csvIssues.length;
    // This part read on to the end of the file: the later ones started inside one of its rows.
    if (outcome.part.overran) break;
  }
  return mergeSubscriptionParts(parts, { ...readOptions, rowsBefore: 1 });
}

/**
 * The header and the parts' starts, or `undefined` when the file is better read in one pass (its
 * header is not within the first megabyte, or it has no line ending there).
 *
 * @throws CskitValidationError for an unusable header; TypeError when it is not UTF-8.
 */
function planParts(
  fd: number,
  fileSize: number,
  count: number,
  source: string,
): { columns: string[]; newline: CsvNewline; starts: number[]; fileSize: number } | undefined {
  const head = new Uint8Array(Math.min(HEAD_BYTES, fileSize));
  const read = readSync(fd, head, 0, head.length, 0);
  let header: CsvByteRow | undefined;
  const rows = new CsvByteRows((row) => {
    header = row; // its spans stay valid: reading stops here
    return false;
  });
  rows.push(head.subarray(0, read));
  if (header === undefined || rows.newline === undefined) return undefined;
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const headerEnd = rows.consumed + bom;
  // Bytes that are not UTF-8 are found before the header's problems, as a pass over the text finds them.
  const utf8 = new NativeUtf8Check();
  utf8.check(head.subarray(0, headerEnd));
  utf8.end();
  const columns = subscriptionHeader(header, source);

  const newline = rows.newline;
  const starts = [headerEnd];
  const probe = new Uint8Array(1 << 16);
  for (let k = 1; k < count; k++) {
    const target = headerEnd + Math.floor(((fileSize - headerEnd) * k) / count);
    const start = rowBoundaryAfter(fd, probe, target, fileSize, newline);
    if (start !== undefined && start > (starts[starts.length - 1] as number) && start < fileSize) starts.push(start);
  }
  if (starts.length < 2) return undefined;
  return { columns, newline, starts, fileSize };
}

/** The offset after the first line ending that ends at or past `target`, looking a few probes ahead. */
function rowBoundaryAfter(
  fd: number,
  probe: Uint8Array,
  target: number,
  fileSize: number,
  newline: CsvNewline,
): number | undefined {
  // From one byte back: a CRLF may straddle the target.
  for (let at = target - 1, probes = 0; at < fileSize && probes < 16; probes++) {
    const read = readSync(fd, probe, 0, probe.length, at);
    if (read === 0) return undefined;
    for (let i = 0; i < read; i++) {
      if (probe[i] !== 0x0a) continue;
      if (newline === 'lf') return at + i + 1;
      // A CRLF: the CR may be the last byte of the previous probe, read again from one byte back.
      if (i > 0 && probe[i - 1] === 0x0d) return at + i + 1;
    }
    at += read - 1;
  }
  return undefined;
}

type Outcome = { readonly part: SubscriptionPart } | { readonly error: unknown };

/**
 * Reads the first part on this thread (it would only wait otherwise) and every other part on a worker
 * thread of its own; every worker is ended before this returns, whatever happened.
 */
async function runWorkers(tasks: readonly PartTask[]): Promise<Outcome[]> {
  const workers: Worker[] = [];
  try {
    const [first, ...rest] = tasks as [PartTask, ...PartTask[]];
    const others = rest.map((task) => {
      const worker = new Worker(new URL('./subscription-columns-worker.js', import.meta.url), { workerData: task });
      workers.push(worker);
      return new Promise<Outcome>((resolve) => {
        worker.once('message', (message: Outcome) => resolve(message));
        worker.once('error', (error) => resolve({ error }));
        worker.once('exit', (code) => resolve({ error: new Error(`a CSV reading thread exited (${code})`) }));
      });
    });
    // The workers start while this thread reads (their threads spawn in the background).
    let own: Outcome;
    try {
      own = { part: readPart(first) };
    } catch (error) {
      own = { error };
    }
    return [own, ...(await Promise.all(others))];
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
