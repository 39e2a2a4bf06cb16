import { execFile, execFileSync, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '@cskit/core/sample';
import {
  delightedAccountFromSample,
  generatedHubSpotAccount,
  generatedStripeAccount,
  generatedZendeskAccount,
  recordStripeEvent,
} from '@cskit/connectors/mocks';
import {
  serveDelightedMock,
  serveHubSpotMock,
  serveStripeMock,
  serveZendeskMock,
  type MockServer,
} from '@cskit/connectors/mocks/node';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const subscriptions = fileURLToPath(new URL('../test/fixtures/subscriptions.csv', import.meta.url));

/** Runs the built command in a child process, as a user's shell would. */
async function spawnCskit(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// The test task does not depend on this package's own build, so the test builds what it runs.
beforeAll(() => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: packageDir, stdio: 'pipe' });
}, 60_000);

describe('the built cskit bin', () => {
  it('prints a report and exits 0', async () => {
    const { code, stdout, stderr } = await spawnCskit(['report', '--subscriptions', subscriptions, '--format', 'csv']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n')[3]?.startsWith('2024-03,USD,220,2640,2,110,')).toBe(true);
  });

  it('prints JSON when its output is a pipe', async () => {
    const { stdout } = await spawnCskit(['report', '--subscriptions', subscriptions]);
    expect((JSON.parse(stdout) as { months: unknown[] }).months).toHaveLength(3);
  });

  it('prints health scores and exits 0', async () => {
    const { code, stdout, stderr } = await spawnCskit(['health', '--subscriptions', subscriptions, '--format', 'csv']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    // 2024-03-31: acme and initech are active; globex ended on 2024-03-10.
    expect(stdout.split('\n').map((line) => line.split(',')[0])).toEqual(['customer_id', 'acme', 'initech', '']);
  });

  it('exits with the status of the run: 2 for bad usage', async () => {
    const { code, stdout, stderr } = await spawnCskit(['report', '--subscriptions', subscriptions, '--from', 'May']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      'cskit report: --from must be a month as YYYY-MM, got "May"\nRun \'cskit report --help\' for usage.\n',
    );
  });
});

/** When a sync's child process gets SIGKILL: at its `killAt`-th request, or `killAfterMs` after its first. */
interface KillPlan {
  readonly killAt?: number;
  readonly killAfterMs?: number;
}

/**
 * Runs `cskit sync <args>` in a child process with `env` added, killing it as `kill` plans. `watch`
 * receives the function the mock server must call on every request it answers.
 */
function runSync(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  kill: KillPlan,
  watch: (onRequest: () => void) => void,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, 'sync', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let seen = 0;
  let timer: NodeJS.Timeout | undefined;
  watch(() => {
    seen += 1;
    if (seen === kill.killAt) child.kill('SIGKILL');
    // Timed from the first request, not from spawn, so a slow start cannot use up the delay.
    if (seen === 1 && kill.killAfterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), kill.killAfterMs);
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    }),
  );
}

/**
 * A sync whose child process the mock server can kill: pass `onRequest` to the mock (it calls it on every
 * request it answers) and run `sync(out, kill)`. `args` is called on each run, after the server is up.
 */
function killableSync(
  args: (out: string) => readonly string[],
  env: Readonly<Record<string, string>>,
): { onRequest: () => void; sync: (out: string, kill?: KillPlan) => ReturnType<typeof runSync> } {
  let watcher: (() => void) | undefined;
  return {
    onRequest: () => watcher?.(),
    sync: (out, kill = {}) =>
      runSync(args(out), env, kill, (watch) => {
        watcher = watch;
      }),
  };
}

/** Reads `files` of a sync's directory, in order, for comparing two runs byte for byte. */
const filesOf =
  (files: readonly string[]) =>
  (dir: string): Promise<string[]> =>
    Promise.all(files.map((file) => readFile(join(dir, file), 'utf8')));

