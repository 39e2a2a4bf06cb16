/**
 * A small report in the JSON shape of shared/spec/report.md for stories and tests.
 * TODO(sample): replace with buildReport() over @cskit/core/sample once the core report lands.
 */
export function sampleReport() {
  const months = ['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12'];
  const mrr = [41200, 42950.5, 43810.25, 43302, 45120.75, 46890.1];
  const churn = [0.031, 0.027, 0.029, 0.034, 0.026, 0.024];
  return {
    version: 1,
    currency: 'USD',
    timeZone: 'UTC',
    months: months.map((month, i) => ({
      month,
      mrr: mrr[i],
      arr: (mrr[i] ?? 0) * 12,
      logoChurnRate: churn[i],
      nrr: 1.01 + i * 0.002,
      customers: 400 + i * 6,
    })),
  };
}
