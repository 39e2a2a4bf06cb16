import { dirname, isAbsolute, resolve } from 'node:path';
import { CskitValidationError } from '@cskit/core';
import {
  connectPostgres,
  openDuckDb,
  sqlEntitiesFromJson,
  syncSql,
  type OpenedSqlSource,
  type SqlEntities,
} from '@cskit/connectors/sql';
import type { CliIo } from './cli-io.js';
import { InputError } from './input-error.js';
import { readJsonInputFile } from './json-input-file.js';
import type { SyncArguments } from './sync-arguments.js';
import { usage } from './sync-usage.js';
import { UsageError } from './usage-error.js';

/** The environment variable holding a Postgres URL (with its password). */
export const DATABASE_URL_VARIABLE = 'DATABASE_URL';
/** libpq's variables, read when `DATABASE_URL` is not set. */
const PG_VARIABLES = ['PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE'] as const;

/**
 * `cskit sync postgres|duckdb --out DIR [--mapping sql.json] [--db FILE] [--time-zone Z]`: reads the
 * canonical entities from a database (the tables named like them, or the mapping's tables, queries and
 * files) and writes them as canonical CSV files into DIR. A Postgres connection comes from `DATABASE_URL`
 * or the `PG…` variables only, and its password is never printed.
 *
 * @returns the exit status: 0 synced, 1 a record or the mapping is invalid, or the database failed,
 *   2 bad usage (including no connection settings, or a file that cannot be opened).
 */
export async function runSqlSync(
  args: SyncArguments & { readonly source: 'postgres' | 'duckdb'; readonly out: string },
  io: CliIo,
): Promise<number> {
  const env = io.env ?? {};
  const secrets = [env[DATABASE_URL_VARIABLE], env['PGPASSWORD'], passwordOf(env[DATABASE_URL_VARIABLE])].filter(
    (value): value is string => value !== undefined && value !== '',
  );
  // Whatever is printed, a password is not: a driver message that quotes the URL gets it masked.
  const mask = (text: string): string => secrets.reduce((masked, secret) => masked.replaceAll(secret, '***'), text);
  const print = (line: string): void => {
    io.stderr.write(`${mask(line)}\n`);
  };
  let mapping: SqlEntities | InputError | undefined;
  try {
    mapping = args.mapping === undefined ? undefined : await readMapping(args.mapping);
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message);
    throw error;
  }
  if (mapping instanceof InputError) {
    print(`error: ${mapping.message}`);
    return 1;
  }
  const entities = mapping;
  if (
    args.source === 'postgres' &&
    env[DATABASE_URL_VARIABLE] === undefined &&
    !PG_VARIABLES.some((name) => env[name])
  ) {
    return usage(
      io,
      `set ${DATABASE_URL_VARIABLE} (postgres://user:password@host:5432/database) or the PG… variables (${PG_VARIABLES.join(', ')}); they are read from the environment only`,
    );
  }
  let source: OpenedSqlSource | undefined;
  try {
    source = args.source === 'postgres' ? await connectPostgres(postgresSettings(env)) : await openDuckDb(args.db);
    const result = await syncSql({
      source,
      out: args.out,
      timeZone: args.timeZone,
      ...(entities === undefined ? {} : { entities }),
    });
    for (const { entity, file, records } of result.written)
      print(`${args.source}: ${entity}: ${records} records → ${file}`);
    return 0;
  } catch (error) {
    if (error instanceof CskitValidationError) {
      for (const line of error.message.split('\n')) print(`error: ${line}`);
      print(`${args.source}: nothing was written to ${args.out}; the records above need fixing`);
      return 1;
    }
    if (error instanceof RangeError) return usage(io, mask(error.message));
    print(`error: ${args.source}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await source?.close();
  }
}

/**
 * The mapping file, with each `file` resolved against the mapping's directory (so the mapping and its
 * files can move together).
 */
async function readMapping(path: string): Promise<SqlEntities | InputError> {
  const entities = await readJsonInputFile('mapping', path, 'a valid SQL mapping', sqlEntitiesFromJson);
  if (entities instanceof InputError) return entities;
  const base = dirname(path);
  return Object.fromEntries(
    Object.entries(entities).map(([entity, spec]) => [
      entity,
      spec.file === undefined || isAbsolute(spec.file) ? spec : { ...spec, file: resolve(base, spec.file) },
    ]),
  );
}

/** node-postgres settings from the environment `cskit` was given (never from flags). */
function postgresSettings(env: Readonly<Record<string, string | undefined>>) {
  const url = env[DATABASE_URL_VARIABLE];
  if (url !== undefined) return { connectionString: url };
  const port = env['PGPORT'];
  return {
    ...(env['PGHOST'] === undefined ? {} : { host: env['PGHOST'] }),
    ...(port === undefined ? {} : { port: Number(port) }),
    ...(env['PGUSER'] === undefined ? {} : { user: env['PGUSER'] }),
    ...(env['PGPASSWORD'] === undefined ? {} : { password: env['PGPASSWORD'] }),
    ...(env['PGDATABASE'] === undefined ? {} : { database: env['PGDATABASE'] }),
  };
}

/** The password of a `postgres://user:password@host/db` URL, decoded, if it has one. */
function passwordOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const password = new URL(url).password;
    return password === '' ? undefined : decodeURIComponent(password);
  } catch {
    return undefined;
  }
}
