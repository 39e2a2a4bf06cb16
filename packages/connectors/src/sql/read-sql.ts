import {
  CskitValidationError,
  type CanonicalRecord,
  type ReadOptions,
  type ReadResult,
  type ValidationIssue,
} from '@cskit/core';
import {
  CANONICAL_ENTITIES,
  missingColumnIssues,
  type CanonicalEntity,
  type CanonicalRecordTypes,
} from '../csv/canonical-entities.js';
import { issuesNamedById, namedById } from '../sync/named-by-id.js';
import { relationOf, type SqlEntitySpec } from './sql-entity-spec.js';
import { quoteIdentifier, type SqlColumn, type SqlSource } from './sql-source.js';

/** Options of the SQL readers: core's {@link ReadOptions}, with the source named by the entity. */
export type SqlReadOptions = Omit<ReadOptions, 'source' | 'firstRow'>;

/** An entity read from SQL: core's records and issues, and the canonical text they were read from. */
export interface SqlEntityResult<T> extends ReadResult<T> {
  /** How issues name the entity: `subscriptions (postgres table billing.lines)`. */
  readonly source: string;
  /** The canonical column names, in the order of the source's columns. */
  readonly columns: readonly string[];
  /** Each row as canonical text (SQL NULL left out), as a canonical CSV file would hold it. */
  readonly rows: readonly CanonicalRecord[];
}

const ALIAS = 'cskit_source';

/**
 * Reads one canonical entity from a database with core's reader for it: the same validation, and the
 * same issues, as the CSV readers. Each column's values are turned into canonical text by the database
 * (see {@link SqlValueKind}), then read as a CSV row would be: nothing is coerced on the way.
 *
 * Issues name the entity and the source (`subscriptions (duckdb table subs)`), then the record by its
 * id where it has one (`customer_id`, `line_id`, `ticket_id` …), else by its row in the result (from 1),
 * and the field. Rows come in the order the database returns them: tables have none, so write a query
 * with `ORDER BY` where order matters (two NPS answers of one respondent on one day: the later row counts).
 * Timestamps without a time zone are wall-clock times in `timeZone`, as in CSV files.
 *
 * @throws CskitValidationError when a required column is missing, a mapped column does not exist, or two
 *   columns give one field (whatever `onError` says); otherwise as core's readers do.
 */
export async function readSqlEntity<E extends CanonicalEntity>(
  source: SqlSource,
  entity: E,
  spec: SqlEntitySpec,
  options: SqlReadOptions = {},
): Promise<SqlEntityResult<CanonicalRecordTypes[E]>> {
  const relation = relationOf(spec, source);
  const label = `${entity} (${source.engine} ${relation.label})`;
  const from = `FROM (\n${relation.sql}\n) AS ${ALIAS}`;
  const columns = await source.columns(`SELECT * ${from} LIMIT 0`);
  const { read } = CANONICAL_ENTITIES[entity];
  const names = canonicalNames(columns, spec.columns ?? {}, label);
  if (names.issues.length === 0)
    names.issues.push(...missingColumnIssues(entity, new Set(names.names), label, 'the result'));
  if (names.issues.length > 0) throw new CskitValidationError(names.issues);

  const select = columns
    .map(
      (column, index) =>
        `${source.canonicalText(column.kind, `${ALIAS}.${quoteIdentifier(column.name)}`)} AS c${index}`,
    )
    .join(', ');
  const textRows = await source.textRows(`SELECT ${select} ${from}`);
  const rows = textRows.map((row) =>
    // fromEntries defines own properties: a column called `__proto__` stays an ordinary field.
    Object.fromEntries(
      names.names.flatMap((name, index) => {
        const value = row[`c${index}`];
        return value === null || value === undefined ? [] : [[name, value]];
      }),
    ),
  );
  const readOptions: ReadOptions = { ...options, source: label, firstRow: 1 };
  const result = namedById(() => read(rows, readOptions));
  return { ...result, issues: issuesNamedById(result.issues), source: label, columns: names.names, rows };
}

/** The canonical name of each column after `renames` (field → column), with the conflicts as issues. */
function canonicalNames(
  columns: readonly SqlColumn[],
  renames: Readonly<Record<string, string>>,
  label: string,
): { names: string[]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const present = new Set(columns.map((column) => column.name));
  const fieldOf = new Map<string, string>();
  for (const [field, column] of Object.entries(renames)) {
    if (!present.has(column)) {
      issues.push({
        source: label,
        field,
        value: column,
        reason: `the result has no column ${column} to read ${field} from`,
      });
    } else if (fieldOf.has(column)) {
      issues.push({
        source: label,
        field,
        value: column,
        reason: `the column ${column} is mapped to ${fieldOf.get(column)} already`,
      });
    } else {
      fieldOf.set(column, field);
    }
  }
  const names = columns.map((column) => fieldOf.get(column.name) ?? column.name);
  const seen = new Map<string, string>();
  for (const [index, name] of names.entries()) {
    const column = columns[index]?.name ?? name;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, column);
    else {
      issues.push({
        source: label,
        field: name,
        value: column,
        reason:
          first === column
            ? `the result has two columns named ${column}`
            : `both ${first} and ${column} give ${name}: rename or leave out one`,
      });
    }
  }
  return { names, issues };
}
