import { buildReport, type Report } from '@cskit/core';
import type { DialectName } from '../dialect.js';
import { warehouseReport } from '../warehouse-report.js';
import type { Dataset } from './random-datasets.js';
import type { TestEngine } from './test-engines.js';

/**
 * Ratios may differ in the last bits only: both engines compute each line's ticks with the same float
 * operations, but with a decimal FX rate (or an interval_count past the ledger's exact scale) ticks
 * are not integers, and the JS engine adds them in input order while SQL adds them in any order, so a
 * quotient can differ by a few units in the last place. 1e-12 relative is ~4500 ulps: far below any
 * real difference (a customer counted wrongly moves a ratio by ≥ 1/customers). Money is compared exactly.
 */
export const RATIO_TOLERANCE = 1e-12;

/** The report of the JS engine, as `cskit report` prints it (no NPS, no tickets). */
export function jsReport(dataset: Dataset): Report {
  return buildReport(
    { subscriptions: dataset.lines, fx: dataset.fx },
    {
      currency: dataset.currency,
      ...(dataset.from === undefined ? {} : { from: dataset.from }),
      ...(dataset.to === undefined ? {} : { to: dataset.to }),
    },
  );
}

/** The report of the SQL queries run by `engine` on the dataset. */
export async function sqlReport(engine: TestEngine, dialect: DialectName, dataset: Dataset): Promise<Report> {
  await engine.load(dataset.lines, dataset.fx, dataset.currency);
  return warehouseReport((sql) => engine.query(sql), {
    dialect,
    currency: dataset.currency,
    from: dataset.from,
    to: dataset.to,
  });
}

const RATIO_KEYS = new Set([
  'logoChurnRate',
  'grossMrrChurnRate',
  'netMrrChurnRate',
  'grr',
  'nrr',
  'nrr12',
  'grr12',
  'quickRatio',
  'logoRetention',
  'revenueRetention',
]);

/**
 * Differences between two reports, one line each (empty when they agree): money and counts must be
 * equal, ratios equal within {@link RATIO_TOLERANCE}, nulls where the other has null.
 */
export function reportDifferences(expected: unknown, actual: unknown, path = '', ratioValue = false): string[] {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (expected === actual) return [];
    const scale = Math.max(1, Math.abs(expected));
    return ratioValue && Math.abs(expected - actual) <= RATIO_TOLERANCE * scale
      ? []
      : [`${path}: expected ${expected}, got ${actual}`];
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const lengths =
      expected.length === actual.length ? [] : [`${path}: expected ${expected.length} entries, got ${actual.length}`];
    return [
      ...lengths,
      ...expected.flatMap((value, i) =>
        i < actual.length ? reportDifferences(value, actual[i], `${path}[${i}]`, ratioValue) : [],
      ),
    ];
  }
  if (typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((key) =>
      reportDifferences(
        (expected as Record<string, unknown>)[key],
        (actual as Record<string, unknown>)[key],
        path === '' ? key : `${path}.${key}`,
        RATIO_KEYS.has(key),
      ),
    );
  }
  return Object.is(expected, actual)
    ? []
    : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
