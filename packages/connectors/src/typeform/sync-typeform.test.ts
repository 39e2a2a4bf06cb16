import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CskitValidationError, npsByMonth, readNpsResponses } from '@cskit/core';
import { generateSample } from '@cskit/core/sample';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readNpsResponsesCsv } from '../csv/index.js';
import {
  driftTypeformSchema,
  TYPEFORM_MOCK_FORM_ID,
  TYPEFORM_MOCK_ORIGIN,
  typeformAccountFromSample,
  typeformHandlers,
  typeformRateLimited,
  typeformResponse,
  typeformServerError,
  type TypeformMockAccount,
} from '../mocks/index.js';
import { SourceAuthError } from '../sync/source-auth-error.js';
import { syncTypeform, type SyncTypeformOptions } from './sync-typeform.js';

const sample = generateSample({ customers: 400, months: 12, endMonth: '2024-12' });
const server = setupServer();
let account: TypeformMockAccount;
let out: string;
/** The query of every request that reached the API, in order. */
let requests: URLSearchParams[];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(async () => {
  account = typeformAccountFromSample(sample);
  requests = [];
  useHandlers();
  out = await mkdtemp(join(tmpdir(), 'cskit-typeform-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

function useHandlers(options: { inclusiveCursor?: boolean } = {}, ...front: Parameters<typeof server.resetHandlers>) {
  server.resetHandlers(
    http.get(`${TYPEFORM_MOCK_ORIGIN}/forms/:formId/responses`, ({ request }) => {
      requests.push(new URL(request.url).searchParams);
    }),
    ...front,
    ...typeformHandlers(account, options),
  );
}

function sync(options: Partial<SyncTypeformOptions> = {}) {
  return syncTypeform({
    token: account.token,
    formId: TYPEFORM_MOCK_FORM_ID,
    out,
    pageSize: 50,
    retry: { initialDelayMs: 5 },
    ...options,
  });
}

const npsFile = (dir = out): Promise<string> => readFile(join(dir, 'nps.csv'), 'utf8');
const oneResponse = (overrides: Partial<Parameters<typeof typeformResponse>[0]> = {}) =>
  typeformResponse({ token: 'tok1', score: 8, submittedAt: '2024-06-30T23:30:00Z', customerId: 'acme', ...overrides });

describe('syncTypeform on the sample company', () => {
  it('pages back with before = the last token, and gives the sample’s NPS per month', async () => {
    const responses = account.forms[TYPEFORM_MOCK_FORM_ID]?.length ?? 0;
    const result = await sync();
    // Pages of 50 until a shorter one (or an empty one, when the count divides by 50).
    const pages = Math.ceil(responses / 50) + (responses % 50 === 0 ? 1 : 0);
    expect(result).toMatchObject({ records: responses, duplicates: 0, pages });
    expect(requests[0]?.get('before')).toBeNull();
    expect(requests.slice(1).every((query) => /^r\d{6}tf$/.test(query.get('before') ?? ''))).toBe(true);
    expect(requests[0]?.get('response_type')).toBe('completed');
    const synced = (await readNpsResponsesCsv(await npsFile(), { source: 'nps.csv' })).records;
    const own = readNpsResponses(sample.nps, { source: 'nps' }).records;
    // The respondent ids come back from the hidden field, so a person who answered twice in a month
    // counts once, as in the sample's own NPS.
    const months = { from: '2024-01', to: '2024-12' };
    expect(npsByMonth(synced, months)).toEqual(npsByMonth(own, months));
    expect(npsByMonth(synced, months).filter((month) => month !== null)).toHaveLength(12);
  });

  it('takes the respondent from a hidden field, else each response is its own respondent', async () => {
    // Two answers of one person and one of a colleague at the same customer, in June.
    account.forms[TYPEFORM_MOCK_FORM_ID] = [
      oneResponse({ token: 't1', score: 2, submittedAt: '2024-06-01T10:00:00Z', respondentId: 'ann' }),
      oneResponse({ token: 't2', score: 10, submittedAt: '2024-06-02T10:00:00Z', respondentId: 'ann' }),
      oneResponse({ token: 't3', score: 9, submittedAt: '2024-06-03T10:00:00Z' }),
    ];
    await sync();
    const synced = (await readNpsResponsesCsv(await npsFile(), { source: 'nps.csv' })).records;
    // Ann counts once (her latest, 10) and t3 is its own respondent: 2 promoters of 2 → 100. Keyed by the
    // customer alone, only acme's latest answer would count.
    expect(npsByMonth(synced, { from: '2024-06', to: '2024-06' })).toEqual([
      { score: 100, responses: 2, promoters: 2, passives: 0, detractors: 0 },
    ]);
  });

  it('maps the date in the time zone, the hidden customer id and the long-text comment', async () => {
    account.forms[TYPEFORM_MOCK_FORM_ID] = [oneResponse({ comment: 'Great, "really"' })];
    // 23:30 UTC on 30 June is 1 July in Berlin (UTC+2).
    await sync({ timeZone: 'Europe/Berlin' });
    expect(await npsFile()).toBe(
      'date,score,customer_id,respondent_id,comment,response_id\n2024-07-01,8,acme,tok1,"Great, ""really""",tok1\n',
    );
  });

  it('reads an older form’s opinion_scale question, or the question named by ref', async () => {
    account.forms[TYPEFORM_MOCK_FORM_ID] = [oneResponse({ fieldType: 'opinion_scale', score: 3 })];
    await sync();
    expect((await npsFile()).split('\n')[1]).toBe('2024-06-30,3,acme,tok1,,tok1');
    await expect(sync({ fieldRef: 'another_question', out: join(out, 'ref') })).rejects.toThrow(
      'typeform id tok1, field score, value "": the record has no answers[field.ref="another_question"].number',
    );
  });
});

describe('syncTypeform: failures', () => {
  it('keeps responses repeated by an inclusive cursor once', async () => {
    const whole = await sync();
    const file = await npsFile();
    useHandlers({ inclusiveCursor: true });
    const repeated = await sync();
    expect(repeated.duplicates).toBeGreaterThan(0);
    expect(repeated.records).toBe(whole.records);
    expect(await npsFile()).toBe(file);
  });

  it('retries 429 after Retry-After and 5xx', async () => {
    useHandlers({}, typeformRateLimited({ retryAfterSeconds: 1 }), typeformServerError({ times: 1 }));
    const reasons: string[] = [];
    const result = await sync({ onProgress: (e) => (e.type === 'retry' ? reasons.push(e.reason) : undefined) });
    expect(reasons).toEqual(['HTTP 429 (rate limited)', 'HTTP 502']);
    expect(result.records).toBe(account.forms[TYPEFORM_MOCK_FORM_ID]?.length);
  });

  it('throws SourceAuthError on a wrong token', async () => {
    const error: unknown = await sync({ token: 'tfp_wrong' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceAuthError);
    expect((error as Error).message).toBe('Typeform rejected the API key (HTTP 401): it is not a valid key');
  });

  it('ignores new fields, and names a response without submitted_at or without its NPS answer', async () => {
    await sync();
    const before = await npsFile();
    driftTypeformSchema(account, TYPEFORM_MOCK_FORM_ID);
    await sync({ out: join(out, 'drifted') });
    expect(await npsFile(join(out, 'drifted'))).toBe(before);

    driftTypeformSchema(account, TYPEFORM_MOCK_FORM_ID, { remove: { token: 'r000010tf', field: 'answer' } });
    driftTypeformSchema(account, TYPEFORM_MOCK_FORM_ID, { remove: { token: 'r000011tf', field: 'submitted_at' } });
    const error: unknown = await sync({ out: join(out, 'broken'), pageSize: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CskitValidationError);
    expect((error as CskitValidationError).issues.map(({ id, field }) => `${id} ${field}`).sort()).toEqual([
      'r000010tf score',
      'r000011tf date',
    ]);
  });
});
