import { SAMPLE_COLUMNS, type SampleEntity } from '@cskit/core/sample';
import { quoteIdentifier, standardLiteral } from '../sql/sql-source.js';

/**
 * The SQL type of each sample column that is not text, as a schema designer would pick it: dates as
 * DATE, money and rates as DECIMAL, timestamps WITH TIME ZONE, counts as INTEGER, flags as BOOLEAN.
 * Postgres and DuckDB both know these names.
 */
const TYPED: { readonly [E in SampleEntity]: Readonly<Record<string, string>> } = {
  customers: { created_at: 'date' },
  subscriptions: {
    start_date: 'date',
    end_date: 'date',
    amount: 'decimal(18,4)',
    interval_count: 'integer',
    quantity: 'integer',
    is_trial: 'boolean',
  },
  fx: { date: 'date', rate: 'decimal(18,8)' },
  nps: { date: 'date', score: 'integer' },
  tickets: {
    created_at: 'timestamptz',
    first_response_at: 'timestamptz',
    resolved_at: 'timestamptz',
    satisfaction: 'integer',
    handle_minutes: 'decimal(10,2)',
  },
};

/** `CREATE TABLE entity (...)` with the sample's columns, typed as above. */
export function createSampleTable(entity: SampleEntity, name: string = entity): string {
  const columns = SAMPLE_COLUMNS[entity].map(
    (column) => `${quoteIdentifier(column)} ${TYPED[entity][column] ?? 'text'}`,
  );
  return `CREATE TABLE ${quoteIdentifier(name)} (${columns.join(', ')})`;
}

/** The sample entities, in the order of their files. */
export const SAMPLE_ENTITIES = Object.keys(SAMPLE_COLUMNS) as SampleEntity[];

/** What loading needs of a Postgres client (PGlite, a `pg` pool). */
interface Executes {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Creates the typed tables in Postgres and fills them from the sample's canonical rows, in row order,
 * letting Postgres parse each text value into its column's type (an empty cell is NULL).
 */
export async function loadSampleIntoPostgres(
  db: Executes,
  rows: { readonly [E in SampleEntity]: readonly Readonly<Record<string, string>>[] },
): Promise<void> {
  for (const entity of SAMPLE_ENTITIES) {
    await db.query(createSampleTable(entity));
    const json = rows[entity].map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === '' ? null : value])),
    );
    await db.query(
      `INSERT INTO ${quoteIdentifier(entity)} SELECT * FROM json_populate_recordset(NULL::${quoteIdentifier(entity)}, $1::json)`,
      [JSON.stringify(json)],
    );
  }
}

/** What loading needs of a DuckDB connection. */
interface Runs {
  run(sql: string): Promise<unknown>;
}

/**
 * Creates the typed tables in DuckDB and fills them from canonical CSV files (`files[entity]`), in row
 * order, letting DuckDB cast each text value into its column's type (an empty cell is NULL).
 */
export async function loadSampleIntoDuckDb(
  connection: Runs,
  files: { readonly [E in SampleEntity]: string },
): Promise<void> {
  for (const entity of SAMPLE_ENTITIES) {
    await connection.run(createSampleTable(entity));
    await connection.run(
      `INSERT INTO ${quoteIdentifier(entity)} SELECT * FROM read_csv(${standardLiteral(files[entity])}, header = true, all_varchar = true)`,
    );
  }
}
