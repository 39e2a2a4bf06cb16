import type { HubSpotSyncProgress } from '@cskit/connectors/hubspot';
import type { CliOutput } from './cli-io.js';
import { listProgressStatus, type ProgressView } from './sync-progress.js';
import { seconds } from './sync-status-line.js';

/** Shows a HubSpot sync's progress; `end()` finishes it before anything else is printed. */
export type HubSpotProgressView = ProgressView<HubSpotSyncProgress>;

/** Progress as plain lines (`hubspot: companies page 2: 100 companies, 200 so far`), for logs and pipes. */
export function hubspotProgressLines(out: CliOutput): HubSpotProgressView {
  const pages = { companies: 0, deals: 0 };
  const update = (event: HubSpotSyncProgress): void => {
    switch (event.type) {
      case 'start':
        if (event.resumed) out.write('hubspot: resuming the interrupted sync from its last checkpoint\n');
        break;
      case 'page':
        pages[event.entity] += 1;
        out.write(
          event.entity === 'companies'
            ? `hubspot: companies page ${pages.companies}: ${event.objects} companies, ${event.records} so far\n`
            : `hubspot: deals page ${pages.deals}: ${event.objects} deals, ${event.records} renewals so far\n`,
        );
        break;
      case 'retry':
        out.write(`hubspot: ${event.reason}, retry ${event.attempt} in ${seconds(event.waitMs)}\n`);
        break;
      case 'written':
        out.write(
          `hubspot: wrote ${event.customers} customers, ${event.unmatched} unmatched companies and ${event.renewals} renewals\n`,
        );
        break;
    }
  };
  return { update, end: () => undefined };
}

/** Progress on a terminal: one status line rewritten in place (companies, renewals, pages, retries, the current wait). */
export function hubspotProgressStatus(out: CliOutput): HubSpotProgressView {
  return listProgressStatus('hubspot', out, { companies: 'companies', deals: 'renewals' });
}
