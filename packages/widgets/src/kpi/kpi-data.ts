import type { ValueFormat } from '../internal/format.js';
import { currencyProblem, reportProblem, type ReportFields, type ReportLike } from '../internal/report-data.js';

/** One period of a KPI series. `null` means the metric is undefined there (e.g. a rate over zero). */
export interface KpiPoint {
  readonly period: string;
  readonly value: number | null;
}

/** A metric series for `<cs-kpi>`: the last point is the headline, the one before it the comparison. */
export interface KpiSeries {
  readonly points: readonly KpiPoint[];
  readonly format: ValueFormat;
  readonly currency?: string | undefined;
}

/** Report fields `<cs-kpi metric=…>` understands, and how each is shown. */
export const KPI_METRICS = {
  mrr: 'currency',
  arr: 'currency',
  arpa: 'currency',
  ltv: 'currency',
  netNewMrr: 'currency',
  customers: 'number',
  quickRatio: 'number',
  logoChurnRate: 'percent',
  grossMrrChurnRate: 'percent',
  netMrrChurnRate: 'percent',
  grr: 'percent',
  nrr: 'percent',
  grr12: 'percent',
  nrr12: 'percent',
} as const satisfies Record<string, ValueFormat>;

/** A metric of the report JSON that `<cs-kpi>` can show. */
export type KpiMetric = keyof typeof KPI_METRICS;

/** Metrics where a rise is bad news, so the change is coloured the other way round. */
export const LOWER_IS_BETTER: ReadonlySet<KpiMetric> = new Set([
  'logoChurnRate',
  'grossMrrChurnRate',
  'netMrrChurnRate',
]);

/** Either a ready series or the report JSON to pick `metric` from. */
export type KpiInput = KpiSeries | ReportLike;

/** The values `KpiSeries.format` may take. */
const VALUE_FORMATS: readonly ValueFormat[] = ['number', 'percent', 'currency'];

function isSeries(input: object): input is KpiSeries {
  return 'points' in input;
}

/**
 * Turns the element's input into a series, or explains why it cannot (`{ problem }`), so that bad data
 * becomes a visible error state and a console message instead of an exception.
 */
export function toKpiSeries(input: unknown, metric: KpiMetric): KpiSeries | { problem: string } {
  if (typeof input !== 'object' || input === null) return { problem: 'data is not an object' };
  if (isSeries(input)) {
    if (!Array.isArray(input.points)) return { problem: 'points is not an array' };
    const bad = input.points.findIndex(
      (p: KpiPoint) => typeof p?.period !== 'string' || (p.value !== null && !Number.isFinite(p.value)),
    );
    if (bad !== -1) return { problem: `points[${bad}] needs a string period and a finite number or null value` };
    if (!VALUE_FORMATS.includes(input.format)) {
      return {
        problem: `format ${JSON.stringify(input.format) ?? String(input.format)} is not one of ${VALUE_FORMATS.join(', ')}`,
      };
    }
    if (input.currency !== undefined) {
      const currency = currencyProblem(input.currency, 'currency');
      if (currency) return { problem: currency };
    }
    return input;
  }
  const problem = reportProblem(input);
  if (problem) return { problem };
  if (!(metric in KPI_METRICS)) return { problem: `unknown metric "${String(metric)}"` };
  const report = input as unknown as ReportFields;
  const points: KpiPoint[] = [];
  for (const month of report.months) {
    const value = month[metric];
    if (value !== null && typeof value !== 'number') {
      return { problem: `report month ${month.month} has no numeric "${metric}"` };
    }
    points.push({ period: month.month, value });
  }
  return { points, format: KPI_METRICS[metric], currency: report.currency };
}
