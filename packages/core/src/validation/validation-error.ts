import { MAX_QUOTED_CHARACTERS, quoteValue } from './quote-value.js';

/**
 * One problem with one input record (metrics.md §10): where it is, which field, what value, and why.
 */
export interface ValidationIssue {
  /** The input's name, usually its file name (`subs.csv`). */
  readonly source: string;
  /** Row number in the source (the header is row 1), when the record came from rows. */
  readonly row?: number;
  /** The record's id (`customer_id`, `line_id` …), when it has one. */
  readonly id?: string;
  /** The canonical column name of the field at fault. */
  readonly field: string;
  /** The value as given (`''` for an empty field). */
  readonly value: string;
  /** Why the value is rejected, in words a user can act on. */
  readonly reason: string;
}

/**
 * One line describing an issue: `subs.csv row 7, field end_date, value "2024-01-01": end_date is
 * before start_date`. The record is named by row, or by id when there is no row. At most 80
 * characters of the value (and of an id) are quoted, then `…` and the length (metrics.md §11).
 */
export function formatIssue(issue: ValidationIssue): string {
  const where =
    issue.row !== undefined
      ? ` row ${issue.row}`
      : issue.id !== undefined
        ? ` id ${issue.id.length > MAX_QUOTED_CHARACTERS ? quoteValue(issue.id) : issue.id}`
        : '';
  return `${issue.source}${where}, field ${issue.field}, value ${quoteValue(issue.value)}: ${issue.reason}`;
}

/**
 * Bad input, reported all at once: every issue found (up to the reader's limit), one per line of the
 * message, so a command line tool can print `message` as is.
 */
export class CskitValidationError extends Error {
  /** The issues, in input order. */
  readonly issues: readonly ValidationIssue[];
  /** Whether reading stopped at the issue limit, so more issues may exist. */
  readonly truncated: boolean;

  constructor(issues: readonly ValidationIssue[], options: { truncated?: boolean } = {}) {
    const truncated = options.truncated ?? false;
    const lines = issues.map(formatIssue);
    if (truncated) lines.push(`(stopped after ${issues.length} issues; there may be more)`);
    super(lines.join('\n'));
    this.name = 'CskitValidationError';
    this.issues = issues;
    this.truncated = truncated;
  }
}
