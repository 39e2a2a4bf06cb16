import { describe, expect, it } from 'vitest';
import { readCesResponses, readCsatResponses } from './survey-responses.js';

describe('readCsatResponses and readCesResponses', () => {
  it('read answers with their optional customer and ticket', () => {
    const { records } = readCsatResponses([{ date: '2024-02-01', score: '4', customer_id: 'c1', ticket_id: 't9' }], {
      source: 'csat.csv',
    });
    expect(records).toEqual([{ date: '2024-02-01', score: 4, customerId: 'c1', ticketId: 't9', row: 2 }]);
  });

  it('check the score range of each survey', () => {
    const csat = readCsatResponses(
      [
        { date: '2024-02-01', score: '6' },
        { date: '2024-02-01', score: '0' },
        { date: '2024-02-01', score: '5' },
      ],
      { source: 'csat.csv', onError: 'skip' },
    );
    expect(csat.records.map((r) => r.score)).toEqual([5]);
    expect(csat.issues.map((i) => [i.row, i.value, i.reason])).toEqual([
      [2, '6', 'score must be from 1 to 5'],
      [3, '0', 'score must be from 1 to 5'],
    ]);
    const ces = readCesResponses(
      [
        { date: '2024-02-01', score: '7' },
        { date: '2024-02-01', score: '8' },
      ],
      { source: 'ces.csv', onError: 'skip' },
    );
    expect(ces.records.map((r) => r.score)).toEqual([7]);
    expect(ces.issues).toEqual([
      { source: 'ces.csv', row: 3, field: 'score', value: '8', reason: 'score must be from 1 to 7' },
    ]);
  });
});
