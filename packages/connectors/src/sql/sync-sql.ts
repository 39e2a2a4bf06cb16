import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { toCsv } from '@cskit/core/sample';
import { CANONICAL_ENTITIES, CANONICAL_ENTITY_NAMES, type CanonicalEntity } from '../csv/canonical-entities.js';
import { writeAtomically } from '../sync/sync-store.js';
import type { SqlReadOptions } from './read-sql.js';
import { canonicalTables, readSqlEntities, type SqlEntities } from './read-sql-entities.js';
import type { SqlSource } from './sql-source.js';

/** Options of {@link syncSql}. */
export interface SyncSqlOptions extends Pick<SqlReadOptions, 'timeZone' | 'defaultCurrency'> {
  readonly source: SqlSource;
  /** Where each entity comes from. Default: the tables named like an entity ({@link canonicalTables}). */
  readonly entities?: SqlEntities;
  /** The directory the canonical CSV files are written to (created if missing). */
  readonly out: string;
}

/** What {@link syncSql} wrote. */
export interface SyncSqlResult {
  /** Each entity written, with its file and its number of records, in canonical order. */
  readonly written: readonly { readonly entity: CanonicalEntity; readonly file: string; readonly records: number }[];
}

/**
 * Reads canonical entities from a database and writes them as canonical CSV files (`customers.csv`,
 * `subscriptions.csv`, `tickets.csv`, `nps.csv`, `csat.csv` …) that `cskit report` and `cskit health`
 * read as they are. Every entity is read and validated before any file is written; each file is replaced
 * atomically.
 *
 * @throws CskitValidationError naming every bad record (nothing is written then); Error when no entity is
 *   named and no table is named like one.
 */
export async function syncSql(options: SyncSqlOptions): Promise<SyncSqlResult> {
  const entities = options.entities ?? (await canonicalTables(options.source));
  if (Object.keys(entities).length === 0) {
    throw new Error(
      `no entity to read: name the tables (a mapping), or name them like the entities (${CANONICAL_ENTITY_NAMES.join(', ')})`,
    );
  }
  const { timeZone, defaultCurrency } = options;
  const read = await readSqlEntities(options.source, entities, {
    ...(timeZone === undefined ? {} : { timeZone }),
    ...(defaultCurrency === undefined ? {} : { defaultCurrency }),
  });
  await mkdir(options.out, { recursive: true });
  const written: { entity: CanonicalEntity; file: string; records: number }[] = [];
  for (const entity of CANONICAL_ENTITY_NAMES) {
    const result = read[entity];
    if (result === undefined) continue;
    const file = join(options.out, CANONICAL_ENTITIES[entity].file);
    await writeAtomically(file, toCsv(result.rows, { columns: result.columns }));
    written.push({ entity, file, records: result.records.length });
  }
  return { written };
}
