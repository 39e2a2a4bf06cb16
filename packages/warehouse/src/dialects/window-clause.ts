import type { WindowSpec } from '../dialect.js';

/** `PARTITION BY … ORDER BY …` of a window. */
export function windowClause(window: WindowSpec): string {
  return `${window.partitionBy === undefined ? '' : `PARTITION BY ${window.partitionBy} `}ORDER BY ${window.orderBy}`;
}
