import type { Dialect } from './dialect.js';

/**
 * A table reference as SQL: `analytics.billing.subs` → `"analytics"."billing"."subs"`. Each part is
 * quoted, so a name can never end the identifier and inject SQL.
 *
 * @throws RangeError for an empty name or an empty part (`a..b`).
 */
export function tableReference(dialect: Dialect, name: string): string {
  const parts = name.split('.');
  if (parts.some((part) => part.trim() === '')) throw new RangeError(`Invalid table name "${name}"`);
  return parts.map((part) => dialect.quote(part)).join('.');
}
