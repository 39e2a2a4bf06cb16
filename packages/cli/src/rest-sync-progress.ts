import type { RestSyncProgress } from '@cskit/connectors/rest';
import type { CliOutput } from './cli-io.js';
import type { ProgressView } from './sync-progress.js';
import { seconds, statusLine } from './sync-status-line.js';

/** Shows the progress of a sync on the REST machinery (`rest`, `delighted`, `typeform`). */
export type RestProgressView = ProgressView<RestSyncProgress>;

/**
 * Progress as plain lines (`delighted: page 2: 100 records, 200 so far`), for logs and pipes.
 *
 * @param what - what the records are, for the lines: `NPS responses`.
 */
export function restProgressLines(source: string, what: string, out: CliOutput): RestProgressView {
  let pages = 0;
  const update = (event: RestSyncProgress): void => {
    switch (event.type) {
      case 'start':
        if (event.resumed) out.write(`${source}: resuming the interrupted sync from its last checkpoint\n`);
        break;
      case 'page':
        pages += 1;
        out.write(`${source}: page ${pages}: ${event.objects} records, ${event.records} so far\n`);
        break;
      case 'retry':
        out.write(`${source}: ${event.reason}, retry ${event.attempt} in ${seconds(event.waitMs)}\n`);
        break;
      case 'written':
        out.write(
          `${source}: wrote ${event.records} ${what}${event.duplicates === 0 ? '' : ` (${event.duplicates} listed twice, kept once)`}\n`,
        );
        break;
    }
  };
  return { update, end: () => undefined };
}

/** Progress on a terminal: one status line rewritten in place (records, pages, retries, the current wait). */
export function restProgressStatus(source: string, what: string, out: CliOutput): RestProgressView {
  let records = 0;
  let phase = 'starting';
  const status = statusLine(source, out);
  const update = (event: RestSyncProgress): void => {
    if (event.type === 'retry') status.retry(event);
    else if (event.type === 'start') phase = event.resumed ? 'resuming' : 'listing';
    else {
      if (event.type === 'page') status.page();
      phase = event.type === 'page' ? 'listing' : 'done';
      records = event.records;
    }
    status.show(phase, [`${records} ${what}`]);
  };
  return { update, end: status.end };
}
