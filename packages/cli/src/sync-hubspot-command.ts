import { join } from 'node:path';
import { CskitValidationError } from '@cskit/core';
import { parseHubSpotMatch, SourceAuthError, syncHubSpot, type HubSpotMatch } from '@cskit/connectors/hubspot';
import type { CliIo } from './cli-io.js';
import { hubspotProgressLines, hubspotProgressStatus } from './hubspot-sync-progress.js';
import type { SyncArguments } from './sync-arguments.js';
import { usage } from './sync-usage.js';

/** The environment variable holding the HubSpot access token. */
export const HUBSPOT_TOKEN_VARIABLE = 'HUBSPOT_ACCESS_TOKEN';

/**
 * `cskit sync hubspot --out DIR [--base-url URL] [--match domain|property:NAME] [--time-zone Z]`: writes
 * `customers.csv` (customer attributes keyed by the match), `renewals.csv`, `hubspot-unmatched.csv`
 * and `hubspot-sync-state.json` into DIR, with progress on stderr. The token comes from
 * `HUBSPOT_ACCESS_TOKEN` only, and is never printed.
 *
 * @returns the exit status: 0 synced, 1 HubSpot refused the token, a record could not be mapped or the
 *   API kept failing (run again to resume), 2 bad usage (including a missing token).
 */
export async function runHubSpotSync(args: SyncArguments & { readonly out: string }, io: CliIo): Promise<number> {
  const accessToken = io.env?.[HUBSPOT_TOKEN_VARIABLE]?.trim() ?? '';
  if (accessToken === '') {
    return usage(
      io,
      `set ${HUBSPOT_TOKEN_VARIABLE} to a HubSpot private app's access token (read from the environment only)`,
    );
  }
  let match: HubSpotMatch;
  try {
    match = parseHubSpotMatch(args.match ?? 'domain');
  } catch (error) {
    if (error instanceof RangeError) return usage(io, `--match: ${error.message}`);
    throw error;
  }
  // Whatever is printed, the token is not: a message that quotes it gets it masked.
  const stderr = {
    write: (text: string) => io.stderr.write(text.replaceAll(accessToken, `$${HUBSPOT_TOKEN_VARIABLE}`)),
  };
  const progress = io.stderr.isTTY === true ? hubspotProgressStatus(stderr) : hubspotProgressLines(stderr);
  const print = (line: string): void => {
    progress.end();
    stderr.write(`${line}\n`);
  };
  try {
    const result = await syncHubSpot({
      accessToken,
      out: args.out,
      match,
      timeZone: args.timeZone,
      ...(args.baseUrl === undefined ? {} : { baseUrl: args.baseUrl }),
      onProgress: progress.update,
    });
    if (result.unmatched > 0) {
      print(
        `note: ${result.unmatched} ${result.unmatched === 1 ? 'company has' : 'companies have'} no ${match.kind === 'domain' ? 'domain' : match.property}: listed in ${result.files.unmatched}`,
      );
    }
    print(
      `hubspot: ${result.files.customers}, ${result.files.renewals}, ${result.files.unmatched} and ${result.statePath} are up to date`,
    );
    return 0;
  } catch (error) {
    if (error instanceof SourceAuthError) {
      const why =
        error.status === 401
          ? 'HubSpot rejected the access token (HTTP 401)'
          : 'HubSpot refused the access token (HTTP 403): it lacks the scopes to read companies and deals';
      print(
        `error: ${why}. Set ${HUBSPOT_TOKEN_VARIABLE} to the access token of a private app with the crm.objects.companies.read and crm.objects.deals.read scopes.`,
      );
      return 1;
    }
    if (error instanceof CskitValidationError) {
      for (const line of error.message.split('\n')) print(`error: ${line}`);
      print(
        `hubspot: nothing was written to ${join(args.out, 'customers.csv')}; the records above need fixing in HubSpot`,
      );
      return 1;
    }
    if (error instanceof RangeError)
      return usage(io, error.message.replaceAll(accessToken, `$${HUBSPOT_TOKEN_VARIABLE}`));
    const message = error instanceof Error ? error.message : String(error);
    print(`error: the HubSpot sync stopped: ${message}`);
    print('hubspot: every finished page is saved; run the same command again to resume');
    return 1;
  }
}
