import { analyseRevenue, churnComposition } from '@cskit/core';
import { sampleDataset } from '@cskit/core/sample';
import type { ChurnBreakdown, ChurnSeries } from '../churn-chart/churn-chart-data.js';
import type { ReportLike } from '../internal/report-data.js';
import { sampleReport } from './sample-report.js';

let cached: ChurnBreakdown | undefined;

/**
 * The sample company's churned customers and MRR per month by company size, from core's
 * `churnComposition` over the same months as {@link sampleReport}. Core gives one event per churn in
 * minor units; the chart wants per-month groups in major units, so this regroups them.
 */
export function sampleChurnBreakdown(): ChurnBreakdown {
  if (cached) return cached;
  const dataset = sampleDataset();
  const months = sampleReport().months;
  const from = months[0]?.month ?? dataset.firstMonth;
  const to = months.at(-1)?.month ?? dataset.lastMonth;
  const analysis = analyseRevenue(dataset, { currency: dataset.currency });
  const composition = churnComposition(analysis, { from, to, customers: dataset.customers, groupBy: 'size' });
  const unit = 10 ** analysis.exponent;
  const byMonth = new Map<string, Map<string, { customers: number; mrr: number }>>();
  for (const churn of composition.churns) {
    const groups = byMonth.get(churn.month) ?? new Map<string, { customers: number; mrr: number }>();
    byMonth.set(churn.month, groups);
    const key = churn.group ?? 'Unknown';
    const group = groups.get(key) ?? { customers: 0, mrr: 0 };
    groups.set(key, { customers: group.customers + 1, mrr: group.mrr + churn.mrr });
  }
  cached = {
    by: 'size',
    months: months.map(({ month }) => ({
      month,
      groups: [...(byMonth.get(month) ?? new Map<string, { customers: number; mrr: number }>())].map(([key, g]) => ({
        key,
        customers: g.customers,
        mrr: Math.round(g.mrr) / unit,
      })),
    })),
  };
  return cached;
}

/**
 * A deterministic daily series of `days` logo-churn rates from 2015-01-01 (core reports months only,
 * so long daily series are synthetic; the benchmark keeps its own in bench/).
 */
export function dailyChurnSeries(days: number): ChurnSeries {
  const start = Date.UTC(2015, 0, 1);
  return {
    currency: 'USD',
    points: Array.from({ length: days }, (_, i) => ({
      period: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
      logo: 0.001 + 0.0005 * Math.sin(i / 30),
    })),
  };
}

/**
 * The sample report as its JSON (what `src` would load). Core's `Report` is a closed interface, so it
 * does not meet the widgets' open `ReportLike` type without this round trip.
 */
export function sampleReportJson(): ReportLike {
  return JSON.parse(JSON.stringify(sampleReport())) as ReportLike;
}
