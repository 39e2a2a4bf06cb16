/**
 * `@cskit/connectors/sql` (Node only: it opens database connections, and reads connection strings that
 * hold passwords): canonical entities read from Postgres (`pg`) and DuckDB (`@duckdb/node-api`) tables,
 * views, queries and CSV/Parquet files, validated exactly as the CSV readers validate them. Both drivers
 * are optional peer dependencies, loaded only by `connectPostgres` and `openDuckDb`. See
 * docs/connectors.md.
 *
 * @packageDocumentation
 */
export { readSqlEntity, type SqlEntityResult, type SqlReadOptions } from './read-sql.js';
export { canonicalTables, readSqlEntities, type SqlEntities, type SqlEntitiesResult } from './read-sql-entities.js';
export { syncSql, type SyncSqlOptions, type SyncSqlResult } from './sync-sql.js';
export type { SqlEntitySpec } from './sql-entity-spec.js';
export { sqlEntitiesFromJson } from './sql-entities-json.js';
export type { OpenedSqlSource, SqlColumn, SqlSource, SqlTextRow, SqlValueKind } from './sql-source.js';
export {
  connectPostgres,
  postgresSource,
  type ConnectPostgresOptions,
  type PostgresQueryable,
} from './postgres-source.js';
export { duckdbSource, openDuckDb, type DuckDbConnectionLike } from './duckdb-source.js';
export {
  CANONICAL_ENTITIES,
  CANONICAL_ENTITY_NAMES,
  type CanonicalEntity,
  type CanonicalEntityReading,
  type CanonicalRecordTypes,
} from '../csv/canonical-entities.js';
