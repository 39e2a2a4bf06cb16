import { parseJsonPath, JsonPathSyntaxError, type JsonPath } from './json-path.js';
import { REST_ENTITIES, REST_ENTITY_FILES, type RestEntity } from './rest-entities.js';

/** How a value read from a record becomes the text of a canonical field. */
export const REST_TRANSFORMS = [
  /** Strings as they are, numbers and booleans as text (the default). */
  'string',
  /** An integer, or a string holding one. */
  'integer',
  /** An ISO 8601 timestamp (or `YYYY-MM-DD`) → the calendar date in the sync's time zone. */
  'date',
  /** An ISO 8601 timestamp, checked and kept as given. */
  'timestamp',
  /** Unix seconds → the calendar date in the sync's time zone. */
  'unix-seconds-date',
  /** Unix milliseconds → the calendar date in the sync's time zone. */
  'unix-ms-date',
  /** Unix seconds → an ISO 8601 UTC timestamp. */
  'unix-seconds-timestamp',
  /** An integer amount in minor units → a decimal in major units (`exponent` digits, default 2: cents). */
  'minor-units',
  /** A boolean (or `"true"`/`"false"`) → `true`/`false`. */
  'boolean',
  /** Text in upper case (currency codes). */
  'uppercase',
] as const;
export type RestTransform = (typeof REST_TRANSFORMS)[number];

/** Where one canonical field comes from, as a user writes it. */
export type RestFieldSpec =
  /** A path into the record. */
  | string
  | {
      /** A path into the record, or several: the first that is present is used. */
      readonly path: string | readonly string[];
      readonly transform?: RestTransform;
      /** Digits of the minor unit for `minor-units` (default 2). */
      readonly exponent?: number;
      /** Source values → field values (`{"good": "5", "bad": "1"}`); a value not listed is an error. */
      readonly values?: Readonly<Record<string, string>>;
      /** Absent in the record is fine (an empty field); without it, an absent value is an error. */
      readonly optional?: boolean;
    }
  /** The same text for every record. */
  | { readonly const: string };

/** How the next page is asked for. */
export type RestPagination =
  /** One request. */
  | { readonly type: 'none' }
  /**
   * The response holds the next cursor at `cursor`; it is sent as the query parameter `param`. Ends when
   * there is no cursor, on an empty page, or on one with fewer than `size` records.
   */
  | { readonly type: 'cursor'; readonly cursor: string; readonly param: string; readonly size?: number }
  /** Page numbers in the query parameter `param` from `start` (default 1); ends on an empty page, or one with fewer than `size` records. */
  | { readonly type: 'page'; readonly param: string; readonly start?: number; readonly size?: number }
  /** The `Link` header's `rel="next"` URL. */
  | { readonly type: 'link' }
  /** The next page's URL is in the response at `next`. */
  | { readonly type: 'next-url'; readonly next: string };

/** The credential of the requests: read from an environment variable, sent in a header. */
export interface RestAuth {
  /** The environment variable holding the secret, e.g. `ACME_API_TOKEN`. */
  readonly env: string;
  /** The header it goes in (default `Authorization`). */
  readonly header?: string;
  /**
   * `bearer` (default): `Bearer <secret>`; `basic`: `Basic base64(<secret>)`, where the secret is
   * `user:password` or a key used as the user name with an empty password; `raw`: the secret as it is.
   */
  readonly scheme?: 'bearer' | 'basic' | 'raw';
}

/** A check on every record: the value at `path` must be one of `oneOf` (or absent, when `optional`). */
export interface RestCheck {
  readonly path: string;
  readonly oneOf: readonly string[];
  readonly optional?: boolean;
}

