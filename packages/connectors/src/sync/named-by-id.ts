import { CskitValidationError } from '@cskit/core';

/**
 * Runs one of core's readers over synced records; its issues name records by the source's id rather
 * than by row (the file is not written yet, and the id is what a user looks up in the source).
 *
 * @param ids the source's id of each record (a survey response's id): the reader must number rows from 0
 *   (`firstRow: 0`), and an issue of row `r` is named `ids[r]`.
 * @throws CskitValidationError with the reader's issues, without row numbers where an id names the record.
 */
export function namedById(read: () => unknown, ids?: readonly string[]): void {
  try {
    read();
  } catch (error) {
    if (!(error instanceof CskitValidationError)) throw error;
    const issues = error.issues.map(({ row, ...issue }) => {
      // The source's own record id names the record better than the reader's (an NPS answer's respondent).
      const id = (row === undefined ? undefined : ids?.[row]) ?? issue.id;
      return id === undefined ? { row, ...issue } : { ...issue, id };
    });
    throw new CskitValidationError(issues, { truncated: error.truncated });
  }
}
