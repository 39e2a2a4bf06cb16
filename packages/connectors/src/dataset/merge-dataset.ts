import type { CanonicalRecord } from '@cskit/core';

/** The sides of a dataset besides billing, each with its own customer ids. */
export type DatasetSide = 'crm' | 'support' | 'surveys';

/** The canonical records of each source, as their files hold them (metrics.md §1, plus `renewals.csv`). */
export interface DatasetInput {
  /** The billing source's customers and subscription lines: their `customer_id`s are the dataset's. */
  readonly billing: {
    readonly customers?: readonly CanonicalRecord[];
    readonly subscriptions: readonly CanonicalRecord[];
  };
  /** Customer attributes (`cskit sync hubspot`'s `customers.csv`) and renewal deals (`renewals.csv`). */
  readonly crm?: { readonly customers?: readonly CanonicalRecord[]; readonly renewals?: readonly CanonicalRecord[] };
  /** Tickets and CSAT responses (`cskit sync zendesk`: `customer_id` is the organization id). */
  readonly support?: { readonly tickets?: readonly CanonicalRecord[]; readonly csat?: readonly CanonicalRecord[] };
  /** NPS responses. */
  readonly surveys?: { readonly nps?: readonly CanonicalRecord[] };
}

/** How one side's `customer_id`s become billing customer ids. */
export interface SideMapping {
  /** The side's id → the billing customer id (e.g. a Zendesk organization id → a Stripe customer id). */
  readonly ids?: Readonly<Record<string, string>>;
  /**
   * Whether the side already uses billing ids (a CRM matched with `property:stripe_customer_id`): an id
   * the `ids` map does not name is then taken as it is. Default false: only mapped ids match, so that a
   * Zendesk organization `101` never meets a billing customer `101` by accident.
   */
  readonly sameIds?: boolean;
}

/** The explicit id mapping of each side. */
export type IdMapping = Readonly<Partial<Record<DatasetSide, SideMapping>>>;

/** The entities a record can come from. */
export type DatasetEntity = 'customers' | 'subscriptions' | 'renewals' | 'tickets' | 'csat' | 'nps';

/** A record that did not reach the merged dataset's customers, named by its id. */
export interface UnmatchedRecord {
  readonly entity: DatasetEntity;
  /** The record's id: `customer_id` (billing), `hubspot_company_id` or `customer_id` (CRM), `deal_id`, `ticket_id`, `rating_id`; `row N` (1-based record number) for NPS responses and records without one. */
  readonly id: string;
  /** Its `customer_id` as the side had it. */
  readonly customerId: string;
  readonly reason: string;
  /** The record as it came in: nothing is lost. */
  readonly record: CanonicalRecord;
}

/** A field a billing customer and its CRM record both have, with different values: the billing value is kept. */
export interface FieldConflict {
  readonly customerId: string;
  readonly field: string;
  readonly kept: string;
  readonly ignored: string;
  /** The CRM record the ignored value came from. */
  readonly crmId: string;
}

/** What {@link mergeDataset} returns: the merged records, and what did not merge. */
export interface MergedDataset {
  /** Billing customers with their CRM attributes; customers known only from subscriptions get a record when the CRM has one. */
  readonly customers: CanonicalRecord[];
  readonly subscriptions: CanonicalRecord[];
  /** Records of the other sides with `customer_id` turned into the billing id; those without a `customer_id` as they were. */
  readonly renewals: CanonicalRecord[];
  readonly tickets: CanonicalRecord[];
  readonly csat: CanonicalRecord[];
  readonly nps: CanonicalRecord[];
  readonly report: {
    /** Per side: records whose customer matches no billing customer (left out of the merged records). For `billing`: billing customers no CRM record matched (kept, without CRM attributes; listed only when a CRM side is given). */
    readonly unmatched: Readonly<Record<'billing' | DatasetSide, readonly UnmatchedRecord[]>>;
    readonly conflicts: readonly FieldConflict[];
  };
}

/**
 * Merges the canonical records of billing, CRM, support and surveys into one dataset keyed by the
 * billing customer ids, with an explicit id mapping per side. Pure (no I/O), so it runs in browsers too.
 *
 * - A record whose `customer_id` maps (through `mapping[side].ids`, or as it is with `sameIds`) to a
 *   billing customer (a `customer_id` of the billing customers or subscriptions) is merged with that id.
 * - A record whose `customer_id` maps to none is left out of the merged records and listed in
 *   `report.unmatched[side]`, whole, with the reason. Records without a `customer_id` (a ticket of no
 *   organization, an anonymous NPS answer) have nothing to match and stay as they are.
 * - CRM customer records add their columns to the billing customer; where both have a non-empty value
 *   that differs, the billing value stays and the pair is listed in `report.conflicts` (so is a second
 *   CRM record of the same customer, against the first).
 *
 * Every input record therefore ends up either in the merged dataset or in `report.unmatched`.
 */
