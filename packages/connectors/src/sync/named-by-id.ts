import { CskitValidationError, type ValidationIssue } from '@cskit/core';

/**
 * Issues without their row number where an id names the record.
 *
 * @param ids the source's id of each record (a survey response's id), by row: it names the record of an
 *   issue better than the reader's own id (an NPS answer's respondent).
 */
export function issuesNamedById(issues: readonly ValidationIssue[], ids?: readonly string[]): ValidationIssue[] {
  return issues.map(({ row, ...issue }) => {
    const id = (row === undefined ? undefined : ids?.[row]) ?? issue.id;
    return id === undefined ? { row, ...issue } : { ...issue, id };
  });
}

/**
 * Runs one of core's readers over synced records; its issues name records by the source's id rather
 * than by row (the file is not written yet, and the id is what a user looks up in the source).
 *
 * @param ids the source's id of each record: the reader must number rows from 0 (`firstRow: 0`), and an
 *   issue of row `r` is named `ids[r]`.
 * @returns what `read` returns.
 * @throws CskitValidationError with the reader's issues, without row numbers where an id names the record.
 */
export function namedById<T>(read: () => T, ids?: readonly string[]): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof CskitValidationError)) throw error;
    throw new CskitValidationError(issuesNamedById(error.issues, ids), { truncated: error.truncated });
  }
}
