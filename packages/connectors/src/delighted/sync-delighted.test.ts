import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CskitValidationError, npsByMonth, readNpsResponses } from '@cskit/core';
import { generateSample, toCsv, SAMPLE_COLUMNS } from '@cskit/core/sample';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readNpsResponsesCsv } from '../csv/index.js';
import {
  DELIGHTED_MOCK_ORIGIN,
  delightedAccountFromSample,
  delightedHandlers,
  delightedRateLimited,
  delightedResponse,
  delightedServerError,
  driftDelightedSchema,
  type DelightedMockAccount,
} from '../mocks/index.js';
import { SourceAuthError } from '../sync/source-auth-error.js';
import { syncDelighted, type SyncDelightedOptions } from './sync-delighted.js';

const sample = generateSample({ customers: 400, months: 12, endMonth: '2024-12' });
const server = setupServer();
let account: DelightedMockAccount;
let out: string;
/** The query of every request that reached the API, in order. */
let requests: URLSearchParams[];
const URL_PATTERN = `${DELIGHTED_MOCK_ORIGIN}/v1/survey_responses.json`;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(async () => {
  account = delightedAccountFromSample(sample);
  requests = [];
  useHandlers();
  out = await mkdtemp(join(tmpdir(), 'cskit-delighted-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

function useHandlers(options: { overlap?: boolean } = {}, ...front: Parameters<typeof server.resetHandlers>) {
  server.resetHandlers(
    http.get(URL_PATTERN, ({ request }) => {
      requests.push(new URL(request.url).searchParams);
    }),
    ...front,
    ...delightedHandlers(account, options),
  );
}

function sync(options: Partial<SyncDelightedOptions> = {}) {
  return syncDelighted({ apiKey: account.apiKey, out, retry: { initialDelayMs: 5 }, ...options });
}

const npsFile = (): Promise<string> => readFile(join(out, 'nps.csv'), 'utf8');

describe('syncDelighted on the sample company', () => {
  it('writes the sample’s NPS answers, page by page, as nps.csv with the response ids', async () => {
    const responses = account.responses.length;
    expect(responses).toBeGreaterThan(150);
    const result = await sync();
    // 100 per page: the full pages, then the rest (one more, empty, request when it divides evenly).
    const pages = Math.floor(responses / 100) + 1;
    expect(result).toMatchObject({ records: responses, duplicates: 0, pages, resumed: false });
    expect(requests.map((query) => [query.get('page'), query.get('per_page')])).toEqual(
      Array.from({ length: pages }, (_, i) => [String(i + 1), '100']),
    );
    // The mock holds the answers oldest first, in the sample's order within a day, at noon UTC.
    const expected = sample.nps
      .map((row, i) => ({ row, i }))
      .sort((a, b) => a.row.date.localeCompare(b.row.date) || a.i - b.i)
      .map(({ row }, n) => ({ ...row, response_id: String(n + 1) }));
    expect(await npsFile()).toBe(toCsv(expected, { columns: [...SAMPLE_COLUMNS.nps, 'response_id'] }));
  });

  it('gives the sample’s NPS per month when read back as cskit report reads it', async () => {
    await sync();
    const synced = (await readNpsResponsesCsv(await npsFile(), { source: 'nps.csv' })).records;
    const own = readNpsResponses(sample.nps, { source: 'nps' }).records;
    const months = { from: '2024-01', to: '2024-12' };
    expect(npsByMonth(synced, months)).toEqual(npsByMonth(own, months));
  });

  it('names a person property other than customer_id when asked', async () => {
    account.responses = [
      {
        ...delightedResponse({ id: '1', person: 'p1', score: 9, createdAt: '2024-03-01T10:00:00Z' }),
        person_properties: { 'Customer ID': 'acme' },
      },
    ];
    await sync({ customerProperty: 'Customer ID' });
    expect(await npsFile()).toBe('date,score,customer_id,respondent_id,comment,response_id\n2024-03-01,9,acme,p1,,1\n');
  });
});

describe('syncDelighted: failures', () => {
  it('keeps a response listed twice (pages that overlap, as an inclusive cursor gives) once', async () => {
    const whole = await sync();
    const file = await npsFile();
    useHandlers({ overlap: true });
    const overlapping = await sync();
    expect(overlapping.duplicates).toBe(whole.pages - 1);
    expect(overlapping.records).toBe(whole.records);
    expect(await npsFile()).toBe(file);
  });

  it('waits as Retry-After asks on 429 and retries 5xx', async () => {
    useHandlers({}, delightedRateLimited({ retryAfterSeconds: 1, times: 1 }), delightedServerError({ times: 2 }));
    const waits: number[] = [];
    const started = Date.now();
    const result = await sync({
      onProgress: (event) => (event.type === 'retry' ? waits.push(event.waitMs) : undefined),
    });
    expect(result.records).toBe(account.responses.length);
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('throws SourceAuthError on 401 without writing anything, and never quotes the key', async () => {
    const error: unknown = await sync({ apiKey: 'wrong-key-123' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceAuthError);
    expect((error as SourceAuthError).status).toBe(401);
    expect(String(error)).not.toContain('wrong-key-123');
    expect(await readdir(out)).toEqual([]);
  });

  it('ignores fields Delighted adds, and names a response that lost its score by id', async () => {
    driftDelightedSchema(account);
    await sync();
    const drifted = await npsFile();
    account = delightedAccountFromSample(sample);
    useHandlers();
    await rm(out, { recursive: true });
    await sync();
    expect(drifted).toBe(await npsFile());

    driftDelightedSchema(account, { remove: { id: '150', field: 'score' } });
    const fresh = join(out, 'fresh');
    const error: unknown = await sync({ out: fresh }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CskitValidationError);
    expect((error as CskitValidationError).issues).toEqual([
      { source: 'delighted', id: '150', field: 'score', value: '', reason: 'the record has no score' },
    ]);
  });

  it('names a response of another survey type, and one core rejects, by id', async () => {
    account.responses = [
      delightedResponse({ id: '1', person: 'p1', score: 4, createdAt: '2024-03-01T10:00:00Z', surveyType: 'csat' }),
      delightedResponse({ id: '2', person: 'p2', score: 11, createdAt: '2024-03-01T10:00:00Z' }),
    ];
    await expect(sync()).rejects.toThrow('delighted id 1, field survey_type, value "csat": must be "nps"');
    account.responses = account.responses.slice(1);
    await expect(sync()).rejects.toThrow(
      'delighted id 2, field score, value "11": score must be an integer from 0 to 10',
    );
  });
});
