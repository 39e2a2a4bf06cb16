import { parseMonth } from '@cskit/core';
import { type DialectName, type RevenueQueryOptions } from '@cskit/warehouse';
import { UsageError } from './usage-error.js';

/** Options shared by `cskit sql` and `cskit report --engine`: what the queries read and print. */
export const WAREHOUSE_QUERY_OPTIONS = {
  currency: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'fx-table': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * The query options of parsed `values`: currency required, months `YYYY-MM`, `--from` not after `--to`.
 *
 * @throws UsageError naming the first problem.
 */
export function warehouseQueryOptions(
  values: Readonly<Partial<Record<'currency' | 'from' | 'to' | 'fx-table', string>>>,
  dialect: DialectName,
  subscriptionsTable: string | undefined,
): RevenueQueryOptions {
  if (values.currency === undefined) throw new UsageError('missing --currency <CODE> (the reporting currency)');
  for (const flag of ['from', 'to'] as const) {
    const month = values[flag];
    if (month !== undefined && parseMonth(month) === undefined)
      throw new UsageError(`--${flag} must be a month as YYYY-MM, got "${month}"`);
  }
  if (values.from !== undefined && values.to !== undefined && values.from > values.to)
    throw new UsageError(`--from ${values.from} is after --to ${values.to}`);
  return {
    dialect,
    currency: values.currency.toUpperCase(),
    subscriptionsTable,
    fxTable: values['fx-table'],
    from: values.from,
    to: values.to,
  };
}

/**
 * `value` as one of `choices`.
 *
 * @throws UsageError when it is missing or not one of them.
 */
export function oneOf<T extends string>(value: string | undefined, flag: string, choices: readonly T[]): T {
  if (value === undefined || !(choices as readonly string[]).includes(value))
    throw new UsageError(
      `--${flag} must be one of ${choices.join(', ')}${value === undefined ? '' : `, got "${value}"`}`,
    );
  return value as T;
}
