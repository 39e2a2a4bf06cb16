import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '@cskit/core';
import {
  delightedRateLimited,
  DELIGHTED_MOCK_API_KEY,
  demoDelightedAccount,
  demoTypeformAccount,
  demoZendeskAccount,
  TYPEFORM_MOCK_FORM_ID,
  TYPEFORM_MOCK_TOKEN,
} from '@cskit/connectors/mocks';
import { serveDelightedMock, serveTypeformMock, serveZendeskMock, type MockServer } from '@cskit/connectors/mocks/node';
import { runCskit } from './test-support/run-cskit.js';

const subscriptions = fileURLToPath(new URL('../test/fixtures/subscriptions.csv', import.meta.url));
const cskit = (argv: readonly string[], env: Record<string, string> = {}) => runCskit(argv, { env });

let out: string;
let servers: MockServer[];
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'cskit-sync-surveys-'));
  servers = [];
});
afterEach(async () => {
  for (const server of servers) await server.close();
  await rm(out, { recursive: true, force: true });
});

async function serveDelighted(extra: Partial<Parameters<typeof serveDelightedMock>[0]> = {}): Promise<MockServer> {
  const server = await serveDelightedMock({ account: demoDelightedAccount(), ...extra });
  servers.push(server);
  return server;
}

/** March's NPS in the report of the fixture subscriptions with `nps`. */
async function marchNps(nps: string): Promise<Report['months'][number]['nps']> {
  const reported = await cskit(['report', '--subscriptions', subscriptions, '--nps', nps, '--format', 'json']);
  expect(reported.stderr).toBe('');
  return (JSON.parse(reported.stdout) as Report).months.find((month) => month.month === '2024-03')?.nps ?? null;
}

// The demo answers (DEMO_NPS_ANSWERS): 10, 9, 9, 7, 2 from five people in March 2024; 3 promoters,
// 1 detractor of 5: 100 × (3 − 1) ÷ 5 = 40.
const MARCH = { score: 40, responses: 5, promoters: 3, passives: 1, detractors: 1 };

describe('cskit sync delighted', () => {
  it('writes nps.csv, which cskit report reads as it is', async () => {
    const server = await serveDelighted();
    const synced = await cskit(['sync', 'delighted', '--out', out, '--base-url', server.url], {
      DELIGHTED_API_KEY: DELIGHTED_MOCK_API_KEY,
    });
    expect(synced).toEqual({
      code: 0,
      stdout: '',
      stderr: [
        'delighted: page 1: 5 records, 5 so far',
        'delighted: wrote 5 NPS responses',
        `delighted: ${join(out, 'nps.csv')} and ${join(out, 'delighted-sync-state.json')} are up to date`,
        '',
      ].join('\n'),
    });
    expect(await marchNps(join(out, 'nps.csv'))).toEqual(MARCH);
  });

  it('keeps one status line on a terminal', async () => {
    const server = await serveDelighted();
    const synced = await runCskit(['sync', 'delighted', '--out', out, '--base-url', server.url], {
      env: { DELIGHTED_API_KEY: DELIGHTED_MOCK_API_KEY },
      stderrIsTTY: true,
    });
    expect(synced.code).toBe(0);
    expect(synced.stderr.split('\r\x1b[2K').slice(1)).toEqual([
      'delighted: listing · 0 NPS responses · 0 pages · 0 retries',
      'delighted: listing · 5 NPS responses · 1 pages · 0 retries',
      `delighted: done · 5 NPS responses · 1 pages · 0 retries\ndelighted: ${join(out, 'nps.csv')} and ${join(out, 'delighted-sync-state.json')} are up to date\n`,
    ]);
  });

  it('shows the wait of a 429 and goes on', async () => {
    const server = await serveDelighted({
      failures: (origin) => [delightedRateLimited({ baseUrl: origin, retryAfterSeconds: 1 })],
    });
    const synced = await cskit(['sync', 'delighted', '--out', out, '--base-url', server.url], {
      DELIGHTED_API_KEY: DELIGHTED_MOCK_API_KEY,
    });
    expect(synced.code).toBe(0);
    expect(synced.stderr).toMatch(/^delighted: HTTP 429 \(rate limited\), retry 1 in 1\.\d s\n/);
  });

  it('exits 1 on a refused key, naming the variable and never printing the key', async () => {
    const server = await serveDelighted();
    const refused = await cskit(['sync', 'delighted', '--out', out, '--base-url', server.url], {
      DELIGHTED_API_KEY: 'not-the-key-5150',
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'error: Delighted rejected the credential (HTTP 401). Set DELIGHTED_API_KEY to the API key of a Delighted NPS project (Settings > API).\n',
    );
  });

  it('exits 2 without the variable', async () => {
    const missing = await cskit(['sync', 'delighted', '--out', out]);
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "cskit sync: set DELIGHTED_API_KEY: the API key of a Delighted NPS project (Settings > API) (it is read from the environment only)\nRun 'cskit sync --help' for usage.\n",
    });
  });
});

