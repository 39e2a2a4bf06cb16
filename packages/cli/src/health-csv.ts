import type { HealthReport } from '@cskit/core';
import { toCsv } from '@cskit/core/sample';

/** The model's factors, in model order: the factor columns of the table and the CSV. */
export type HealthColumns = readonly { readonly key: string; readonly label: string }[];

/**
 * `cskit health --format csv`: one row per customer. Each factor of the model gets `<key>_raw`,
 * `<key>_score` and `<key>_contribution` (empty when missing); `missing` lists the missing keys
 * separated by `;`. Numbers are unrounded, as in the JSON. Segment roll-ups are JSON and table only.
 */
export function formatHealthCsv(report: HealthReport, factors: HealthColumns): string {
  const text = (value: number | string | null | undefined): string | undefined =>
    value === null || value === undefined ? undefined : String(value);
  const columns = [
    'customer_id',
    'name',
    'segment',
    'score',
    'band',
    'trend',
    ...factors.flatMap(({ key }) => [`${key}_raw`, `${key}_score`, `${key}_contribution`]),
    'missing',
  ];
  const rows = report.customers.map((customer) => {
    const row: Record<string, string | undefined> = {
      customer_id: customer.customerId,
      name: text(customer.name),
      segment: text(customer.segment),
      score: text(customer.score),
      band: text(customer.band),
      trend: text(customer.trend),
      missing: customer.missing.join(';'),
    };
    for (const factor of customer.factors) {
      row[`${factor.key}_raw`] = text(factor.raw);
      row[`${factor.key}_score`] = text(factor.score);
      row[`${factor.key}_contribution`] = text(factor.contribution);
    }
    return row;
  });
  return toCsv(rows, { columns });
}
