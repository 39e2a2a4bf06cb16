import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcome, readSettings, readWithPapaparse, subscriptionsCsv } from '../test-support/subscriptions-csv.js';
import { readSubscriptionColumnsFromBytes } from './subscription-columns-csv.js';

/** Byte chunks of `text` cut at the given offsets (a character or a CRLF may be split). */
function byteChunks(text: string, cuts: readonly number[]): Readable {
  const bytes = new TextEncoder().encode(text);
  const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...at, bytes.length]) {
    if (cut > from) chunks.push(bytes.slice(from, cut));
    from = Math.max(from, cut);
  }
  return Readable.from(chunks);
}

describe('readSubscriptionColumnsFromBytes against the papaparse reader', () => {
  it('gives the same lines, issues and errors on random CSVs, whole or in random byte chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        subscriptionsCsv,
        readSettings,
        fc.array(fc.nat(), { maxLength: 6 }),
        async (text, options, cuts) => {
          const expected = await outcome(() => readWithPapaparse(text, options));
          expect(await outcome(() => readSubscriptionColumnsFromBytes(text, options))).toEqual(expected);
          expect(await outcome(() => readSubscriptionColumnsFromBytes(byteChunks(text, cuts), options))).toEqual(
            expected,
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the same issues for a 1 MB id and a 1 MB amount (no text is made from their bytes by spreading)', async () => {
    const big = 2 ** 20;
    const text = `customer_id,start_date,amount,interval,currency\n${'c'.repeat(big)},2024-01-01,10.00,month,USD\nacme,2024-01-01,${'9'.repeat(big)},month,USD\n`;
    const options = { source: 'subs.csv', onError: 'skip' as const };
    const expected = await outcome(() => readWithPapaparse(text, options));
    expect((expected as { issues: { reason: string }[] }).issues.map((issue) => issue.reason)).toEqual([
      'customer_id is longer than 256 characters',
      'amount too large',
    ]);
    expect(await outcome(() => readSubscriptionColumnsFromBytes(text, options))).toEqual(expected);
  });
});
