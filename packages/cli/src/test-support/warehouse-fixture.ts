import { fileURLToPath } from 'node:url';
import { runCskit, type CskitOutcome } from './run-cskit.js';

/** Path of a file in `test/fixtures` (the warehouse tests' CSV files). */
export const warehouseFixture = (name: string): string =>
  fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url));

/** The report options every warehouse test prints with: seven months of the fixture, as JSON. */
export const WAREHOUSE_RANGE = ['--currency', 'USD', '--from', '2024-01', '--to', '2024-07', '--format', 'json'];

/** `cskit report` over the fixture CSV files, the JS engine's report the engines must print. */
export function fixtureReport(): Promise<CskitOutcome> {
  return runCskit([
    'report',
    '--subscriptions',
    warehouseFixture('warehouse-subscriptions.csv'),
    '--fx',
    warehouseFixture('warehouse-fx.csv'),
    ...WAREHOUSE_RANGE,
  ]);
}

/**
 * Report JSON with every number to 12 significant digits: ratios may differ in their last bits between
 * engines (the fixture converts EUR at decimal rates, and engines add in different orders); money and
 * counts have at most 12 digits here, so they must still be equal.
 */
export function toTwelveDigits(json: string): unknown {
  return JSON.parse(json, (_key, value: unknown) =>
    typeof value === 'number' ? Number(value.toPrecision(12)) : value,
  );
}
