import { readFile } from 'node:fs/promises';
import type { CanonicalRecord } from '@cskit/core';
import { readCsvRecords } from '../csv/csv-records.js';

/** The text of `path`, or `undefined` when there is no such file. */
export async function readTextIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The records of a CSV file a previous sync wrote, for a later run to carry over; `undefined` when the
 * file is gone, is not well-formed CSV, or lacks one of `columns` (not a file this connector wrote), so
 * that the sync lists everything again instead of guessing. Blank lines (a hand edit) are left out.
 */
export async function readPreviousCsv(
  path: string,
  columns: readonly string[],
): Promise<CanonicalRecord[] | undefined> {
  const text = await readTextIfPresent(path);
  if (text === undefined) return undefined;
  const read = await readCsvRecords(text, { source: path });
  if (read.issues.length > 0 || !columns.every((column) => read.columns.includes(column))) return undefined;
  return read.records.filter((record) => Object.keys(record).length > 0);
}
