import { CANONICAL_ENTITY_NAMES, type CanonicalEntity } from '../csv/canonical-entities.js';
import type { SqlEntities } from './read-sql-entities.js';
import type { SqlEntitySpec } from './sql-entity-spec.js';

const SPEC_KEYS = new Set(['table', 'query', 'file', 'columns']);

/**
 * Checks a parsed JSON mapping (`cskit sync postgres|duckdb --mapping sql.json`) and returns it as
 * {@link SqlEntities}: an object whose keys are canonical entities, each `{ "table": "…" }`,
 * `{ "query": "…" }` or `{ "file": "…" }`, with an optional `"columns": { "field": "column" }`.
 *
 * @throws RangeError naming the first problem (an unknown entity or key, a value that is not a string).
 */
export function sqlEntitiesFromJson(json: unknown): SqlEntities {
  const mapping = objectOf(json, 'the mapping');
  const entities: Partial<Record<CanonicalEntity, SqlEntitySpec>> = {};
  for (const [entity, value] of Object.entries(mapping)) {
    if (!(CANONICAL_ENTITY_NAMES as readonly string[]).includes(entity)) {
      throw new RangeError(`unknown entity "${entity}" (known: ${CANONICAL_ENTITY_NAMES.join(', ')})`);
    }
    const spec = objectOf(value, entity);
    for (const key of Object.keys(spec)) {
      if (!SPEC_KEYS.has(key))
        throw new RangeError(`${entity}: unknown key "${key}" (known: table, query, file, columns)`);
    }
    const sources = (['table', 'query', 'file'] as const).filter((key) => spec[key] !== undefined);
    if (sources.length !== 1) {
      throw new RangeError(`${entity}: give exactly one of "table", "query" or "file"`);
    }
    const [kind] = sources as [keyof typeof spec & ('table' | 'query' | 'file')];
    const text = spec[kind];
    if (typeof text !== 'string' || text.trim() === '')
      throw new RangeError(`${entity}.${kind}: a non-empty string is needed`);
    const columns = spec['columns'] === undefined ? undefined : objectOf(spec['columns'], `${entity}.columns`);
    for (const [field, column] of Object.entries(columns ?? {})) {
      if (typeof column !== 'string' || column === '') {
        throw new RangeError(`${entity}.columns.${field}: the name of a column (a string) is needed`);
      }
    }
    entities[entity as CanonicalEntity] = {
      ...({ [kind]: text } as { table: string }),
      ...(columns === undefined ? {} : { columns: columns as Record<string, string> }),
    };
  }
  return entities;
}

function objectOf(value: unknown, what: string): Readonly<Record<string, unknown>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RangeError(`${what} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}
