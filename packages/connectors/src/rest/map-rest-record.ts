import { dateInTimeZone, parseTimestamp, type CanonicalRecord, type ValidationIssue } from '@cskit/core';
import { readJsonPath, type JsonPath } from './json-path.js';
import { REST_ENTITY_FILES } from './rest-entities.js';
import type { RestField, RestMapping } from './rest-mapping.js';

/** What one record of a response becomes. */
export type MappedRestRecord =
  | { readonly kind: 'record'; readonly id: string; readonly record: CanonicalRecord }
  | { readonly kind: 'invalid'; readonly issues: readonly ValidationIssue[] };

/**
 * Maps one record of a response to a canonical record with `mapping`: each field read at its path and
 * transformed, the id into the entity's id column. Fields the mapping does not name are ignored, so new
 * fields in the API change nothing; a field it needs that is absent (a `null` is an empty value, not an
 * absent one), or that does not transform, is an issue naming the record by id and the field.
 *
 * @param source the name issues carry (`delighted`, `mapping.json`).
 */
export function mapRestRecord(raw: unknown, mapping: RestMapping, timeZone: string, source: string): MappedRestRecord {
  const idValue = first(raw, mapping.id);
  const id = typeof idValue === 'string' || typeof idValue === 'number' ? String(idValue) : undefined;
  const issues: ValidationIssue[] = [];
  const report = (field: string, found: unknown, reason: string): void => {
    issues.push({ source, id: id ?? '(a record without id)', field, value: quoted(found), reason });
  };
  if (id === undefined || id === '') {
    report('id', idValue, `the record has no id at ${mapping.idText}`);
  }
  for (const check of mapping.checks) {
    const found = readJsonPath(raw, check.path);
    if (found === undefined && check.optional) continue;
    const text = found === undefined || found === null ? undefined : scalarText(found);
    if (text === undefined || !check.oneOf.includes(text)) {
      report(check.text, found, `must be ${check.oneOf.map((v) => JSON.stringify(v)).join(' or ')}`);
    }
  }
  const entity = REST_ENTITY_FILES[mapping.spec.entity];
  const record: Record<string, string> = {};
  for (const column of entity.columns) record[column] = '';
  for (const [name, field] of mapping.fields) {
    const value = fieldValue(raw, field, timeZone, (found, reason) => report(name, found, reason));
    if (value !== undefined) record[name] = value;
  }
  if (id !== undefined && !mapping.fields.has(entity.idColumn)) record[entity.idColumn] = id;
  if (issues.length > 0 || id === undefined) return { kind: 'invalid', issues };
  return { kind: 'record', id, record };
}

function fieldValue(
  raw: unknown,
  field: RestField,
  timeZone: string,
  report: (found: unknown, reason: string) => void,
): string | undefined {
  if (field.kind === 'const') return field.value;
  const found = first(raw, field.paths);
  if (found === undefined) {
    if (field.optional) return '';
    report(found, `the record has no ${field.text}`);
    return undefined;
  }
  if (found === null) return '';
  let text = scalarText(found);
  if (text === undefined) {
    report(found, `${field.text} is an object or a list, not a value`);
    return undefined;
  }
  if (field.values !== undefined) {
    if (!Object.hasOwn(field.values, text)) {
      report(
        found,
        `${field.text} is not one of ${Object.keys(field.values)
          .map((v) => JSON.stringify(v))
          .join(', ')}`,
      );
      return undefined;
    }
    text = field.values[text] as string;
  }
  const transformed = transform(found, text, field, timeZone);
  if (typeof transformed === 'object') {
    report(found, transformed.reason);
    return undefined;
  }
  return transformed;
}

/** The field's text after its transform, or why it cannot be transformed. */
function transform(
  found: unknown,
  text: string,
  field: Extract<RestField, { kind: 'path' }>,
  timeZone: string,
): string | { reason: string } {
  const of = field.text;
  switch (field.transform) {
    case 'string':
      return text;
    case 'integer':
      return /^-?\d+$/.test(text.trim()) ? String(Number(text.trim())) : { reason: `${of} must be an integer` };
    case 'uppercase':
      return text.toUpperCase();
    case 'boolean':
      return text === 'true' || text === 'false' ? text : { reason: `${of} must be true or false` };
    case 'date':
    case 'timestamp': {
      const parsed = parseTimestamp(text, timeZone);
      if (parsed === undefined) return { reason: `${of} must be an ISO 8601 timestamp` };
      return field.transform === 'date' ? dateInTimeZone(parsed.epochMs, timeZone) : text;
    }
    case 'unix-seconds-date':
    case 'unix-ms-date':
    case 'unix-seconds-timestamp': {
      const n = typeof found === 'number' ? found : /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isFinite(n) || n < 0)
        return {
          reason: `${of} must be a Unix time in ${field.transform === 'unix-ms-date' ? 'milliseconds' : 'seconds'}`,
        };
      const ms = field.transform === 'unix-ms-date' ? n : n * 1000;
      return field.transform === 'unix-seconds-timestamp'
        ? new Date(ms).toISOString().replace('.000Z', 'Z')
        : dateInTimeZone(ms, timeZone);
    }
    case 'minor-units':
      return minorToMajor(text, field.exponent) ?? { reason: `${of} must be an integer amount in minor units` };
  }
}

/** `4999` with exponent 2 → `49.99`, exactly (no floating point); `undefined` when not an integer. */
function minorToMajor(text: string, exponent: number): string | undefined {
  const match = /^(-?)(\d+)$/.exec(text.trim());
  if (match === null) return undefined;
  const [, sign = '', digits = ''] = match;
  if (exponent === 0) return `${sign}${BigInt(digits).toString()}`;
  const padded = digits.padStart(exponent + 1, '0');
  const whole = BigInt(padded.slice(0, -exponent)).toString();
  return `${sign}${whole}.${padded.slice(-exponent)}`;
}

function first(raw: unknown, paths: readonly JsonPath[]): unknown {
  for (const path of paths) {
    const found = readJsonPath(raw, path);
    if (found !== undefined) return found;
  }
  return undefined;
}

function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

function quoted(value: unknown): string {
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}
