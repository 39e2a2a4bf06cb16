import type { ReportMonth } from '@cskit/core';
import type { ReportLike } from '../internal/report-data.js';
import { sampleReport } from './sample-report.js';

/** A numeric report field `<cs-kpi metric=…>` can show. */
type KpiField = {
  [K in keyof ReportMonth]: ReportMonth[K] extends number | null ? K : never;
}[keyof ReportMonth];

/** The sample company's latest month and the one before it, for one metric, straight from core's report. */
export interface SampleKpi {
  /** The report as its JSON (what `src` would load), core's `buildReport` over the sample company. */
  readonly report: ReportLike;
  readonly currency: string;
  readonly months: readonly string[];
  readonly values: readonly (number | null)[];
  readonly last: { readonly month: string; readonly value: number | null };
  readonly previous: { readonly month: string; readonly value: number | null };
}

/**
 * The sample company's report (core's `sampleDataset` + `buildReport`, as {@link sampleReport}) and the
 * series of `metric` in it, so that tests can derive what the tile must show from the report itself.
 */
export function sampleKpi(metric: KpiField): SampleKpi {
  const report = sampleReport();
  const months = report.months;
  const last = months.at(-1);
  const previous = months.at(-2);
  if (!last || !previous) throw new Error('the sample report has fewer than two months');
  return {
    // Core's `Report` is a closed interface; its JSON round trip meets the widgets' open `ReportLike`.
    report: JSON.parse(JSON.stringify(report)) as ReportLike,
    currency: report.currency,
    months: months.map((m) => m.month),
    values: months.map((m) => m[metric]),
    last: { month: last.month, value: last[metric] },
    previous: { month: previous.month, value: previous[metric] },
  };
}
