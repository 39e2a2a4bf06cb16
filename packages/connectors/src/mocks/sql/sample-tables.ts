import { SAMPLE_COLUMNS, type SampleCompany, type SampleEntity } from '@cskit/core/sample';

/**
 * The SQL type of each sample column that is not text, as a schema designer would pick it: dates as
 * DATE, money and rates as DECIMAL, ticket times WITH TIME ZONE, counts as INTEGER, flags as BOOLEAN.
 * Postgres and DuckDB both know these names.
 */
export const SAMPLE_SQL_TYPES: { readonly [E in SampleEntity]: Readonly<Record<string, string>> } = {
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

/** Options of {@link sampleSqlStatements}. */
export interface SampleSqlOptions {
  /** The table of each entity (default: the entity's name, `subscriptions` …). */
  readonly tables?: { readonly [E in SampleEntity]?: string };
  /** Columns renamed in the tables, e.g. `{ amount: 'price' }`, to try a mapping's `columns`. */
  readonly columns?: Readonly<Record<string, string>>;
}

/** Rows per INSERT statement: small enough for any engine's statement size. */
const ROWS_PER_INSERT = 500;

/**
 * The SQL that creates a sample company's tables (typed as {@link SAMPLE_SQL_TYPES}) and fills them,
 * row by row in the order of its CSV files: `CREATE TABLE` and `INSERT … VALUES` statements that
 * Postgres, PGlite and DuckDB all run (each text value cast by the engine to its column's type, an empty
 * cell as NULL). Run them one by one to try `cskit sync postgres|duckdb` on a known company.
 */
export function sampleSqlStatements(sample: SampleCompany, options: SampleSqlOptions = {}): string[] {
  const statements: string[] = [];
  for (const entity of Object.keys(SAMPLE_COLUMNS) as SampleEntity[]) {
    const table = quote(options.tables?.[entity] ?? entity);
    const columns = SAMPLE_COLUMNS[entity];
    const definitions = columns.map(
      (column) => `${quote(options.columns?.[column] ?? column)} ${SAMPLE_SQL_TYPES[entity][column] ?? 'text'}`,
    );
    statements.push(`CREATE TABLE ${table} (${definitions.join(', ')})`);
    const rows: readonly Readonly<Record<string, string>>[] = sample[entity];
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      const values = rows
        .slice(start, start + ROWS_PER_INSERT)
        .map((row) => `(${columns.map((column) => literal(row[column] ?? '')).join(', ')})`);
      statements.push(`INSERT INTO ${table} VALUES ${values.join(', ')}`);
    }
  }
  return statements;
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

function literal(value: string): string {
  return value === '' ? 'NULL' : `'${value.replaceAll("'", "''")}'`;
}
