import type { SqlSource } from './sql-source.js';
import { quoteIdentifier } from './sql-source.js';

/**
 * Where one canonical entity's rows come from: a table or view (`schema.table`, each part taken as
 * written, case included), a query of your own, or (DuckDB) a CSV or Parquet file. Columns are matched to
 * canonical fields by name; `columns` maps the ones named otherwise.
 */
export type SqlEntitySpec = (
  | { readonly table: string; readonly query?: never; readonly file?: never }
  | { readonly query: string; readonly table?: never; readonly file?: never }
  | { readonly file: string; readonly table?: never; readonly query?: never }
) & {
  /**
   * Canonical field → the source's column holding it, e.g. `{ customer_id: 'account_id', amount:
   * 'price' }`. Columns not named here keep their names (a customer's other columns become attributes).
   */
  readonly columns?: Readonly<Record<string, string>>;
};

/** The relation an entity is read from, as SQL, and how issues name it. */
export interface SqlRelation {
  readonly sql: string;
  /** `table billing.lines`, `query`, `file subs.parquet`. */
  readonly label: string;
}

/**
 * The SQL of a spec's relation. A query's trailing semicolons are dropped, as it is wrapped in a
 * sub-query.
 *
 * @throws Error when the spec names none or several of `table`, `query` and `file`, or the engine cannot
 *   read the file.
 */
export function relationOf(spec: SqlEntitySpec, source: SqlSource): SqlRelation {
  const given = (['table', 'query', 'file'] as const).filter((key) => spec[key] !== undefined);
  if (given.length !== 1) {
    throw new Error(
      `name exactly one of table, query or file (got ${given.length === 0 ? 'none' : given.join(' and ')})`,
    );
  }
  if (spec.table !== undefined) {
    const path = spec.table.split('.').map(quoteIdentifier).join('.');
    return { sql: `SELECT * FROM ${path}`, label: `table ${spec.table}` };
  }
  if (spec.query !== undefined) return { sql: spec.query.replace(/[\s;]+$/, ''), label: 'query' };
  const file = spec.file ?? '';
  return { sql: source.fileRelation(file), label: `file ${file}` };
}