describe('cskit sync typeform', () => {
  const account = demoTypeformAccount;

  it('writes nps.csv from the form’s NPS question', async () => {
    const server = await serveTypeformMock({ account: account() });
    servers.push(server);
    const args = ['sync', 'typeform', '--out', out, '--form', TYPEFORM_MOCK_FORM_ID, '--base-url', server.url];
    const synced = await cskit(args, { TYPEFORM_TOKEN: TYPEFORM_MOCK_TOKEN });
    expect(synced.code).toBe(0);
    expect(synced.stderr).toContain('typeform: wrote 5 NPS responses\n');
    // Oldest first, although Typeform lists newest first; each response is its own respondent (no
    // respondent hidden field); the comment keeps its comma and quotes.
    expect((await readFile(join(out, 'nps.csv'), 'utf8')).split('\n').slice(0, 2)).toEqual([
      'date,score,customer_id,respondent_id,comment,response_id',
      '2024-03-03,10,acme,tok1,"Love it, ""truly""",tok1',
    ]);
    expect(await marchNps(join(out, 'nps.csv'))).toEqual(MARCH);
  });

  it('needs --form, and exits 1 naming TYPEFORM_TOKEN on a refused token', async () => {
    const noForm = await cskit(['sync', 'typeform', '--out', out], { TYPEFORM_TOKEN: 'x' });
    expect(noForm.code).toBe(2);
    expect(noForm.stderr).toContain('cskit sync: missing --form <id> (the end of the form URL, …/to/<id>)\n');
    const server = await serveTypeformMock({ account: account() });
    servers.push(server);
    const refused = await cskit(
      ['sync', 'typeform', '--out', out, '--form', TYPEFORM_MOCK_FORM_ID, '--base-url', server.url],
      {
        TYPEFORM_TOKEN: 'tfp_wrong_4321',
      },
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'Set TYPEFORM_TOKEN to a Typeform personal access token with the responses:read scope.',
    );
    expect(refused.stderr).not.toContain('tfp_wrong_4321');
  });
});

