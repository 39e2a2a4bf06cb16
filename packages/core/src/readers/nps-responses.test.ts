import { describe, expect, it } from 'vitest';
import { CskitValidationError } from '../validation/validation-error.js';
import { readNpsResponses } from './nps-responses.js';

describe('readNpsResponses', () => {
  it('reads answers, keeping the row and leaving empty fields out', () => {
    const { records, issues } = readNpsResponses(
      [
        { date: '2024-01-05', score: '9', customer_id: 'c1', respondent_id: 'u1', comment: ' Great support ' },
        { date: '2024-01-06', score: '0', customer_id: '', respondent_id: '', comment: '' },
      ],
      { source: 'nps.csv' },
    );
    expect(issues).toEqual([]);
    expect(records).toEqual([
      { date: '2024-01-05', score: 9, customerId: 'c1', respondentId: 'u1', comment: 'Great support', row: 2 },
      { date: '2024-01-06', score: 0, row: 3 },
    ]);
  });

  it('names the record, field, value and reason of each bad answer', () => {
    const { records, issues } = readNpsResponses(
      [
        { date: '2024-01-05', score: '11', respondent_id: 'u1' },
        { date: '2024-01-05', score: '7.5', customer_id: 'c2' },
        { date: '05/01/2024', score: '7' },
        { date: '', score: '' },
        { date: '2024-01-07', score: '10' },
      ],
      { source: 'nps.csv', onError: 'skip' },
    );
    expect(records.map((r) => r.row)).toEqual([6]);
    expect(issues).toEqual([
      {
        source: 'nps.csv',
        row: 2,
        id: 'u1',
        field: 'score',
        value: '11',
        reason: 'score must be an integer from 0 to 10',
      },
      {
        source: 'nps.csv',
        row: 3,
        id: 'c2',
        field: 'score',
        value: '7.5',
        reason: 'score must be an integer from 0 to 10',
      },
      {
        source: 'nps.csv',
        row: 4,
        field: 'date',
        value: '05/01/2024',
        reason: 'date is not a calendar date YYYY-MM-DD',
      },
      { source: 'nps.csv', row: 5, field: 'date', value: '', reason: 'date is required' },
      { source: 'nps.csv', row: 5, field: 'score', value: '', reason: 'score must be an integer from 0 to 10' },
    ]);
  });

  it('throws one aggregated error by default', () => {
    expect(() => readNpsResponses([{ date: '2024-01-05', score: '-1' }], { source: 'nps.csv' })).toThrow(
      CskitValidationError,
    );
  });
});