/** A declarative mapping of a JSON/REST API to one canonical entity: what users write in `mapping.json`. */
export interface RestMappingSpec {
  readonly version: 1;
  readonly entity: RestEntity;
  readonly request: {
    /** The first page's URL (http or https); `--base-url` may replace its origin. */
    readonly url: string;
    /** Query parameters added to every request (page size, filters). */
    readonly query?: Readonly<Record<string, string>>;
    readonly auth?: RestAuth;
  };
  /** Path of the records' array in a response (`$` when the response is the array). */
  readonly records: string;
  /** Path of a record's id: names the record in errors, and de-duplicates records listed twice. */
  readonly id: string | readonly string[];
  /** Canonical field → where it comes from. */
  readonly fields: Readonly<Record<string, RestFieldSpec>>;
  readonly checks?: readonly RestCheck[];
  readonly pagination: RestPagination;
  /**
   * The order the API lists records in (default `oldest-first`). The file is written oldest first either
   * way: NPS keeps a respondent's later row of a day, so rows must follow time.
   */
  readonly order?: 'oldest-first' | 'newest-first';
}

/** A field of a checked mapping. */
export type RestField =
  | {
      readonly kind: 'path';
      readonly paths: readonly JsonPath[];
      /** The paths as written, for messages. */
      readonly text: string;
      readonly transform: RestTransform;
      readonly exponent: number;
      readonly values?: Readonly<Record<string, string>>;
      readonly optional: boolean;
    }
  | { readonly kind: 'const'; readonly value: string };

/** A mapping checked and with its paths parsed: what the sync runs. */
export interface RestMapping {
  readonly spec: RestMappingSpec;
  readonly records: JsonPath;
  readonly id: readonly JsonPath[];
  readonly idText: string;
  readonly fields: ReadonlyMap<string, RestField>;
  readonly checks: readonly {
    readonly path: JsonPath;
    readonly text: string;
    readonly oneOf: readonly string[];
    readonly optional: boolean;
  }[];
  readonly cursor?: JsonPath;
  readonly next?: JsonPath;
}

/** A mapping file with mistakes; `problems` lists each as `key.path: what is wrong`. */
export class RestMappingError extends Error {
  override readonly name = 'RestMappingError';

  constructor(
    /** The mapping's name in messages, e.g. `mapping.json`. */
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source} is not a valid REST mapping:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  }
}

/**
 * Checks a mapping (parsed JSON, as users write it; see docs/connectors.md) and parses its paths.
 * Every problem is listed, each naming the key at fault: `fields.score.transform: unknown transform
 * "cents2" (known: string, integer, …)`.
 *
 * @throws RestMappingError listing the problems.
 */
