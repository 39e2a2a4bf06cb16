import type { ZendeskMockAccount } from './zendesk-account.js';

/**
 * Failure mode "duplicates from an inclusive cursor": after page `afterPage` of an export is answered,
 * ticket `ticketId` changes (`changes`, and `updated_at` set to `updatedAt`), so the same export lists it
 * again on a later page. A sync must keep only the later version.
 */
export function updateTicketDuringSync(
  account: ZendeskMockAccount,
  change: {
    readonly afterPage: number;
    readonly ticketId: number;
    readonly updatedAt: string;
    readonly changes?: Readonly<Record<string, unknown>>;
    readonly metricChanges?: Readonly<Record<string, unknown>>;
  },
): void {
  const previous = account.onPageServed;
  account.onPageServed = (pages) => {
    previous?.(pages);
    if (pages !== change.afterPage) return;
    const entry = account.tickets.find((candidate) => candidate.ticket.id === change.ticketId);
    if (entry === undefined) throw new Error(`no ticket ${change.ticketId} in the mock account`);
    entry.ticket = { ...entry.ticket, ...change.changes, updated_at: change.updatedAt };
    entry.metricSet = { ...entry.metricSet, ...change.metricChanges };
  };
}

/**
 * Failure mode "records missed at a cursor's edge": ticket `ticketId` is updated at `updatedAt` but
 * indexed late, entering the export only at `listedFrom` — behind tickets with a later `updated_at`
 * that a previous sync already saw. A later sync that starts where the previous one stopped misses it;
 * one with a lookback does not.
 */
export function indexTicketLate(
  account: ZendeskMockAccount,
  late: {
    readonly ticketId: number;
    readonly updatedAt: string;
    readonly listedFrom: string;
    readonly changes?: Readonly<Record<string, unknown>>;
  },
): void {
  const entry = account.tickets.find((candidate) => candidate.ticket.id === late.ticketId);
  if (entry === undefined) throw new Error(`no ticket ${late.ticketId} in the mock account`);
  entry.ticket = { ...entry.ticket, ...late.changes, updated_at: late.updatedAt };
  entry.listedFrom = late.listedFrom;
}

/**
 * Failure mode "schema drift": every ticket gains fields cskit does not know (they must be ignored),
 * and, with `remove`, one ticket loses a field Zendesk always sends (it must be reported by ticket id).
 */
export function driftZendeskSchema(
  account: ZendeskMockAccount,
  options: { readonly remove?: { readonly ticketId: number; readonly field: string } } = {},
): void {
  for (const entry of account.tickets) {
    entry.ticket = {
      ...entry.ticket,
      priority_v2: { id: 3, name: 'P3' },
      ai_summary: 'Customer asks about an invoice, mentions "VAT", <script>alert(1)</script>',
      created_at_ms: Date.parse(String(entry.ticket['created_at'])),
    };
    entry.metricSet = { ...entry.metricSet, custom_status_updated_at: null };
  }
  const target = options.remove;
  if (target === undefined) return;
  const entry = account.tickets.find((candidate) => candidate.ticket.id === target.ticketId);
  if (entry === undefined) throw new Error(`no ticket ${target.ticketId} in the mock account`);
  const ticket = { ...entry.ticket };
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the fixture removes a field by name
  delete ticket[target.field];
  entry.ticket = ticket;
}
