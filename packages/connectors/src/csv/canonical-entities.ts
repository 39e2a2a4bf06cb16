import {
  readCesResponses,
  readChurnReasons,
  readCsatResponses,
  readCsCosts,
  readCustomers,
  readFxRates,
  readNpsResponses,
  readSubscriptionLines,
  readTickets,
  readUsageEvents,
  type CesResponse,
  type ChurnReason,
  type CsatResponse,
  type CsCost,
  type Customer,
  type FxRate,
  type NpsResponse,
  type SubscriptionLine,
  type Ticket,
  type UsageEvent,
  type ValidationIssue,
} from '@cskit/core';
import type { RecordReader, RequiredColumn } from './read-csv.js';

const MISSING = 'the header has no such column, and every row needs it';

function columnsRequired(...columns: string[]): (present: ReadonlySet<string>) => RequiredColumn[] {
  return (present) => columns.filter((c) => !present.has(c)).map((column) => ({ column, reason: MISSING }));
}

/** `amount` with `interval`, or `mrr`: the two ways metrics.md §1 prices a line. */
function subscriptionColumns(present: ReadonlySet<string>): RequiredColumn[] {
  const missing = columnsRequired('customer_id', 'start_date')(present);
  if (present.has('mrr')) return missing;
  if (!present.has('amount')) {
    missing.push({ column: 'amount', reason: 'the header needs an amount column (with interval) or an mrr column' });
  } else if (!present.has('interval')) {
    missing.push({ column: 'interval', reason: 'the header has an amount column but no interval column' });
  }
  return missing;
}

/** The typed record of each canonical entity (metrics.md §1). */
export interface CanonicalRecordTypes {
  customers: Customer;
  subscriptions: SubscriptionLine;
  nps: NpsResponse;
  csat: CsatResponse;
  ces: CesResponse;
  tickets: Ticket;
  usage: UsageEvent;
  churn_reasons: ChurnReason;
  cs_costs: CsCost;
  fx: FxRate;
}

/** A canonical entity: `customers`, `subscriptions`, `nps`, `csat`, `ces`, `tickets`, `usage`, … */
export type CanonicalEntity = keyof CanonicalRecordTypes;

/** How one entity is read, whatever it is read from (a CSV file, a SQL table). */
export interface CanonicalEntityReading<T> {
  /** core's validating reader of the entity. */
  readonly read: RecordReader<T>;
  /** The columns a table of the entity must have, given the columns it has. */
  readonly requiredColumns: (present: ReadonlySet<string>) => RequiredColumn[];
  /** The conventional file name, as `cskit sync` writes it. */
  readonly file: string;
}

/**
 * Every canonical entity with its reader, required columns and file name: the one place the CSV
 * readers and the SQL sources take them from, so both validate a record exactly alike.
 */
export const CANONICAL_ENTITIES: { readonly [E in CanonicalEntity]: CanonicalEntityReading<CanonicalRecordTypes[E]> } =
  {
    customers: { read: readCustomers, requiredColumns: columnsRequired('customer_id'), file: 'customers.csv' },
    subscriptions: { read: readSubscriptionLines, requiredColumns: subscriptionColumns, file: 'subscriptions.csv' },
    nps: { read: readNpsResponses, requiredColumns: columnsRequired('date', 'score'), file: 'nps.csv' },
    csat: { read: readCsatResponses, requiredColumns: columnsRequired('date', 'score'), file: 'csat.csv' },
    ces: { read: readCesResponses, requiredColumns: columnsRequired('date', 'score'), file: 'ces.csv' },
    tickets: { read: readTickets, requiredColumns: columnsRequired('ticket_id', 'created_at'), file: 'tickets.csv' },
    usage: {
      read: readUsageEvents,
      requiredColumns: columnsRequired('customer_id', 'date', 'name'),
      file: 'usage.csv',
    },
    churn_reasons: {
      read: readChurnReasons,
      requiredColumns: columnsRequired('customer_id', 'date', 'reason'),
      file: 'churn-reasons.csv',
    },
    cs_costs: { read: readCsCosts, requiredColumns: columnsRequired('month', 'amount'), file: 'cs-costs.csv' },
    fx: { read: readFxRates, requiredColumns: columnsRequired('date', 'currency', 'rate'), file: 'fx.csv' },
  };

/** The canonical entities, in the order above. */
export const CANONICAL_ENTITY_NAMES = Object.keys(CANONICAL_ENTITIES) as CanonicalEntity[];

/**
 * The required columns of `entity` that a table without a header (a SQL result, an Arrow table) lacks,
 * as issues naming `source` and the column, worded for what holds the columns (`the result`).
 */
export function missingColumnIssues(
  entity: CanonicalEntity,
  present: ReadonlySet<string>,
  source: string,
  holder: string,
): ValidationIssue[] {
  return CANONICAL_ENTITIES[entity]
    .requiredColumns(present)
    .map(({ column, reason }) => ({ source, field: column, value: '', reason: reason.replace(/^the header/, holder) }));
}
