import { readFile } from 'node:fs/promises';
import { buildReport } from '@cskit/core';
import { describe, expect, it } from 'vitest';
import { readSubscriptionLinesCsv } from '../csv/index.js';
import { stripeTestBed } from '../test-support/stripe-test-bed.js';
import { syncStripe } from './sync-stripe.js';

const bed = stripeTestBed('cskit-stripe-history-');

async function syncedLines() {
  const result = await syncStripe({ apiKey: bed.account.apiKey, out: bed.out });
  const text = await readFile(result.files.subscriptions, 'utf8');
  return (await readSubscriptionLinesCsv(text, { source: 'subscriptions.csv' })).records;
}

describe('syncStripe rebuilds history from invoice lines', () => {
  it('cuts an item at each change of price or quantity, and keeps a removed item until its last period', async () => {
    const lines = await syncedLines();
    const seats = lines
      .filter((line) => line.subscriptionId === 'sub_acme_seats')
      .map((line) => [line.lineId, line.plan, line.startDate, line.endDate ?? '', line.amountMinor, line.quantity]);
    expect(seats).toEqual([
      // June's proration lines (8 seats from 15 June) are not history: the change shows from July, the
      // first period billed for 8 seats. October's draft (9 seats) and August's void invoice (7) do not count.
      ['si_seats-v1', 'price_seat_20_usd', '2024-05-01', '2024-07-01', 2000, 5],
      ['si_seats-v2', 'price_seat_20_usd', '2024-07-01', '2024-08-01', 2000, 8],
      ['si_seats-v3', 'price_seat_25_usd', '2024-08-01', '2024-09-01', 2500, 8],
      ['si_seats', 'price_seat_25_usd', '2024-09-01', '', 2500, 6],
      // Removed before August: Stripe no longer lists the item, its invoices still show it.
      ['si_support', 'price_support_15_usd', '2024-05-01', '2024-08-01', 1500, 1],
    ]);
  });

  it('gives expansion and contraction in the months they happened', async () => {
    const lines = (await syncedLines()).filter((line) => line.customerId === 'cus_acme');
    const report = buildReport({ subscriptions: lines }, { currency: 'USD', from: '2024-04', to: '2024-10' });
    const byMonth = report.months.map((m) => [
      m.month,
      m.mrr,
      m.movements.new.mrr,
      m.movements.expansion.mrr,
      m.movements.contraction.mrr,
    ]);
    // sub_acme is 12 × 10.00 = 120.00 throughout (its repeating coupon is not applied).
    expect(byMonth).toEqual([
      ['2024-04', 120, 0, 0, 0],
      // + 5 × 20.00 + 15.00 = 235.00: expansion 115.00.
      ['2024-05', 235, 0, 115, 0],
      // Unchanged: the seats added on 15 June are billed from July.
      ['2024-06', 235, 0, 0, 0],
      // 120 + 8 × 20 + 15 = 295.00: expansion 60.00.
      ['2024-07', 295, 0, 60, 0],
      // 120 + 8 × 25 = 320.00 (price +40.00, support −15.00, netted): expansion 25.00.
      ['2024-08', 320, 0, 25, 0],
      // 120 + 6 × 25 = 270.00: contraction 50.00.
      ['2024-09', 270, 0, 0, 50],
      ['2024-10', 270, 0, 0, 0],
    ]);
  });

  it('reads the lines past the 10 an invoice holds inline, and each old price once', async () => {
    const requests: string[] = [];
    bed.server.events.on('request:start', ({ request }) => requests.push(new URL(request.url).pathname));
    const lines = await syncedLines();
    bed.server.events.removeAllListeners();
    // sub_acme's 3 invoices (15 January to 15 March) have 12 lines each: 2 more per invoice.
    expect(requests.filter((path) => /^\/v1\/invoices\/in_acme_\d+\/lines$/.test(path))).toHaveLength(3);
    // One invoice list per subscription (each fits a page of 100).
    expect(requests.filter((path) => path === '/v1/invoices')).toHaveLength(bed.account.subscriptions.length);
    // The prices no current item has; price_seat_25_usd comes with si_seats.
    expect(requests.filter((path) => path.startsWith('/v1/prices/')).sort()).toEqual([
      '/v1/prices/price_seat_20_usd',
      '/v1/prices/price_support_15_usd',
    ]);
    // An item past the inline ones changed nothing: one line each, as before invoices were read.
    expect(lines.filter((line) => line.lineId?.startsWith('si_acme_1') === true)).toHaveLength(3);
  });

  it('names an invoice line it cannot read by line id and field', async () => {
    const [latest] = bed.account.invoices ?? [];
    const invoice = bed.account.invoices?.find((i) => i.id === 'in_seats_09');
    if (latest === undefined || invoice === undefined) throw new Error('the demo account lost its invoices');
    const [line] = invoice.lines;
    if (line === undefined) throw new Error('in_seats_09 has no line');
    bed.account.invoices = bed.account.invoices?.map((i) =>
      i === invoice ? { ...i, lines: [{ ...line, quantity: null }] } : i,
    );
    await expect(syncStripe({ apiKey: bed.account.apiKey, out: bed.out })).rejects.toMatchObject({
      issues: [{ source: 'stripe', id: 'il_seats_09_1', field: 'quantity' }],
    });
  });
});
