import { join } from 'node:path';
import { CskitValidationError } from '@cskit/core';
import { SourceAuthError, syncStripe } from '@cskit/connectors/stripe';
import type { CliIo } from './cli-io.js';
import { SYNC_HELP } from './help-text.js';
import { parseSyncArguments, type SyncArguments } from './sync-arguments.js';
import { progressLines, progressStatus } from './sync-progress.js';
import { usage } from './sync-usage.js';
import { runHubSpotSync } from './sync-hubspot-command.js';
import { runRestSync } from './sync-rest-command.js';
import { runSqlSync } from './sync-sql-command.js';
import { runZendeskSync } from './sync-zendesk-command.js';
import { UsageError } from './usage-error.js';

/** The environment variable holding the Stripe key. */
export const STRIPE_KEY_VARIABLE = 'STRIPE_API_KEY';

/**
 * `cskit sync stripe --out DIR [--base-url URL] [--time-zone Z]`: writes `customers.csv` and
 * `subscriptions.csv` (canonical, ready for `cskit report`) and `stripe-sync-state.json` into DIR,
 * with progress on stderr. The key comes from `STRIPE_API_KEY` only, and is never printed.
 *
 * @returns the exit status: 0 synced, 1 the source refused the key, a record could not be mapped or the
 *   API kept failing (run again to resume), 2 bad usage (including a missing key).
 */
export async function runSync(argv: readonly string[], io: CliIo): Promise<number> {
  let args: SyncArguments;
  try {
    args = parseSyncArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usage(io, error.message);
  }
  if (args.help || args.out === undefined) {
    io.stdout.write(SYNC_HELP);
    return 0;
  }
  if (args.source === 'zendesk') return runZendeskSync({ ...args, out: args.out }, io);
  if (args.source === 'postgres' || args.source === 'duckdb') {
    return runSqlSync({ ...args, source: args.source, out: args.out }, io);
  }
  if (args.source === 'hubspot') return runHubSpotSync({ ...args, out: args.out }, io);
  if (args.source !== 'stripe') return runRestSync({ ...args, out: args.out }, io);
  const apiKey = io.env?.[STRIPE_KEY_VARIABLE] ?? '';
  if (apiKey.trim() === '') {
    return usage(
      io,
      `set ${STRIPE_KEY_VARIABLE} to a Stripe secret or restricted key (it is read from the environment only)`,
    );
  }
  // Whatever is printed, the key is not: an error message that quotes it (a server's, a URL) gets it masked.
  const stderr = { write: (text: string) => io.stderr.write(text.replaceAll(apiKey, `$${STRIPE_KEY_VARIABLE}`)) };
  const progress = io.stderr.isTTY === true ? progressStatus('stripe', stderr) : progressLines('stripe', stderr);
  const print = (line: string): void => {
    progress.end();
    stderr.write(`${line}\n`);
  };
  try {
    const result = await syncStripe({
      apiKey,
      out: args.out,
      timeZone: args.timeZone,
      ...(args.baseUrl === undefined ? {} : { baseUrl: args.baseUrl }),
      onProgress: progress.update,
    });
    for (const note of result.notes) print(`note: ${note}`);
    print(`stripe: ${result.files.customers}, ${result.files.subscriptions} and ${result.statePath} are up to date`);
    return 0;
  } catch (error) {
    if (error instanceof SourceAuthError) {
      print(
        `error: ${error.message}. Set ${STRIPE_KEY_VARIABLE} to a secret key, or a restricted key that may read customers, subscriptions, invoices, prices and events.`,
      );
      return 1;
    }
    if (error instanceof CskitValidationError) {
      for (const line of error.message.split('\n')) print(`error: ${line}`);
      print(
        `stripe: nothing was written to ${join(args.out, 'subscriptions.csv')}; the records above need fixing in Stripe`,
      );
      return 1;
    }
    if (error instanceof RangeError) return usage(io, error.message.replaceAll(apiKey, `$${STRIPE_KEY_VARIABLE}`));
    const message = error instanceof Error ? error.message : String(error);
    print(`error: the Stripe sync stopped: ${message}`);
    print(`stripe: every finished page is saved; run the same command again to resume`);
    return 1;
  }
}
