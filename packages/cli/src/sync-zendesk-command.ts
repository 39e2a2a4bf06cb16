import { join } from 'node:path';
import { CskitValidationError } from '@cskit/core';
import { SourceAuthError, syncZendesk } from '@cskit/connectors/zendesk';
import type { CliIo } from './cli-io.js';
import type { SyncArguments } from './sync-arguments.js';
import { usage } from './sync-usage.js';
import { zendeskProgressLines, zendeskProgressStatus } from './zendesk-sync-progress.js';

/** The environment variables holding the Zendesk credentials. */
export const ZENDESK_EMAIL_VARIABLE = 'ZENDESK_EMAIL';
export const ZENDESK_TOKEN_VARIABLE = 'ZENDESK_API_TOKEN';

/**
 * `cskit sync zendesk --out DIR --subdomain S [--base-url URL] [--time-zone Z]`: writes `tickets.csv`
 * (canonical, ready for `cskit report --tickets`), `csat.csv` and `zendesk-sync-state.json` into DIR,
 * with progress on stderr. The credentials come from `ZENDESK_EMAIL` and `ZENDESK_API_TOKEN` only; the token is never printed.
 *
 * @returns the exit status: 0 synced, 1 Zendesk refused the credentials, a ticket could not be mapped or
 *   the API kept failing (run again to resume), 2 bad usage (including missing credentials).
 */
export async function runZendeskSync(args: SyncArguments & { readonly out: string }, io: CliIo): Promise<number> {
  const email = io.env?.[ZENDESK_EMAIL_VARIABLE]?.trim() ?? '';
  const apiToken = io.env?.[ZENDESK_TOKEN_VARIABLE]?.trim() ?? '';
  const missing = [
    ...(email === '' ? [ZENDESK_EMAIL_VARIABLE] : []),
    ...(apiToken === '' ? [ZENDESK_TOKEN_VARIABLE] : []),
  ];
  if (missing.length > 0) {
    return usage(
      io,
      `set ${missing.join(' and ')}: the email of a Zendesk admin and an API token (read from the environment only)`,
    );
  }
  // Whatever is printed, the token is not: a message that quotes it gets it masked.
  const stderr = {
    write: (text: string) => io.stderr.write(text.replaceAll(apiToken, `$${ZENDESK_TOKEN_VARIABLE}`)),
  };
  const progress = io.stderr.isTTY === true ? zendeskProgressStatus(stderr) : zendeskProgressLines(stderr);
  const print = (line: string): void => {
    progress.end();
    stderr.write(`${line}\n`);
  };
  try {
    const result = await syncZendesk({
      subdomain: args.subdomain ?? '',
      email,
      apiToken,
      out: args.out,
      timeZone: args.timeZone,
      ...(args.baseUrl === undefined ? {} : { baseUrl: args.baseUrl }),
      onProgress: progress.update,
    });
    print(`zendesk: ${result.files.tickets}, ${result.files.csat} and ${result.statePath} are up to date`);
    return 0;
  } catch (error) {
    if (error instanceof SourceAuthError) {
      const why =
        error.status === 401
          ? 'Zendesk rejected the credentials (HTTP 401)'
          : 'Zendesk refused the credentials (HTTP 403): this user may not export tickets';
      print(
        `error: ${why}. Set ${ZENDESK_EMAIL_VARIABLE} to the email of a Zendesk admin (the export is admin-only) and ${ZENDESK_TOKEN_VARIABLE} to an API token of the account (Admin Center → Apps and integrations → Zendesk API).`,
      );
      return 1;
    }
    if (error instanceof CskitValidationError) {
      for (const line of error.message.split('\n')) print(`error: ${line}`);
      print(
        `zendesk: nothing was written to ${join(args.out, 'tickets.csv')}; the records above need fixing in Zendesk`,
      );
      return 1;
    }
    if (error instanceof RangeError) return usage(io, error.message.replaceAll(apiToken, `$${ZENDESK_TOKEN_VARIABLE}`));
    const message = error instanceof Error ? error.message : String(error);
    print(`error: the Zendesk sync stopped: ${message}`);
    print('zendesk: every finished page is saved; run the same command again to resume');
    return 1;
  }
}
