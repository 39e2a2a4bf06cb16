import { checkCommonOptions, parseCommandLine } from './command-arguments.js';
import { UsageError } from './usage-error.js';

/** The sources `cskit sync` knows. */
export const SYNC_SOURCES = [
  'stripe',
  'zendesk',
  'hubspot',
  'delighted',
  'typeform',
  'rest',
  'postgres',
  'duckdb',
] as const;
export type SyncSource = (typeof SYNC_SOURCES)[number];

/** The command line of `cskit sync <source>`, checked. */
export interface SyncArguments {
  readonly help: boolean;
  readonly source?: SyncSource;
  /** The output directory, as given. */
  readonly out?: string;
  readonly baseUrl?: string;
  /** The Zendesk account's subdomain (`zendesk` only; required unless `baseUrl` is given). */
  readonly subdomain?: string;
  /** The Typeform form id (`typeform` only, required). */
  readonly form?: string;
  /** The REST mapping file (`rest` only, required). */
  readonly config?: string;
  /** IANA time zone; default `UTC`. */
  readonly timeZone: string;
  /** How HubSpot companies are matched to billing customers: `domain` or `property:NAME` (`hubspot` only). */
  readonly match?: string;
  /** The JSON file saying where each entity comes from (`postgres`, `duckdb` only). */
  readonly mapping?: string;
  /** The DuckDB database file (`duckdb` only; default: an in-memory database, for files). */
  readonly db?: string;
}

const OPTIONS = {
  out: { type: 'string' },
  'base-url': { type: 'string' },
  'time-zone': { type: 'string' },
  subdomain: { type: 'string' },
  match: { type: 'string' },
  form: { type: 'string' },
  config: { type: 'string' },
  mapping: { type: 'string' },
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Reads the arguments after `cskit sync`: the source, then its options. There is deliberately no option
 * for the key: secrets come from the environment only, so they never reach shell history or `ps`.
 *
 * @throws UsageError naming the first problem.
 */
export function parseSyncArguments(argv: readonly string[]): SyncArguments {
  const [source, ...rest] = argv;
  if (source === '-h' || source === '--help') return { help: true, timeZone: 'UTC' };
  if (source === undefined || source.startsWith('-')) {
    throw new UsageError(`name the source to sync: ${SYNC_SOURCES.join(', ')} (e.g. cskit sync stripe --out data)`);
  }
  if (!(SYNC_SOURCES as readonly string[]).includes(source)) {
    throw new UsageError(`unknown source "${source}" (known: ${SYNC_SOURCES.join(', ')})`);
  }
  const values = parseCommandLine(rest, OPTIONS);
  if (values.help === true) return { help: true, source: source as SyncSource, timeZone: 'UTC' };
  if (values.out === undefined || values.out === '') throw new UsageError('missing --out <directory>');
  const { timeZone } = checkCommonOptions({ 'time-zone': values['time-zone'] }, []);
  checkZendeskOptions(source as SyncSource, values);
  if (source !== 'hubspot' && values.match !== undefined)
    throw new UsageError('--match is an option of cskit sync hubspot');
  checkOwnOption(
    source as SyncSource,
    values,
    'form',
    'typeform',
    'missing --form <id> (the end of the form URL, …/to/<id>)',
  );
  checkOwnOption(
    source as SyncSource,
    values,
    'config',
    'rest',
    'missing --config <mapping.json> (see docs/connectors.md)',
  );
  checkSqlOptions(source as SyncSource, values);
  return {
    help: false,
    source: source as SyncSource,
    out: values.out,
    ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
    ...(values.subdomain === undefined ? {} : { subdomain: values.subdomain }),
    ...(values.match === undefined ? {} : { match: values.match }),
    ...(values.form === undefined ? {} : { form: values.form }),
    ...(values.config === undefined ? {} : { config: values.config }),
    ...(values.mapping === undefined ? {} : { mapping: values.mapping }),
    ...(values.db === undefined ? {} : { db: values.db }),
    timeZone,
  };
}

/**
 * `--subdomain` belongs to zendesk, which needs it (or a `--base-url`).
 *
 * @throws UsageError naming the option.
 */
function checkZendeskOptions(source: SyncSource, values: Readonly<Record<string, unknown>>): void {
  if (source !== 'zendesk') {
    if (values['subdomain'] !== undefined) throw new UsageError('--subdomain is an option of cskit sync zendesk');
    return;
  }
  if ((values['subdomain'] === undefined || values['subdomain'] === '') && values['base-url'] === undefined) {
    throw new UsageError('missing --subdomain <name> (the first part of <name>.zendesk.com)');
  }
}

/**
 * An option that belongs to one source (`--form` to typeform, `--config` to rest), which needs it.
 *
 * @throws UsageError naming the option.
 */
function checkOwnOption(
  source: SyncSource,
  values: Readonly<Record<string, unknown>>,
  option: string,
  owner: SyncSource,
  missing: string,
): void {
  const value = values[option];
  if (source !== owner) {
    if (value !== undefined) throw new UsageError(`--${option} is an option of cskit sync ${owner}`);
  } else if (value === undefined || value === '') throw new UsageError(missing);
}

/**
 * `--mapping` belongs to the SQL sources and `--db` to duckdb; the SQL sources have no `--base-url`.
 *
 * @throws UsageError naming the option.
 */
function checkSqlOptions(source: SyncSource, values: Readonly<Record<string, unknown>>): void {
  const sql = source === 'postgres' || source === 'duckdb';
  if (!sql && values['mapping'] !== undefined)
    throw new UsageError('--mapping is an option of cskit sync postgres and duckdb');
  if (source !== 'duckdb' && values['db'] !== undefined) throw new UsageError('--db is an option of cskit sync duckdb');
  if (sql && values['base-url'] !== undefined) {
    throw new UsageError(
      `--base-url is not an option of cskit sync ${source}${source === 'postgres' ? ' (set DATABASE_URL)' : ''}`,
    );
  }
}
