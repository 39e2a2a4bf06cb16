import { addMonths, buildReport, formatMonth, parseMonth, type Report } from '@cskit/core';
import { sampleDataset } from '@cskit/core/sample';

let cached: Report | undefined;
let cachedHistory: Report | undefined;

/**
 * The built-in sample company's report (the same numbers `cskit report --sample` prints), for the last
 * 24 months of its history. Computed once per page: stories and tests share it.
 */
export function sampleReport(): Report {
  if (!cached) {
    const dataset = sampleDataset();
    const last = parseMonth(dataset.lastMonth);
    const from = last === undefined ? undefined : formatMonth(addMonths(last, -23));
    cached = buildReport(dataset, { currency: dataset.currency, ...(from ? { from } : {}) });
  }
  return cached;
}

/**
 * The sample company's whole history (every month and cohort since its first customer): the "many
 * points" state of the charts.
 */
export function sampleHistoryReport(): Report {
  if (!cachedHistory) {
    const dataset = sampleDataset();
    cachedHistory = buildReport(dataset, { currency: dataset.currency });
  }
  return cachedHistory;
}
