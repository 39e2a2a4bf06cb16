import type { SyncProgress } from '@cskit/connectors/stripe';
import type { CliOutput } from './cli-io.js';

/**
 * Writes a sync's progress as plain lines (`stripe: customers page 2, 200 so far`), one per event, for
 * logs and pipes alike.
 */
export function progressLines(source: string, out: CliOutput): (event: SyncProgress) => void {
  const pages = { customers: 0, subscriptions: 0 };
  return (event) => {
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
        out.write(`${source}: ${event.reason}, retry ${event.attempt} in ${(event.waitMs / 1000).toFixed(1)} s\n`);
        break;
      case 'written':
        out.write(`${source}: wrote ${event.customers} customers and ${event.subscriptionLines} subscription lines\n`);
        break;
    }
  };
}