/**
 * Kills `sync` as each plan says (a list of `killAt` requests in a row, then a kill `killAfterMs` after
 * the first request), runs it again to the end each time, and expects `read` of its output to equal
 * `expected`, and a resumed run to say so when a kill came after the first request.
 */
async function expectKilledRunsToMatch(options: {
  readonly source: string;
  readonly root: string;
  readonly sync: (out: string, kill?: KillPlan) => ReturnType<typeof runSync>;
  readonly read: (dir: string) => Promise<string[]>;
  readonly expected: readonly string[];
  readonly plans: readonly (readonly number[])[];
  readonly timedKills: readonly number[];
}): Promise<void> {
  const { root, sync, read, expected } = options;
  for (const [index, kills] of options.plans.entries()) {
    const out = join(root, `killed-${index}`);
    for (const killAt of kills) expect((await sync(out, { killAt })).signal).toBe('SIGKILL');
    const resumed = await sync(out);
    expect(resumed.code).toBe(0);
    if (kills.some((killAt) => killAt > 1)) {
      expect(resumed.stderr).toContain(`${options.source}: resuming the interrupted sync from its last checkpoint`);
    }
    expect(await read(out)).toEqual(expected);
  }
  const timed: string[] = [];
  for (const killAfterMs of options.timedKills) {
    const out = join(root, `timed-${killAfterMs}`);
    timed.push((await sync(out, { killAfterMs })).signal ?? 'finished');
    expect((await sync(out)).code).toBe(0);
    expect(await read(out)).toEqual(expected);
  }
  // The requests alone take longer than the latest kill, so every run was killed midway.
  expect(timed).toEqual(options.timedKills.map(() => 'SIGKILL'));
}