export function parseRestMapping(value: unknown, source = 'mapping.json'): RestMapping {
  const problems: string[] = [];
  const problem = (key: string, message: string): void => {
    problems.push(`${key}: ${message}`);
  };
  const path = (key: string, text: unknown): JsonPath | undefined => {
    if (typeof text !== 'string') {
      problem(key, 'must be a path such as "data" or "person.id"');
      return undefined;
    }
    try {
      return parseJsonPath(text);
    } catch (error) {
      if (!(error instanceof JsonPathSyntaxError)) throw error;
      problem(key, error.message);
      return undefined;
    }
  };
  const paths = (key: string, text: unknown): JsonPath[] => {
    const list = Array.isArray(text) ? (text as unknown[]) : [text];
    if (list.length === 0) problem(key, 'must name at least one path');
    return list.map((item, i) => path(Array.isArray(text) ? `${key}[${i}]` : key, item) ?? []);
  };
  if (!isObject(value)) throw new RestMappingError(source, ['(top level): must be a JSON object']);
  unknownKeys(
    value,
    ['$schema', 'version', 'entity', 'request', 'records', 'id', 'fields', 'checks', 'pagination', 'order'],
    '',
    problem,
  );
  if (value['version'] !== 1) problem('version', 'must be 1');
  if (value['order'] !== undefined && value['order'] !== 'oldest-first' && value['order'] !== 'newest-first') {
    problem('order', 'must be oldest-first or newest-first');
  }
  const entity = value['entity'];
  if (!(REST_ENTITIES as readonly unknown[]).includes(entity)) {
    problem('entity', `must be one of ${REST_ENTITIES.join(', ')}`);
  }
  const request = value['request'];
  if (!isObject(request)) problem('request', 'must be an object with url (and query, auth)');
  else {
    unknownKeys(request, ['url', 'query', 'auth'], 'request.', problem);
    checkUrl(request['url'], problem);
    const query = request['query'];
    if (query !== undefined && !(isObject(query) && Object.values(query).every((v) => typeof v === 'string'))) {
      problem('request.query', 'must be an object of strings');
    }
    checkAuth(request['auth'], problem);
  }
  const records = path('records', value['records']) ?? [];
  const id = paths('id', value['id']);
  const fields = new Map<string, RestField>();
  const fieldSpecs = value['fields'];
  if (!isObject(fieldSpecs)) problem('fields', 'must be an object: canonical field → path');
  else {
    for (const [name, spec] of Object.entries(fieldSpecs)) {
      const field = checkField(`fields.${name}`, spec, paths, problem);
      if (field !== undefined) fields.set(name, field);
    }
    if (typeof entity === 'string' && Object.hasOwn(REST_ENTITY_FILES, entity)) {
      const file = REST_ENTITY_FILES[entity as RestEntity];
      for (const required of file.required) {
        if (!fields.has(required)) problem(`fields.${required}`, `is required for ${entity}`);
      }
      if (fields.has(file.idColumn) && file.idColumn === 'response_id') {
        problem(`fields.response_id`, 'comes from "id": remove it from fields');
      }
    }
  }
  const checks: RestMapping['checks'][number][] = [];
  const checkSpecs = value['checks'];
  if (checkSpecs !== undefined) {
    if (!Array.isArray(checkSpecs)) problem('checks', 'must be a list of { path, oneOf }');
    else
      checkSpecs.forEach((check: unknown, i) => {
        const key = `checks[${i}]`;
        if (!isObject(check)) return problem(key, 'must be an object { path, oneOf, optional? }');
        unknownKeys(check, ['path', 'oneOf', 'optional'], `${key}.`, problem);
        const parsed = path(`${key}.path`, check['path']);
        const oneOf = check['oneOf'];
        if (!Array.isArray(oneOf) || oneOf.length === 0 || !oneOf.every((v) => typeof v === 'string')) {
          return problem(`${key}.oneOf`, 'must be a non-empty list of strings');
        }
        if (check['optional'] !== undefined && typeof check['optional'] !== 'boolean') {
          problem(`${key}.optional`, 'must be true or false');
        }
        if (parsed !== undefined) {
          checks.push({ path: parsed, text: check['path'] as string, oneOf, optional: check['optional'] === true });
        }
      });
  }
  const pagination = value['pagination'];
  let cursor: JsonPath | undefined;
  let next: JsonPath | undefined;
  if (!isObject(pagination))
    problem('pagination', 'must be an object with a type: none, cursor, page, link or next-url');
  else {
    switch (pagination['type']) {
      case 'none':
      case 'link':
        unknownKeys(pagination, ['type'], 'pagination.', problem);
        break;
      case 'cursor':
      case 'page':
        unknownKeys(
          pagination,
          pagination['type'] === 'cursor' ? ['type', 'cursor', 'param', 'size'] : ['type', 'param', 'start', 'size'],
          'pagination.',
          problem,
        );
        if (pagination['type'] === 'cursor') cursor = path('pagination.cursor', pagination['cursor']);
        checkName('pagination.param', pagination['param'], problem);
        for (const key of ['start', 'size'] as const) {
          const n = pagination[key];
          if (n !== undefined && !(Number.isSafeInteger(n) && (n as number) >= (key === 'start' ? 0 : 1))) {
            problem(`pagination.${key}`, `must be an integer of at least ${key === 'start' ? 0 : 1}`);
          }
        }
        break;
      case 'next-url':
        unknownKeys(pagination, ['type', 'next'], 'pagination.', problem);
        next = path('pagination.next', pagination['next']);
        break;
      default:
        problem('pagination.type', 'must be none, cursor, page, link or next-url');
    }
  }
  if (problems.length > 0) throw new RestMappingError(source, problems);
  const idValue = value['id'] as string | readonly string[];
  return {
    spec: value as unknown as RestMappingSpec,
    records,
    id,
    idText: typeof idValue === 'string' ? idValue : idValue.join(' | '),
    fields,
    checks,
    ...(cursor === undefined ? {} : { cursor }),
    ...(next === undefined ? {} : { next }),
  };
}