export function mergeDataset(input: DatasetInput, mapping: IdMapping = {}): MergedDataset {
  const billingCustomers = input.billing.customers ?? [];
  const billingIds = new Set<string>([
    ...billingCustomers.map((record) => record['customer_id'] ?? ''),
    ...input.billing.subscriptions.map((record) => record['customer_id'] ?? ''),
  ]);
  billingIds.delete('');
  const unmatched: Record<'billing' | DatasetSide, UnmatchedRecord[]> = {
    billing: [],
    crm: [],
    support: [],
    surveys: [],
  };

  /** Resolves a side's records: merged ones (customer_id the billing id) and the unmatched ones. */
  const resolve = (
    side: DatasetSide,
    entity: DatasetEntity,
    records: readonly CanonicalRecord[],
    idOf: (record: CanonicalRecord, row: number) => string,
  ) => {
    const merged: { record: CanonicalRecord; source: CanonicalRecord; row: number }[] = [];
    const sideMapping = mapping[side] ?? {};
    records.forEach((record, index) => {
      const key = record['customer_id'] ?? '';
      if (key === '') {
        merged.push({ record, source: record, row: index + 1 });
        return;
      }
      const mapped =
        sideMapping.ids !== undefined && Object.hasOwn(sideMapping.ids, key) ? sideMapping.ids[key] : undefined;
      const target = mapped ?? (sideMapping.sameIds === true ? key : undefined);
      if (target !== undefined && billingIds.has(target)) {
        merged.push({ record: { ...record, customer_id: target }, source: record, row: index + 1 });
        return;
      }
      unmatched[side].push({
        entity,
        id: idOf(record, index + 1),
        customerId: key,
        reason:
          target === undefined
            ? `customer_id ${key} is not in the ${side} id mapping`
            : `customer_id ${key} maps to ${target}, which is no billing customer`,
        record,
      });
    });
    return merged;
  };

  const byIdOr = (column: string) => (record: CanonicalRecord, row: number) => {
    const id = record[column] ?? '';
    return id === '' ? `row ${row}` : id;
  };
  const crmId = (record: CanonicalRecord, row: number): string =>
    record['hubspot_company_id'] || record['customer_id'] || `row ${row}`;

  const crmCustomers = resolve('crm', 'customers', input.crm?.customers ?? [], crmId);
  const conflicts: FieldConflict[] = [];
  const customers = billingCustomers.map((record) => ({ ...record }));
  const customerIndex = new Map(customers.map((record, index) => [record['customer_id'] ?? '', index]));
  const withCrm = new Set<string>();
  for (const { record, source, row } of crmCustomers) {
    const id = record['customer_id'] ?? '';
    if (id === '') {
      // A CRM customer without a key cannot be any billing customer.
      unmatched.crm.push({
        entity: 'customers',
        id: crmId(source, row),
        customerId: '',
        reason: 'it has no customer_id',
        record: source,
      });
      continue;
    }
    withCrm.add(id);
    let index = customerIndex.get(id);
    if (index === undefined) {
      index = customers.push({ customer_id: id }) - 1;
      customerIndex.set(id, index);
    }
    const target = customers[index] as Record<string, string>;
    for (const [field, value] of Object.entries(record)) {
      if (field === 'customer_id' || value === undefined || value === '') continue;
      const kept = Object.hasOwn(target, field) ? (target[field] ?? '') : '';
      if (kept === '') target[field] = value;
      else if (kept !== value)
        conflicts.push({ customerId: id, field, kept, ignored: value, crmId: crmId(source, row) });
    }
  }
  if (input.crm?.customers !== undefined) {
    billingCustomers.forEach((record, index) => {
      const id = record['customer_id'] ?? '';
      if (!withCrm.has(id)) {
        unmatched.billing.push({
          entity: 'customers',
          id: id || `row ${index + 1}`,
          customerId: id,
          reason: 'no CRM record matches it',
          record,
        });
      }
    });
  }

  const records = (list: { record: CanonicalRecord }[]) => list.map((entry) => entry.record);
  return {
    customers,
    subscriptions: [...input.billing.subscriptions],
    renewals: records(resolve('crm', 'renewals', input.crm?.renewals ?? [], byIdOr('deal_id'))),
    tickets: records(resolve('support', 'tickets', input.support?.tickets ?? [], byIdOr('ticket_id'))),
    csat: records(resolve('support', 'csat', input.support?.csat ?? [], byIdOr('rating_id'))),
    // NPS responses have no id of their own (a respondent answers many times): they are named by row.
    nps: records(resolve('surveys', 'nps', input.surveys?.nps ?? [], (_record, row) => `row ${row}`)),
    report: { unmatched, conflicts },
  };
}
