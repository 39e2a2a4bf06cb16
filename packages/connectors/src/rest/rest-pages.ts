import { readJsonPath } from './json-path.js';
import type { RestAuth, RestMapping } from './rest-mapping.js';

/**
 * The URL of the first page: the mapping's URL with its query, on `baseUrl`'s origin when one is given
 * (a local mock, a proxy).
 *
 * @throws RangeError for a base URL that is not an http(s) origin.
 */
export function firstPageUrl(mapping: RestMapping, baseUrl?: string): string {
  const url = new URL(mapping.spec.request.url);
  if (baseUrl !== undefined) {
    let base: URL;
    try {
      base = new URL(baseUrl);
    } catch {
      throw new RangeError(`the base URL "${baseUrl}" is not a URL (expected e.g. http://127.0.0.1:12112)`);
    }
    if ((base.protocol !== 'http:' && base.protocol !== 'https:') || base.username !== '' || base.password !== '') {
      throw new RangeError('the base URL must be an http(s) origin without credentials');
    }
    url.protocol = base.protocol;
    url.host = base.host;
  }
  for (const [name, value] of Object.entries(mapping.spec.request.query ?? {})) url.searchParams.set(name, value);
  const pagination = mapping.spec.pagination;
  if (pagination.type === 'page') url.searchParams.set(pagination.param, String(pagination.start ?? 1));
  return url.href;
}

/**
 * The URL of the page after the one fetched from `current`, or `null` when that was the last:
 *
 * - `cursor`: the cursor at its path, as the query parameter; the end when it is absent, empty, the same
 *   as the one just sent (an API whose cursor does not move), or the page had no records (or fewer than `size`);
 * - `page`: the next number; the end on an empty page, or one shorter than `size`;
 * - `link`: the `Link` header's `rel="next"`; `next-url`: the URL at its path.
 *
 * A next URL must stay on the first page's origin: the credential goes nowhere else.
 *
 * @throws Error for a next URL on another origin, or one that is not a URL.
 */
export function nextPageUrl(
  mapping: RestMapping,
  current: string,
  body: unknown,
  headers: Headers,
  records: number,
): string | null {
  const pagination = mapping.spec.pagination;
  const url = new URL(current);
  switch (pagination.type) {
    case 'none':
      return null;
    case 'cursor': {
      const cursor = readJsonPath(body, mapping.cursor ?? []);
      if (records === 0 || (pagination.size !== undefined && records < pagination.size)) return null;
      if (typeof cursor !== 'string' && typeof cursor !== 'number') return null;
      const text = String(cursor);
      if (text === '' || text === url.searchParams.get(pagination.param)) return null;
      url.searchParams.set(pagination.param, text);
      return url.href;
    }
    case 'page': {
      if (records === 0 || (pagination.size !== undefined && records < pagination.size)) return null;
      const page = Number(url.searchParams.get(pagination.param) ?? pagination.start ?? 1);
      url.searchParams.set(pagination.param, String(page + 1));
      return url.href;
    }
    case 'link':
      return sameOrigin(linkNext(headers.get('link')), url);
    case 'next-url': {
      const next = readJsonPath(body, mapping.next ?? []);
      return sameOrigin(typeof next === 'string' && next !== '' ? next : null, url);
    }
  }
}

/** The `rel="next"` target of a `Link` header (RFC 8288), or `null`. */
export function linkNext(header: string | null): string | null {
  if (header === null) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match === null) continue;
    const rels = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2] ?? '');
    const rel = (rels?.[1] ?? rels?.[2] ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('next')) return match[1] ?? null;
  }
  return null;
}

function sameOrigin(next: string | null, current: URL): string | null {
  if (next === null) return null;
  let url: URL;
  try {
    url = new URL(next, current);
  } catch {
    throw new Error(`the next page's URL "${next}" is not a URL`);
  }
  if (url.origin !== current.origin) {
    throw new Error(
      `the next page's URL is on ${url.origin}, not ${current.origin}: cskit sends the credential to the configured origin only`,
    );
  }
  return url.href;
}

/** The request headers that carry `secret` as `auth` says. */
export function authHeaders(auth: RestAuth | undefined, secret: string | undefined): Record<string, string> {
  if (auth === undefined || secret === undefined) return {};
  const scheme = auth.scheme ?? 'bearer';
  const value =
    scheme === 'bearer'
      ? `Bearer ${secret}`
      : scheme === 'basic'
        ? `Basic ${Buffer.from(secret.includes(':') ? secret : `${secret}:`).toString('base64')}`
        : secret;
  return { [(auth.header ?? 'Authorization').toLowerCase()]: value };
}