describe('cskit sync stripe killed with SIGKILL and run again', () => {
  const account = generatedStripeAccount({ customers: 250 });
  let server: MockServer;
  let root: string;
  const read = filesOf(['customers.csv', 'subscriptions.csv', 'stripe-sync-state.json']);
  /** The files of an uninterrupted sync. */
  let expected: string[] = [];

  // Timeouts in minutes: each cskit process takes seconds on CPUs shared with other suites.
  beforeAll(async () => {
    // The newest event, 250 customers in pages of 100, 250 subscriptions (36 with 12 items, paged) and
    // their invoices (one list each): 1 + 3 + 3 + 36 + 250 = 293 requests in all. Each answer waits 4 ms,
    // so a sync spends at least 293 × 4 = 1172 ms on requests.
    server = await serveStripeMock({ account, delayMs: 4, onRequest });
    root = await mkdtemp(join(tmpdir(), 'cskit-kill-'));
    const whole = join(root, 'whole');
    expect((await sync(whole)).code).toBe(0);
    expected = await read(whole);
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  const { sync, onRequest } = killableSync((out) => ['stripe', '--out', out, '--base-url', server.url], {
    STRIPE_API_KEY: account.apiKey,
  });

  it('finishes with exactly the files of an uninterrupted sync, wherever it was killed', async () => {
    expect(expected[1]?.split('\n').length).toBeGreaterThan(600);

    // Killed at the first request (the newest event), within the customers, at the switch to
    // subscriptions, among the item and invoice requests, at the last one; then three times in a row.
    const plans = [[1], [2], [5], [41], [150], [293], [5, 2, 6]];
    for (const [index, kills] of plans.entries()) {
      const out = join(root, `killed-${index}`);
      let committed = false;
      for (const killAt of kills) {
        const killed = await sync(out, { killAt });
        expect(killed.signal).toBe('SIGKILL');
        committed ||= killed.stderr.includes(' page 1:');
      }
      const resumed = await sync(out);
      expect(resumed.code).toBe(0);
      // Killed before its first page was in, a sync has nothing to resume and starts over.
      if (committed) expect(resumed.stderr).toContain('stripe: resuming the interrupted sync from its last checkpoint');
      expect(await read(out)).toEqual(expected);
    }
  }, 240_000);

  it('and when killed at any moment, not only while waiting for a response', async () => {
    // Timed kills land anywhere: while a page is appended, the state replaced, the files written.
    const kills: string[] = [];
    for (const killAfterMs of [10, 60, 120, 180, 240, 300, 600]) {
      const out = join(root, `timed-${killAfterMs}`);
      const killed = await sync(out, { killAfterMs });
      kills.push(killed.signal ?? 'finished');
      expect((await sync(out)).code).toBe(0);
      expect(await read(out)).toEqual(expected);
    }
    // The requests alone take longer than the latest kill, so every run was killed midway.
    expect(kills).toEqual(Array.from({ length: 7 }, () => 'SIGKILL'));
  }, 240_000);
});

describe('cskit sync stripe killed during a later, incremental run', () => {
  const account = generatedStripeAccount({ customers: 60 });
  // The account's log: the first sync checkpoints at this event.
  recordStripeEvent(account, 'customer.created', { id: 'cus_0059', object: 'customer' });
  let server: MockServer;
  let root: string;
  const read = filesOf(['customers.csv', 'subscriptions.csv', 'stripe-sync-state.json']);
  /** The directory after the first (full) sync, copied for each run. */
  let base = '';
  let expected: string[] = [];
  const { sync, onRequest } = killableSync((out) => ['stripe', '--out', out, '--base-url', server.url], {
    STRIPE_API_KEY: account.apiKey,
  });

  beforeAll(async () => {
    server = await serveStripeMock({ account, delayMs: 4, onRequest });
    root = await mkdtemp(join(tmpdir(), 'cskit-kill-incremental-'));
    base = join(root, 'base');
    expect((await sync(base)).code).toBe(0);
    // Every third subscription canceled since, each with its event: 20 changed subscriptions.
    account.subscriptions = account.subscriptions.map((s, i) => {
      if (i % 3 !== 0) return s;
      recordStripeEvent(account, 'customer.subscription.deleted', { id: s.id, object: 'subscription' });
      return { ...s, status: 'canceled' as const, ended_at: s.start_date + 400 * 86_400 };
    });
    const whole = join(root, 'whole');
    await cp(base, whole, { recursive: true });
    const uninterrupted = await sync(whole);
    expect(uninterrupted.stderr).toContain('stripe: reading what changed since the last sync (events)');
    expected = await read(whole);
    expect(expected).not.toEqual(await read(base));
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it('finishes with exactly the files of an uninterrupted incremental run, wherever it was killed', async () => {
    // The newest event, the events page, then each changed subscription again (with its items and
    // invoices): killed before anything was committed, after the events page, among the subscriptions.
    for (const killAt of [1, 3, 12, 30]) {
      const out = join(root, `killed-${killAt}`);
      await cp(base, out, { recursive: true });
      expect((await sync(out, { killAt })).signal).toBe('SIGKILL');
      const resumed = await sync(out);
      expect(resumed.code).toBe(0);
      if (killAt > 2)
        expect(resumed.stderr).toContain('stripe: resuming the interrupted sync from its last checkpoint');
      expect(await read(out)).toEqual(expected);
    }
  }, 240_000);
});

describe('cskit sync zendesk killed with SIGKILL and run again', () => {
  const account = generatedZendeskAccount({ tickets: 2500 });
  let server: MockServer;
  let root: string;
  const read = filesOf(['tickets.csv', 'csat.csv', 'zendesk-sync-state.json']);
  let expected: string[] = [];

  beforeAll(async () => {
    // 2500 tickets in pages of at most 100 (the mock's cap; cskit asks for 1000): 25 requests, then
    // 839 ratings in pages of 100: 9 more; each answered after 8 ms, so a sync spends at least
    // 34 × 8 = 272 ms on requests.
    server = await serveZendeskMock({ account, maxPageSize: 100, delayMs: 8, onRequest });
    root = await mkdtemp(join(tmpdir(), 'cskit-kill-zendesk-'));
    const whole = join(root, 'whole');
    expect((await sync(whole)).code).toBe(0);
    expected = await read(whole);
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  const { sync, onRequest } = killableSync((out) => ['zendesk', '--out', out, '--base-url', server.url], {
    ZENDESK_EMAIL: account.email,
    ZENDESK_API_TOKEN: account.apiToken,
  });

  it('finishes with exactly the files of an uninterrupted sync, wherever it was killed', async () => {
    expect(expected[0]?.split('\n').length).toBe(2502);
    // Killed at the first request, among the ticket pages, at the switch to ratings, among the ratings,
    // and three times in a row.
    await expectKilledRunsToMatch({
      source: 'zendesk',
      root,
      sync,
      read,
      expected,
      plans: [[1], [2], [3], [13], [26], [27], [31], [4, 2, 5]],
      timedKills: [5, 60, 120, 180, 240],
    });
  }, 120_000);
});

describe('cskit sync delighted killed with SIGKILL and run again', () => {
  const account = delightedAccountFromSample(generateSample({ customers: 2000 }));
  let server: MockServer;
  let root: string;
  const read = filesOf(['nps.csv', 'delighted-sync-state.json']);
  let expected: string[] = [];
  let pages = 0;

  beforeAll(async () => {
    // Each answer waits 8 ms: with more than 20 pages of 100, a sync spends at least 160 ms on requests.
    // Pages overlap by one response, as an inclusive cursor does, so a resumed sync must also keep those once.
    server = await serveDelightedMock({ account, overlap: true, delayMs: 8, onRequest });
    root = await mkdtemp(join(tmpdir(), 'cskit-kill-delighted-'));
    const whole = join(root, 'whole');
    const first = await sync(whole);
    expect(first.code).toBe(0);
    pages = first.stderr.split('\n').filter((line) => / page \d+:/.test(line)).length;
    expected = await read(whole);
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  const { sync, onRequest } = killableSync((out) => ['delighted', '--out', out, '--base-url', server.url], {
    DELIGHTED_API_KEY: account.apiKey,
  });

  it('finishes with exactly the files of an uninterrupted sync, wherever it was killed', async () => {
    expect(pages).toBeGreaterThan(20);
    // One line per response, kept once although every page after the first repeated one.
    expect(expected[0]?.split('\n')).toHaveLength(account.responses.length + 2);
    await expectKilledRunsToMatch({
      source: 'delighted',
      root,
      sync,
      read,
      expected,
      plans: [[1], [2], [11], [pages], [4, 2, 5]],
      timedKills: [5, 50, 100, 150],
    });
  }, 120_000);
});

describe('cskit sync hubspot killed with SIGKILL and run again', () => {
  const account = generatedHubSpotAccount({ companies: 1500 });
  let server: MockServer;
  let root: string;
  const read = filesOf(['customers.csv', 'renewals.csv', 'hubspot-unmatched.csv', 'hubspot-sync-state.json']);
  let expected: string[] = [];

  beforeAll(async () => {
    // 1500 companies in pages of 100: 15 requests, then 60 renewal deals in one page: 16 requests,
    // each answered after 15 ms, so a sync spends at least 16 × 15 = 240 ms on requests.
    server = await serveHubSpotMock({ account, delayMs: 15, onRequest });
    root = await mkdtemp(join(tmpdir(), 'cskit-kill-hubspot-'));
    const whole = join(root, 'whole');
    expect((await sync(whole)).code).toBe(0);
    expected = await read(whole);
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  const { sync, onRequest } = killableSync((out) => ['hubspot', '--out', out, '--base-url', server.url], {
    HUBSPOT_ACCESS_TOKEN: account.accessToken,
  });

  it('finishes with exactly the files of an uninterrupted sync, wherever it was killed', async () => {
    // 1500 companies, every tenth without a domain: 1350 customers (+ header and final newline).
    expect(expected[0]?.split('\n').length).toBe(1352);
    // Killed at the first request, among the company pages, at the switch to deals, and three times in a row.
    await expectKilledRunsToMatch({
      source: 'hubspot',
      root,
      sync,
      read,
      expected,
      plans: [[1], [2], [8], [16], [4, 2, 5]],
      timedKills: [5, 70, 140, 210],
    });
  }, 120_000);
});
