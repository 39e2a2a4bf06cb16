import { defaultHealthModel, healthReport, type HealthReport, type HealthReportCustomer } from '@cskit/core';
import { sampleDataset } from '@cskit/core/sample';

let cached: HealthReport | undefined;

/**
 * The built-in sample company's health: the same JSON `cskit health --sample --format json` prints
 * (core's `healthReport` with the default model, in UTC, as packages/cli/src/health-command.ts calls
 * it), round-tripped through JSON so it is exactly what `src` would load. Computed once per page.
 */
export function sampleHealth(): HealthReport {
  if (!cached) {
    const report = healthReport(sampleDataset(), { timeZone: 'UTC', model: defaultHealthModel() });
    cached = JSON.parse(JSON.stringify(report)) as HealthReport;
  }
  return cached;
}

/** The kinds of customer the stories and tests show. */
export type SampleHealthCase = 'healthy' | 'atRisk' | 'fewFactors';

const cases: Readonly<Record<SampleHealthCase, (c: HealthReportCustomer) => boolean>> = {
  // Green, with every factor the sample has data for and a change over 30 days.
  healthy: (c) => c.band === 'green' && c.factors.length >= 3 && c.trend !== null && c.trend > 0,
  // Red and falling.
  atRisk: (c) => c.band === 'red' && c.factors.length >= 3 && c.trend !== null && c.trend < 0,
  // Scored on a single factor: most of the model has no data.
  fewFactors: (c) => c.score !== null && c.factors.length === 1,
};

/** The first customer of the sample's health that fits `kind` (found in the data, not hard-coded). */
export function sampleHealthCustomer(kind: SampleHealthCase): HealthReportCustomer {
  const customer = sampleHealth().customers.find(cases[kind]);
  if (!customer) throw new Error(`the sample company has no ${kind} customer`);
  return customer;
}
