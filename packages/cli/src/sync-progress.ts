import type { RetryEvent, SyncProgress } from '@cskit/connectors/stripe';
import type { CliOutput } from './cli-io.js';
import { seconds, statusLine } from './sync-status-line.js';

/** Shows a sync's progress; `end()` finishes it before anything else is printed. */
export interface ProgressView<Event = SyncProgress> {
  readonly update: (event: Event) => void;
  readonly end: () => void;
}

/**
 * Progress as plain lines (`stripe: customers page 2: 100 objects, 200 customers so far`), one per event,
 * for logs and pipes.
 */
export function progressLines(source: string, out: CliOutput): ProgressView {
  const pages = { customers: 0, subscriptions: 0, events: 0 };
  const update = (event: SyncProgress): void => {
    switch (event.type) {
      case 'start':
        if (event.resumed) out.write(`${source}: resuming the interrupted sync from its last checkpoint\n`);
        else if (event.incremental) out.write(`${source}: reading what changed since the last sync (events)\n`);
        if (event.fullBecause !== undefined) out.write(`${source}: listing everything again: ${event.fullBecause}\n`);
        break;
      case 'page': {
        pages[event.entity] += 1;
        const what = { customers: 'customers', subscriptions: 'subscription lines', events: 'changed objects' }[
          event.entity
        ];
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
  return listProgressStatus(source, out, { customers: 'customers', subscriptions: 'subscription lines' });
}

/** What a sync that lists its entities one after another (Stripe, HubSpot) reports. */
export type ListSyncEvent<Entity extends string> =
  | { readonly type: 'start'; readonly resumed: boolean; readonly incremental?: boolean }
  // Pages of an entity without a label (Stripe's events) move the phase but count no records.
  | { readonly type: 'page'; readonly entity: Entity | 'events'; readonly records: number }
  | ({ readonly type: 'retry' } & RetryEvent)
  | { readonly type: 'written' };

/**
 * The status line of a sync that lists entities one after another: the records so far of each (named
 * by `labels`, in their order), pages, retries and the current wait.
 */
export function listProgressStatus<Entity extends string>(
  source: string,
  out: CliOutput,
  labels: Readonly<Record<Entity, string>>,
): ProgressView<ListSyncEvent<Entity>> {
  const entities = Object.keys(labels) as Entity[];
  const records = new Map<Entity, number>(entities.map((entity) => [entity, 0]));
  let phase = 'starting';
  const status = statusLine(source, out);
  const update = (event: ListSyncEvent<Entity>): void => {
    switch (event.type) {
      case 'start':
        phase = event.resumed ? 'resuming' : event.incremental ? 'reading changes' : 'listing';
        break;
      case 'page':
        status.page();
        if (event.entity === 'events') {
          phase = 'reading events';
        } else {
          phase = `listing ${event.entity}`;
          records.set(event.entity, event.records);
        }
        break;
      case 'retry':
        status.retry(event);
        break;
      case 'written':
        phase = 'done';
        break;
    }
    status.show(
      phase,
      entities.map((entity) => `${records.get(entity) ?? 0} ${labels[entity]}`),
    );
  };
  return { update, end: status.end };
}
