import { CskitValidationError, type ValidationIssue } from '@cskit/core';

/** Issues without their row number where an id names the record. */
export function issuesNamedById(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map(({ row, ...issue }) => (issue.id === undefined ? { row, ...issue } : issue));
}

/**
 * Runs one of core's readers over synced records; its issues name records by the source's id rather
 * than by row (the file is not written yet, and the id is what a user looks up in the source).
 *
 * @returns what `read` returns.
 * @throws CskitValidationError with the reader's issues, without row numbers where an id names the record.
 */
export function namedById<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof CskitValidationError)) throw error;
    throw new CskitValidationError(issuesNamedById(error.issues), { truncated: error.truncated });
  }
}
