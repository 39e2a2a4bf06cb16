import type { ZendeskSyncProgress } from '@cskit/connectors/zendesk';
import type { CliOutput } from './cli-io.js';
import type { ProgressView } from './sync-progress.js';
import { seconds, statusLine } from './sync-status-line.js';

/** Shows a Zendesk sync's progress; `end()` finishes it before anything else is printed. */
export type ZendeskProgressView = ProgressView<ZendeskSyncProgress>;

/** Progress as plain lines (`zendesk: tickets page 2: 1000 tickets, 2000 ticket versions so far`), for logs and pipes. */
export function zendeskProgressLines(out: CliOutput): ZendeskProgressView {
  const pages = { tickets: 0, ratings: 0 };
  const update = (event: ZendeskSyncProgress): void => {
    switch (event.type) {
      case 'start':
        if (event.resumed) out.write('zendesk: resuming the interrupted sync from its last checkpoint\n');
        else if (event.incremental) out.write('zendesk: exporting the tickets changed since the last sync\n');
        break;
      case 'page':
        pages[event.entity] += 1;
        out.write(
          event.entity === 'tickets'
            ? `zendesk: tickets page ${pages.tickets}: ${event.objects} tickets, ${event.records} ticket versions so far\n`
            : `zendesk: ratings page ${pages.ratings}: ${event.objects} ratings, ${event.records} CSAT responses so far\n`,
        );
        break;
      case 'retry':
        out.write(`zendesk: ${event.reason}, retry ${event.attempt} in ${seconds(event.waitMs)}\n`);
        break;
      case 'written':
        out.write(`zendesk: wrote ${event.tickets} tickets and ${event.csatResponses} CSAT responses\n`);
        break;
    }
  };
  return { update, end: () => undefined };
}

/**
 * Progress on a terminal: one status line rewritten in place (ticket versions, pages, retries, the
 * current wait), ended with a line break by `end()`.
 */
export function zendeskProgressStatus(out: CliOutput): ZendeskProgressView {
  let versions = 0;
  let responses = 0;
  let phase = 'starting';
  const status = statusLine('zendesk', out);
  const update = (event: ZendeskSyncProgress): void => {
    switch (event.type) {
      case 'start':
        phase = event.resumed ? 'resuming' : event.incremental ? 'exporting changes' : 'exporting';
        break;
      case 'page':
        status.page();
        if (event.entity === 'tickets') versions = event.records;
        else {
          responses = event.records;
          phase = 'listing ratings';
        }
        break;
      case 'retry':
        status.retry(event);
        break;
      case 'written':
        phase = `done · ${event.tickets} tickets`;
        responses = event.csatResponses;
        break;
    }
    status.show(phase, [`${versions} ticket versions`, `${responses} CSAT responses`]);
  };
  return { update, end: status.end };
}
