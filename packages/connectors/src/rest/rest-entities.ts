import {
  readCsatResponses,
  readCustomers,
  readNpsResponses,
  readTickets,
  type CanonicalRecord,
  type ReadOptions,
} from '@cskit/core';
import { SAMPLE_COLUMNS } from '@cskit/core/sample';

/** The canonical entities (metrics.md §1) a REST mapping can produce. */
export const REST_ENTITIES = ['nps', 'csat', 'tickets', 'customers'] as const;
export type RestEntity = (typeof REST_ENTITIES)[number];

/** How one entity is written and checked. */
export interface RestEntityFile {
  /** The file the sync writes, e.g. `nps.csv`. */
  readonly file: string;
  /** Its canonical columns, in order. */
  readonly columns: readonly string[];
  /** The column the mapping's `id` fills: the entity's own id, or `response_id` for survey answers. */
  readonly idColumn: string;
  /** Fields a record must have (core's reader says so too; the mapping is checked against it early). */
  readonly required: readonly string[];
  /** Core's reader of the entity: what every page passes before it is committed. */
  readonly read: (records: Iterable<CanonicalRecord>, options: ReadOptions) => unknown;
}

/** Per entity: file, columns and reader. */
export const REST_ENTITY_FILES: Readonly<Record<RestEntity, RestEntityFile>> = {
  nps: {
    file: 'nps.csv',
    columns: [...SAMPLE_COLUMNS.nps, 'response_id'],
    idColumn: 'response_id',
    required: ['date', 'score'],
    read: readNpsResponses,
  },
  csat: {
    file: 'csat.csv',
    columns: ['date', 'score', 'customer_id', 'ticket_id', 'response_id'],
    idColumn: 'response_id',
    required: ['date', 'score'],
    read: readCsatResponses,
  },
  tickets: {
    file: 'tickets.csv',
    columns: SAMPLE_COLUMNS.tickets,
    idColumn: 'ticket_id',
    required: ['created_at'],
    read: readTickets,
  },
  customers: {
    file: 'customers.csv',
    columns: SAMPLE_COLUMNS.customers,
    idColumn: 'customer_id',
    required: [],
    read: readCustomers,
  },
};
