import type { SyncProgress } from '@cskit/connectors/stripe';
import type { CliOutput } from './cli-io.js';

/** Shows a sync's progress; `end()` finishes it before anything else is printed. */
export interface ProgressView {
  readonly update: (event: SyncProgress) => void;
  readonly end: () => void;
}

/**
 * Progress as plain lines (`stripe: customers page 2: 100 objects, 200 customers so far`), one per event,
 * for logs and pipes.
 */
export function progressLines(source: string, out: CliOutput): ProgressView {
  const pages = { customers: 0, subscriptions: 0 };
  const update = (event: SyncProgress): void => {
    switch (event.type) {
      case 'start':
        if (event.resumed) out.write(`${source}: resuming the interrupted sync from its last checkpoint\n`);
        break;
      case 'page': {
        pages[event.entity] += 1;
        const what = event.entity === 'customers' ? 'customers' : 'subscription lines';
        out.write(
          `${source}: ${event.entity} page ${pages[event.entity]}: ${event.objects} objects, ${event.records} ${what} so far\n`,
        );
        break;
      }
      case 'retry':
        out.write(`${source}: ${event.reason}, retry ${event.attempt} in ${seconds(event.waitMs)}\n`);
        break;
      case 'written':
        out.write(`${source}: wrote ${event.customers} customers and ${event.subscriptionLines} subscription lines\n`);
        break;
    }
  };
  return { update, end: () => undefined };
}

/**
 * Progress on a terminal: one status line rewritten in place (records, pages, retries, the current
 * wait), ended with a line break by `end()`.
 */
export function progressStatus(source: string, out: CliOutput): ProgressView {
  let customers = 0;
  let lines = 0;
  let pages = 0;
  let retries = 0;
  let phase = 'starting';
  let wait = '';
  let shown = false;
  const show = (): void => {
    const parts = [`${customers} customers`, `${lines} subscription lines`, `${pages} pages`, `${retries} retries`];
    // \r and "erase line": the status replaces itself instead of scrolling.
    out.write(`\r\x1b[2K${source}: ${phase} · ${parts.join(' · ')}${wait}`);
    shown = true;
  };
  const update = (event: SyncProgress): void => {
    wait = '';
    switch (event.type) {
      case 'start':
        phase = event.resumed ? 'resuming' : 'listing';
        break;
      case 'page':
        pages += 1;
        phase = `listing ${event.entity}`;
        if (event.entity === 'customers') customers = event.records;
        else lines = event.records;
        break;
      case 'retry':
        retries += 1;
        wait = ` · ${event.reason}, waiting ${seconds(event.waitMs)}`;
        break;
      case 'written':
        phase = 'done';
        break;
    }
    show();
  };
  const end = (): void => {
    if (shown) out.write('\n');
    shown = false;
  };
  return { update, end };
}

/** A wait for progress output: `1.5 s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
