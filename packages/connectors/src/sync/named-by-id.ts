import { CskitValidationError } from '@cskit/core';

/**
 * Runs one of core's readers over synced records; its issues name records by the source's id rather
 * than by row (the file is not written yet, and the id is what a user looks up in the source).
 *
 * @throws CskitValidationError with the reader's issues, without row numbers where an id names the record.
 */
export function namedById(read: () => unknown): void {
  try {
    read();
  } catch (error) {
    if (!(error instanceof CskitValidationError)) throw error;
    const issues = error.issues.map(({ row, ...issue }) => (issue.id === undefined ? { row, ...issue } : issue));
    throw new CskitValidationError(issues, { truncated: error.truncated });
  }
}