function checkField(
  key: string,
  spec: unknown,
  paths: (key: string, text: unknown) => JsonPath[],
  problem: (key: string, message: string) => void,
): RestField | undefined {
  if (typeof spec === 'string') {
    return { kind: 'path', paths: paths(key, spec), text: spec, transform: 'string', exponent: 2, optional: false };
  }
  if (!isObject(spec)) {
    problem(key, 'must be a path, { "path": …, "transform": … } or { "const": … }');
    return undefined;
  }
  if (Object.hasOwn(spec, 'const')) {
    unknownKeys(spec, ['const'], `${key}.`, problem);
    if (typeof spec['const'] !== 'string') problem(`${key}.const`, 'must be a string');
    return { kind: 'const', value: String(spec['const']) };
  }
  unknownKeys(spec, ['path', 'transform', 'exponent', 'values', 'optional'], `${key}.`, problem);
  const transform = spec['transform'] ?? 'string';
  if (!(REST_TRANSFORMS as readonly unknown[]).includes(transform)) {
    problem(
      `${key}.transform`,
      `unknown transform ${JSON.stringify(transform)} (known: ${REST_TRANSFORMS.join(', ')})`,
    );
  }
  const exponent = spec['exponent'] ?? 2;
  if (!(Number.isSafeInteger(exponent) && (exponent as number) >= 0 && (exponent as number) <= 4)) {
    problem(`${key}.exponent`, 'must be an integer from 0 to 4');
  }
  const values = spec['values'];
  if (values !== undefined && !(isObject(values) && Object.values(values).every((v) => typeof v === 'string'))) {
    problem(`${key}.values`, 'must be an object of strings: source value → field value');
  }
  if (spec['optional'] !== undefined && typeof spec['optional'] !== 'boolean') {
    problem(`${key}.optional`, 'must be true or false');
  }
  const text = Array.isArray(spec['path']) ? (spec['path'] as unknown[]).join(' | ') : String(spec['path']);
  return {
    kind: 'path',
    paths: paths(`${key}.path`, spec['path']),
    text,
    transform: transform as RestTransform,
    exponent: exponent as number,
    ...(values === undefined ? {} : { values: values as Record<string, string> }),
    optional: spec['optional'] === true,
  };
}

function checkUrl(url: unknown, problem: (key: string, message: string) => void): void {
  if (typeof url !== 'string') return problem('request.url', 'must be the URL of the first page');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return problem('request.url', `"${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    problem('request.url', 'must start with http:// or https://');
  if (parsed.username !== '' || parsed.password !== '') {
    problem('request.url', 'must not hold credentials: name an environment variable in request.auth');
  }
}

function checkAuth(auth: unknown, problem: (key: string, message: string) => void): void {
  if (auth === undefined) return;
  if (!isObject(auth)) return problem('request.auth', 'must be an object { env, header?, scheme? }');
  unknownKeys(auth, ['env', 'header', 'scheme'], 'request.auth.', problem);
  if (typeof auth['env'] !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(auth['env'])) {
    problem('request.auth.env', 'must name an environment variable (the secret is read from it, never written here)');
  }
  if (auth['header'] !== undefined && (typeof auth['header'] !== 'string' || !/^[A-Za-z0-9-]+$/.test(auth['header']))) {
    problem('request.auth.header', 'must be a header name');
  }
  if (auth['scheme'] !== undefined && !['bearer', 'basic', 'raw'].includes(auth['scheme'] as string)) {
    problem('request.auth.scheme', 'must be bearer, basic or raw');
  }
}

function checkName(key: string, name: unknown, problem: (key: string, message: string) => void): void {
  if (typeof name !== 'string' || name === '') problem(key, 'must name a query parameter');
}

function unknownKeys(
  value: Readonly<Record<string, unknown>>,
  known: readonly string[],
  prefix: string,
  problem: (key: string, message: string) => void,
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) problem(`${prefix}${key}`, `unknown key (known: ${known.join(', ')})`);
  }
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
