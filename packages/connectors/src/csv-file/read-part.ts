import { closeSync, openSync, readSync } from 'node:fs';
import { CsvByteRows } from '../csv/csv-byte-rows.js';
import { SubscriptionPartReader, type SubscriptionPart } from '../csv/subscription-part.js';
import type { PartTask } from './read-subscription-columns-file.js';
import { NativeUtf8Check } from './utf8-check.js';

const CHUNK = 1 << 20;

/**
 * Reads one part of a subscriptions CSV (from a row boundary to the planned end, or on to the end of
 * the file when its last row runs past it), on whichever thread calls it.
 */
export function readPart(task: PartTask): SubscriptionPart {
  const fd = openSync(task.path, 'r');
  try {
    const part = new SubscriptionPartReader(task.columns, {
      read: task.read,
      maxCsvIssues: task.maxCsvIssues,
      expectedLines: Math.ceil((task.end - task.start) / 64),
    });
    const rows = new CsvByteRows(part.push, {
      newline: task.newline,
      skipByteOrderMark: false,
      stopAt: task.end - task.start,
    });
    const utf8 = new NativeUtf8Check();
    let at = task.start;
    while (!rows.done) {
      if (at >= task.fileSize) {
        utf8.end();
        rows.end();
        break;
      }
      // Up to the planned end first; past it only when the last row runs on.
      const size = Math.min(CHUNK, (at < task.end ? task.end : task.fileSize) - at);
      const chunk = new Uint8Array(size);
      const read = readSync(fd, chunk, 0, size, at);
      if (read === 0) {
        utf8.end();
        rows.end();
        break;
      }
      const bytes = read === size ? chunk : chunk.subarray(0, read);
      utf8.check(bytes);
      rows.push(bytes);
      at += read;
    }
    return part.finish(task.start + rows.consumed, rows.overran);
  } finally {
    closeSync(fd);
  }
}
