import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer, type SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { demoStripeAccount, stripeHandlers, type StripeMockAccount } from '../mocks/index.js';
import { syncStripe, type SyncStripeOptions } from '../stripe/sync-stripe.js';
import { syncStoppedAfterPage } from './resume-after-abort.js';

/** What a Stripe sync test works with; `account` and `out` are fresh for every test. */
export interface StripeTestBed {
  readonly server: SetupServer;
  /** The demo account (`demoStripeAccount`) unless a test calls `use`. */
  account: StripeMockAccount;
  /** A new temporary directory, removed after the test. */
  out: string;
  /** Serves `account` instead of the demo account. */
  use(account: StripeMockAccount): void;
}

/**
 * Registers the hooks of a Stripe sync test file: an MSW server answering like Stripe for the demo
 * account (unhandled requests fail the test) and a temporary output directory per test.
 */
export function stripeTestBed(prefix = 'cskit-stripe-'): StripeTestBed {
  const server = setupServer();
  const bed: StripeTestBed = {
    server,
    account: demoStripeAccount(),
    out: '',
    use(account) {
      bed.account = account;
      server.resetHandlers(...stripeHandlers(account));
    },
  };
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(async () => {
    bed.use(demoStripeAccount());
    bed.out = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    server.events.removeAllListeners();
    await rm(bed.out, { recursive: true, force: true });
  });
  return bed;
}

/** Runs a sync that aborts once it reported its `page`-th page, and checks that it stopped there. */
export function syncStoppedAtPage(options: SyncStripeOptions, page: number): Promise<void> {
  return syncStoppedAfterPage((run) => syncStripe({ ...options, ...run }), options.out, page);
}
