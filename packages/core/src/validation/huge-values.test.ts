import { describe, expect, it } from 'vitest';
import { readCustomers } from '../readers/customers.js';
import { readSubscriptionLines } from '../readers/subscription-lines.js';
import { readTickets } from '../readers/tickets.js';
import { readUsageEvents } from '../readers/usage-events.js';
import { quoteValue } from './quote-value.js';
import { CskitValidationError, formatIssue } from './validation-error.js';

const TEN_MB = 10 * 1024 * 1024;

function issuesOf(read: () => unknown): CskitValidationError {
  try {
    read();
  } catch (error) {
    if (error instanceof CskitValidationError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

// metrics.md §11: error messages quote at most 80 characters of an offending value (then …);
// identifiers longer than 256 characters are validation errors.
describe('huge values (metrics.md §11)', () => {
  it('quotes at most 80 characters of a value, then … and its length', () => {
    expect(quoteValue('abc')).toBe('"abc"');
    expect(quoteValue('x'.repeat(80))).toBe(`"${'x'.repeat(80)}"`);
    expect(quoteValue('x'.repeat(81))).toBe(`"${'x'.repeat(80)}"… (81 characters)`);
    // a surrogate pair is never cut in half: 79 x's and an emoji (2 code units) → the emoji is left out
    expect(quoteValue(`${'x'.repeat(79)}😀tail`)).toBe(`"${'x'.repeat(79)}"… (85 characters)`);
    expect(quoteValue(12)).toBe('12');
    expect(quoteValue(Array(100).fill(1))).toMatch(/^\[1,1,.*… \(201 characters\)$/);
  });

  it('a 10 MB amount is rejected with at most 80 of its characters in the message', () => {
    const error = issuesOf(() =>
      readSubscriptionLines([{ customer_id: 'c1', start_date: '2024-01-01', mrr: '9'.repeat(TEN_MB) }], {
        source: 'subs.csv',
        defaultCurrency: 'USD',
      }),
    );
    expect(error.issues[0]).toMatchObject({ row: 2, field: 'mrr' });
    expect(error.message).toBe(
      `subs.csv row 2, field mrr, value "${'9'.repeat(80)}"… (${TEN_MB} characters): amount too large`,
    );
    expect(formatIssue(error.issues[0] as never).length).toBeLessThan(200);
  });

  it('an identifier longer than 256 characters is an error naming record and field, quickly', () => {
    const started = performance.now();
    const error = issuesOf(() =>
      readSubscriptionLines(
        [
          { customer_id: 'c'.repeat(TEN_MB), start_date: '2024-01-01', mrr: '10' },
          { customer_id: 'c1', line_id: 'L'.repeat(257), start_date: '2024-01-01', mrr: '10' },
          { customer_id: 'c1', subscription_id: 's'.repeat(300), start_date: '2024-01-01', mrr: '10' },
          // exactly 256 characters is accepted
          { customer_id: 'c'.repeat(256), start_date: '2024-01-01', mrr: '10' },
        ],
        { source: 'subs.csv', defaultCurrency: 'USD' },
      ),
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.issues.map((issue) => [issue.row, issue.field, issue.reason])).toEqual([
      [2, 'customer_id', 'customer_id is longer than 256 characters'],
      [3, 'line_id', 'line_id is longer than 256 characters'],
      [4, 'subscription_id', 'subscription_id is longer than 256 characters'],
    ]);
    expect(error.message.length).toBeLessThan(1000);
  });

  it('applies to every reader: customers, tickets, usage', () => {
    const long = 'i'.repeat(257);
    expect(issuesOf(() => readCustomers([{ customer_id: long }], { source: 'customers.csv' })).issues[0]).toMatchObject(
      {
        row: 2,
        field: 'customer_id',
      },
    );
    expect(
      issuesOf(() => readTickets([{ ticket_id: long, created_at: '2024-01-01T00:00:00Z' }], { source: 'tickets.csv' }))
        .issues[0],
    ).toMatchObject({ row: 2, field: 'ticket_id' });
    expect(
      issuesOf(() =>
        readUsageEvents([{ customer_id: 'c1', date: '2024-01-01', name: 'login', user_id: long }], {
          source: 'usage.csv',
        }),
      ).issues[0],
    ).toMatchObject({ row: 2, field: 'user_id' });
  });
});
