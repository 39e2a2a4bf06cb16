import { Readable } from 'node:stream';
import {
  BILLING_INTERVALS,
  CskitValidationError,
  type ReadResult,
  type SubscriptionLine,
  readCustomers,
  readFxRates,
  readNpsResponses,
  readSubscriptionLines,
  readTickets,
} from '@cskit/core';
import { generateSample, sampleToCsv } from '@cskit/core/sample';
import { describe, expect, it } from 'vitest';
import {
  readCesResponsesCsv,
  readChurnReasonsCsv,
  readCsatResponsesCsv,
  readCsCostsCsv,
  readCustomersCsv,
  readFxRatesCsv,
  readNpsResponsesCsv,
  readSubscriptionColumnsCsv,
  readSubscriptionLinesCsv,
  readTicketsCsv,
  readUsageEventsCsv,
} from './canonical-files.js';

const source = 'subs.csv';

async function rejection(promise: Promise<unknown>): Promise<CskitValidationError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CskitValidationError))
    throw new Error(`expected a CskitValidationError, got ${String(error)}`);
  return error;
}

/** The fields of a line both subscription readers give (columns hold no line_id, subscription_id or plan). */
type HeldLine = Pick<SubscriptionLine, 'customerId' | 'amountMinor' | 'quantity' | 'interval' | 'currency' | 'row'>;

/** readSubscriptionColumnsCsv, its columns read back line by line, so every test below runs through both paths. */
async function readViaColumnsCsv(
  ...args: Parameters<typeof readSubscriptionColumnsCsv>
): Promise<ReadResult<HeldLine>> {
  const { columns: c, issues } = await readSubscriptionColumnsCsv(...args);
  const records: HeldLine[] = [];
  for (let i = 0; i < c.length; i++) {
    records.push({
      customerId: c.customerIds[c.customer[i] as number] as string,
      amountMinor: c.amountMinor[i] as number,
      quantity: c.quantity[i] as number,
      interval: BILLING_INTERVALS[c.interval[i] as number] as SubscriptionLine['interval'],
      currency: c.currencies[c.currency[i] as number] as string,
      row: c.row?.[i] as number,
    });
  }
  return { records, issues };
}

