import type { ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { UsageError } from './usage-error.js';

/** A CSV file opened for streaming, and the name its issues use. */
export interface InputFile {
  /** The file name without its directory, as issues name it (`subs.csv row 7, …`). */
  readonly source: string;
  /** The path as given, for readers that read the file in parts. */
  readonly path: string;
  readonly stream: ReadStream;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
};

/**
 * Opens a file named on the command line. A path that cannot be read is a usage error (exit status 2):
 * the command line names something unusable, before any input is read.
 *
 * @throws UsageError naming the option, the path and the reason.
 */
export async function openInputFile(option: string, path: string): Promise<InputFile> {
  let handle;
  try {
    handle = await open(path, 'r');
    if (!(await handle.stat()).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
  } catch (error) {
    await handle?.close();
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`--${option} ${path}: cannot read the file (${REASONS[code] ?? code})`);
  }
  return { source: basename(path), path, stream: handle.createReadStream() };
}