describe('cskit sync rest', () => {
  /** A mapping of Delighted's API written by hand, as a user of a tool cskit does not know would. */
  const mapping = {
    version: 1,
    entity: 'nps',
    request: {
      url: 'https://api.delighted.com/v1/survey_responses.json',
      query: { per_page: '2' },
      auth: { env: 'SURVEY_KEY', scheme: 'basic' },
    },
    records: '$',
    id: 'id',
    fields: {
      date: { path: 'created_at', transform: 'unix-seconds-date' },
      score: 'score',
      customer_id: { path: 'person_properties.customer_id', optional: true },
      respondent_id: 'person',
      comment: 'comment',
    },
    pagination: { type: 'page', param: 'page', size: 2 },
  };

  it('syncs any API a mapping describes: here Delighted’s, in pages of 2, to the same nps.csv', async () => {
    const server = await serveDelighted();
    await cskit(['sync', 'delighted', '--out', join(out, 'builtin'), '--base-url', server.url], {
      DELIGHTED_API_KEY: DELIGHTED_MOCK_API_KEY,
    });
    const config = join(out, 'mapping.json');
    await writeFile(config, JSON.stringify(mapping));
    const synced = await cskit(
      ['sync', 'rest', '--config', config, '--out', join(out, 'rest'), '--base-url', server.url],
      {
        SURVEY_KEY: DELIGHTED_MOCK_API_KEY,
      },
    );
    expect(synced.code).toBe(0);
    expect(synced.stderr.split('\n').slice(0, 4)).toEqual([
      'rest: page 1: 2 records, 2 so far',
      'rest: page 2: 2 records, 4 so far',
      'rest: page 3: 1 records, 5 so far',
      'rest: wrote 5 nps records',
    ]);
    expect(await readFile(join(out, 'rest', 'nps.csv'), 'utf8')).toBe(
      await readFile(join(out, 'builtin', 'nps.csv'), 'utf8'),
    );
  });

  it('lists every mistake of the mapping file and exits 1; names its variable when unset', async () => {
    const config = join(out, 'mapping.json');
    await writeFile(config, JSON.stringify({ ...mapping, records: 'items[', fields: { date: 'created_at' } }));
    const bad = await cskit(['sync', 'rest', '--config', config, '--out', out], { SURVEY_KEY: 'k' });
    expect(bad).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        'cskit sync: mapping.json: not a valid REST mapping: 2 problems:',
        '  records: path "items[", at character 7: expected a key (letters, digits, _, $ or -; quote others as ["…"])',
        '  fields.score: is required for nps',
        '',
      ].join('\n'),
    });
    await writeFile(config, JSON.stringify(mapping));
    const unset = await cskit(['sync', 'rest', '--config', config, '--out', out]);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('cskit sync: set SURVEY_KEY: ');
  });
});

describe('cskit report --csat', () => {
  it('reads the csat.csv of cskit sync zendesk: CSAT per month in JSON, table and CSV', async () => {
    const account = demoZendeskAccount();
    const server = await serveZendeskMock({ account });
    servers.push(server);
    const synced = await cskit(
      ['sync', 'zendesk', '--out', out, '--subdomain', 'cskit-demo', '--base-url', server.url],
      {
        ZENDESK_EMAIL: account.email,
        ZENDESK_API_TOKEN: account.apiToken,
      },
    );
    expect(synced.code).toBe(0);
    const csat = join(out, 'csat.csv');
    const args = ['report', '--subscriptions', subscriptions, '--csat', csat, '--from', '2024-01', '--to', '2024-02'];
    const json = await cskit([...args, '--format', 'json']);
    expect(json.stderr).toBe('');
    // The demo account's ratings, all in January: good (5), bad (1), bad (1) → 1 of 3 satisfied.
    expect((JSON.parse(json.stdout) as Report).months.map((month) => [month.month, month.csat])).toEqual([
      ['2024-01', { score: 1 / 3, responses: 3, satisfied: 1 }],
      ['2024-02', null],
    ]);
    const csv = (await cskit([...args, '--format', 'csv'])).stdout.split('\n');
    expect(csv[0]?.endsWith(',resolution_hours_p90,csat,csat_responses,csat_satisfied')).toBe(true);
    expect(csv[1]?.endsWith(`,${1 / 3},3,1`)).toBe(true);
    expect(csv[2]?.endsWith(',,,')).toBe(true);
    const table = (await cskit([...args, '--format', 'table'])).stdout;
    expect(table).toMatch(/CSAT +CSAT answers\n/);
    expect(table).toMatch(/2024-01 +33\.3% +3\n/);
  });

  it('names a CSAT answer out of range by file, row and field', async () => {
    const csat = join(out, 'csat.csv');
    await writeFile(csat, 'date,score\n2024-01-05,4\n2024-01-06,7\n');
    const reported = await cskit(['report', '--subscriptions', subscriptions, '--csat', csat]);
    expect(reported.code).toBe(1);
    expect(reported.stderr).toContain('csat.csv row 3, field score, value "7": score must be from 1 to 5');
  });
});
