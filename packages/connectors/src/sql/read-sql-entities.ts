import { CskitValidationError, type ValidationIssue } from '@cskit/core';
import { CANONICAL_ENTITY_NAMES, type CanonicalEntity, type CanonicalRecordTypes } from '../csv/canonical-entities.js';
import { readSqlEntity, type SqlEntityResult, type SqlReadOptions } from './read-sql.js';
import type { SqlEntitySpec } from './sql-entity-spec.js';
import type { SqlSource } from './sql-source.js';

/** Where each entity to read comes from, e.g. `{ subscriptions: { table: 'billing.lines' } }`. */
export type SqlEntities = { readonly [E in CanonicalEntity]?: SqlEntitySpec };

/** The entities read, by name. */
export type SqlEntitiesResult = { -readonly [E in CanonicalEntity]?: SqlEntityResult<CanonicalRecordTypes[E]> };

/**
 * Reads every entity of `entities` with {@link readSqlEntity}. All of them are read before anything is
 * thrown, so one error lists the issues of every entity.
 *
 * @throws CskitValidationError with the issues of all entities (with `onError: 'throw'`, or past `limit`).
 */
export async function readSqlEntities(
  source: SqlSource,
  entities: SqlEntities,
  options: SqlReadOptions = {},
): Promise<SqlEntitiesResult> {
  const result: SqlEntitiesResult = {};
  const issues: ValidationIssue[] = [];
  let truncated = false;
  for (const entity of CANONICAL_ENTITY_NAMES) {
    const spec = entities[entity];
    if (spec === undefined) continue;
    try {
      // Each entity keeps its own type; the map of results cannot say which key holds which.
      (result as Record<string, unknown>)[entity] = await readSqlEntity(source, entity, spec, options);
    } catch (error) {
      if (!(error instanceof CskitValidationError)) throw error;
      issues.push(...error.issues);
      truncated ||= error.truncated;
    }
  }
  if (issues.length > 0) throw new CskitValidationError(issues, { truncated });
  return result;
}

/**
 * The tables and views of the current schema (Postgres's `search_path` first, DuckDB's `main`) named like
 * a canonical entity (`customers`, `subscriptions`, `nps`, `csat`, `ces`, `tickets`, `usage`,
 * `churn_reasons`, `cs_costs`, `fx`), as specs for {@link readSqlEntities}.
 */
export async function canonicalTables(source: SqlSource): Promise<SqlEntities> {
  const rows = await source.textRows(
    'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()',
  );
  const present = new Set(rows.map((row) => row['table_name']));
  return Object.fromEntries(
    CANONICAL_ENTITY_NAMES.filter((entity) => present.has(entity)).map((entity) => [entity, { table: entity }]),
  );
}