describe.each<{
  path: string;
  readSubscriptionLinesCsv: (...args: Parameters<typeof readSubscriptionLinesCsv>) => Promise<ReadResult<HeldLine>>;
}>([
  { path: 'readSubscriptionLinesCsv', readSubscriptionLinesCsv },
  { path: 'readSubscriptionColumnsCsv', readSubscriptionLinesCsv: readViaColumnsCsv },
])('$path', ({ readSubscriptionLinesCsv }) => {
  const csv = [
    'line_id,customer_id,start_date,end_date,amount,interval,quantity,currency',
    'L1,acme,2024-01-01,,"1,200.00",year,1,USD', // a thousands separator is not a decimal: an issue
    'L2,acme,2024-01-01,,100.00,month,2,USD',
    '',
    'L3,"Smith, Lee",2024-02-01,2024-03-01,50.00,month,1,USD',
    'L4,globex,2024-02-01,,-5.00,month,1,USD',
    'L5,globex,2024-02-01',
    'L2,initech,2024-03-01,,10.00,month,1,USD',
  ].join('\r\n');

  it('types the good lines and names the bad ones by file row, field, value and reason', async () => {
    const result = await readSubscriptionLinesCsv(csv, { source, onError: 'skip' });
    // Rows 3 and 5 are L2 and L3 (columns hold no line_id).
    expect(result.records.map((l) => [l.customerId, l.amountMinor, l.quantity, l.row])).toEqual([
      ['acme', 10000, 2, 3],
      ['Smith, Lee', 5000, 1, 5],
    ]);
    expect(result.issues).toEqual([
      {
        source,
        row: 2,
        id: 'L1',
        field: 'amount',
        value: '1,200.00',
        reason: 'not a decimal number (expected e.g. 49.00)',
      },
      { source, row: 6, id: 'L4', field: 'amount', value: '-5.00', reason: 'amounts cannot be negative' },
      {
        source,
        row: 7,
        field: 'end_date',
        value: '',
        reason: 'the row has 3 fields but the header has 8: a value or a comma is missing',
      },
      // Row 4 is blank: the first L2 is still row 3.
      { source, row: 8, id: 'L2', field: 'line_id', value: 'L2', reason: 'duplicate line_id (first in row 3)' },
    ]);
  });

  it('throws every issue at once by default, one line each', async () => {
    const error = await rejection(readSubscriptionLinesCsv(csv, { source }));
    expect(error.message.split('\n')).toEqual([
      'subs.csv row 2, field amount, value "1,200.00": not a decimal number (expected e.g. 49.00)',
      'subs.csv row 6, field amount, value "-5.00": amounts cannot be negative',
      'subs.csv row 7, field end_date, value "": the row has 3 fields but the header has 8: a value or a comma is missing',
      'subs.csv row 8, field line_id, value "L2": duplicate line_id (first in row 3)',
    ]);
  });

  it('stops at the issue limit, counting malformed rows and invalid values alike', async () => {
    const error = await rejection(readSubscriptionLinesCsv(csv, { source, onError: 'skip', limit: 3 }));
    expect(error.truncated).toBe(true);
    expect(error.issues.map((i) => i.row)).toEqual([2, 6, 7]);
    const early = await rejection(readSubscriptionLinesCsv(csv, { source, limit: 1 }));
    expect(early.issues.map((i) => i.row)).toEqual([2]);
  });

  it('reads the same from a stream of byte chunks as from a string', async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${csv}`);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 5) }, (_, i) => bytes.slice(i * 5, i * 5 + 5));
    const streamed = await readSubscriptionLinesCsv(Readable.from(chunks), { source, onError: 'skip' });
    expect(streamed).toEqual(await readSubscriptionLinesCsv(csv, { source, onError: 'skip' }));
  });

  it('reports a required column missing from the header once, whatever onError says', async () => {
    const error = await rejection(
      readSubscriptionLinesCsv('customer_id,amount\nacme,10.00\nglobex,20.00\n', { source, onError: 'skip' }),
    );
    expect(error.message.split('\n')).toEqual([
      'subs.csv row 1, field start_date, value "": the header has no such column, and every row needs it',
      'subs.csv row 1, field interval, value "": the header has an amount column but no interval column',
    ]);
  });

  it('accepts lines priced with mrr instead of amount and interval', async () => {
    const result = await readSubscriptionLinesCsv('customer_id,start_date,mrr\n1,2018-11-01,50\n', {
      source,
      defaultCurrency: 'USD',
    });
    expect(result.records).toEqual([
      expect.objectContaining({ customerId: '1', amountMinor: 5000, interval: 'month', currency: 'USD', row: 2 }),
    ]);
  });

  it('reports an empty file', async () => {
    const error = await rejection(readSubscriptionLinesCsv('', { source }));
    expect(error.message).toBe('subs.csv row 1, field (row), value "": the file is empty: a header row is required');
  });
});

describe('the other canonical files', () => {
  it('reads customers, unknown columns becoming attributes', async () => {
    const csv = 'customer_id,name,created_at,industry,owner\nacme,"Acme, Inc.",2024-01-05,Software,\n';
    const { records } = await readCustomersCsv(csv, { source: 'customers.csv' });
    expect(records).toEqual([
      { customerId: 'acme', name: 'Acme, Inc.', createdAt: '2024-01-05', attributes: { industry: 'Software' } },
    ]);
  });

  it('reads FX rates', async () => {
    const { records } = await readFxRatesCsv('date,currency,rate\n2024-01-01,EUR,1.0850\n', { source: 'fx.csv' });
    expect(records).toEqual([{ date: '2024-01-01', currency: 'EUR', rate: 1.085 }]);
  });

  it('reads NPS responses and names an out-of-range score', async () => {
    const csv = 'date,score,customer_id,comment\n2024-01-05,9,acme,"Great, thanks"\n2024-01-06,11,globex,\n';
    const result = await readNpsResponsesCsv(csv, { source: 'nps.csv', onError: 'skip' });
    expect(result.records).toEqual([
      { date: '2024-01-05', score: 9, customerId: 'acme', comment: 'Great, thanks', row: 2 },
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({ source: 'nps.csv', row: 3, field: 'score', value: '11' }),
    ]);
  });

  it('reads tickets, timestamps without offset in the given time zone', async () => {
    const csv =
      'ticket_id,customer_id,created_at,first_response_at\nT1,acme,2024-01-05T23:30:00,2024-01-06T00:10:00Z\n';
    const { records } = await readTicketsCsv(csv, { source: 'tickets.csv', timeZone: 'Europe/Berlin' });
    expect(records).toEqual([
      expect.objectContaining({
        ticketId: 'T1',
        createdDate: '2024-01-05',
        // 23:30 in Berlin (UTC+1 in January) is 22:30 UTC; the first response came 100 minutes later.
        createdAt: Date.UTC(2024, 0, 5, 22, 30),
        firstResponseAt: Date.UTC(2024, 0, 6, 0, 10),
        row: 2,
      }),
    ]);
  });

  it('requires the columns every row needs', async () => {
    const error = await rejection(readTicketsCsv('ticket_id,customer_id\nT1,acme\n', { source: 'tickets.csv' }));
    expect(error.issues).toEqual([
      {
        source: 'tickets.csv',
        row: 1,
        field: 'created_at',
        value: '',
        reason: 'the header has no such column, and every row needs it',
      },
    ]);
  });
});

describe('the usage, churn-reason, CS-cost and survey files', () => {
  const messages = async (promise: Promise<unknown>): Promise<string[]> =>
    (await rejection(promise)).message.split('\n');

  it('reads usage events, value 1 when empty, and names a negative value', async () => {
    const csv = 'customer_id,date,name,value,user_id\nacme,2024-06-30,login,,u1\nacme,2024-06-29,"export, pdf",2.5,\n';
    const { records } = await readUsageEventsCsv(csv, { source: 'usage.csv' });
    expect(records).toEqual([
      { customerId: 'acme', date: '2024-06-30', name: 'login', value: 1, userId: 'u1', row: 2 },
      { customerId: 'acme', date: '2024-06-29', name: 'export, pdf', value: 2.5, row: 3 },
    ]);
    expect(
      await messages(readUsageEventsCsv(`${csv}globex,2024-06-30,login,-1,u9\n`, { source: 'usage.csv' })),
    ).toEqual(['usage.csv row 4, field value, value "-1": value must be a non-negative number']);
  });

  it('requires the usage columns every row needs', async () => {
    expect(await messages(readUsageEventsCsv('customer_id,date\nacme,2024-01-01\n', { source: 'usage.csv' }))).toEqual([
      'usage.csv row 1, field name, value "": the header has no such column, and every row needs it',
    ]);
  });

  it('reads churn reasons and names a voluntary flag that is not a boolean', async () => {
    const csv = 'customer_id,date,reason,voluntary,comment\nglobex,2024-03-10,price,yes,"Too expensive, they said"\n';
    const { records } = await readChurnReasonsCsv(csv, { source: 'churn.csv' });
    expect(records).toEqual([
      {
        customerId: 'globex',
        date: '2024-03-10',
        reason: 'price',
        voluntary: true,
        comment: 'Too expensive, they said',
        row: 2,
      },
    ]);
    expect(
      await messages(readChurnReasonsCsv(`${csv}initech,2024-04-01,merger,maybe,\n`, { source: 'churn.csv' })),
    ).toEqual(['churn.csv row 3, field voluntary, value "maybe": voluntary must be true/false, 1/0 or yes/no']);
  });

  it("reads CS costs exactly into minor units, an empty currency taking the file's, and names extra decimals", async () => {
    const csv = 'month,amount,currency,category\n2024-01,1200.00,USD,salaries\n2024-01,99.5,,tools\n';
    const { records } = await readCsCostsCsv(csv, { source: 'costs.csv' });
    expect(records).toEqual([
      { month: '2024-01', amountMinor: 120000, currency: 'USD', category: 'salaries', row: 2 },
      { month: '2024-01', amountMinor: 9950, currency: 'USD', category: 'tools', row: 3 },
    ]);
    expect(await messages(readCsCostsCsv(`${csv}2024-02,12.345,USD,tools\n`, { source: 'costs.csv' }))).toEqual([
      'costs.csv row 4, field amount, value "12.345": more decimals than USD allows (2)',
    ]);
  });

  it('reads CSAT answers and names a score above 5', async () => {
    const csv = 'date,score,customer_id,ticket_id\n2024-01-05,5,acme,T1\n';
    const { records } = await readCsatResponsesCsv(csv, { source: 'csat.csv' });
    expect(records).toEqual([{ date: '2024-01-05', score: 5, customerId: 'acme', ticketId: 'T1', row: 2 }]);
    expect(await messages(readCsatResponsesCsv(`${csv}2024-01-06,6,globex,T2\n`, { source: 'csat.csv' }))).toEqual([
      'csat.csv row 3, field score, value "6": score must be from 1 to 5',
    ]);
  });

  it('reads CES answers and names a score that is not an integer', async () => {
    const csv = 'date,score,customer_id,ticket_id\n2024-01-05,7,acme,\n';
    const { records } = await readCesResponsesCsv(csv, { source: 'ces.csv' });
    expect(records).toEqual([{ date: '2024-01-05', score: 7, customerId: 'acme', row: 2 }]);
    expect(await messages(readCesResponsesCsv(`${csv}2024-01-06,3.5,globex,\n`, { source: 'ces.csv' }))).toEqual([
      'ces.csv row 3, field score, value "3.5": score must be an integer from 1 to 7',
    ]);
  });
});

describe('the sample company written as CSV', () => {
  const sample = generateSample({ customers: 300, seed: 7 });
  const files = sampleToCsv(sample, { newline: '\r\n' });

  it('reads back to exactly the records core reads from the sample itself', async () => {
    const options = (source: string) => ({ source });
    expect(await readSubscriptionLinesCsv(files.subscriptions, options('s'))).toEqual(
      readSubscriptionLines(sample.subscriptions, options('s')),
    );
    expect(await readCustomersCsv(files.customers, options('c'))).toEqual(
      readCustomers(sample.customers, options('c')),
    );
    expect(await readFxRatesCsv(files.fx, options('f'))).toEqual(readFxRates(sample.fx, options('f')));
    expect(await readNpsResponsesCsv(files.nps, options('n'))).toEqual(readNpsResponses(sample.nps, options('n')));
    expect(await readTicketsCsv(files.tickets, options('t'))).toEqual(readTickets(sample.tickets, options('t')));
  });
});
