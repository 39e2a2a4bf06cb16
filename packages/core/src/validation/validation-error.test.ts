import { describe, expect, it } from 'vitest';
import { CskitValidationError, formatIssue } from './validation-error.js';

describe('CskitValidationError', () => {
  it('lists one issue per line, naming source, record, field, value and reason', () => {
    const error = new CskitValidationError([
      {
        source: 'subs.csv',
        row: 7,
        id: 'L7',
        field: 'end_date',
        value: '2024-01-01',
        reason: 'end_date is before start_date',
      },
      { source: 'customers.csv', id: 'cus_1', field: 'customer_id', value: 'cus_1', reason: 'duplicate customer_id' },
    ]);
    expect(error.message).toBe(
      'subs.csv row 7, field end_date, value "2024-01-01": end_date is before start_date\n' +
        'customers.csv id cus_1, field customer_id, value "cus_1": duplicate customer_id',
    );
    expect(error.issues).toHaveLength(2);
    expect(error.name).toBe('CskitValidationError');
    expect(error).toBeInstanceOf(Error);
  });

  it('says when it stopped at the limit', () => {
    const issue = { source: 'x.csv', field: 'f', value: '', reason: 'r' };
    expect(formatIssue(issue)).toBe('x.csv, field f, value "": r');
    expect(new CskitValidationError([issue], { truncated: true }).message).toBe(
      'x.csv, field f, value "": r\n(stopped after 1 issues; there may be more)',
    );
  });
});
