/**
 * The subset of the `cskit report` JSON (shared/spec/report.md) the elements read. Checked at run time
 * because it arrives over the network: a wrong shape becomes the element's error state, not a throw.
 */
export interface ReportMonthLike {
  readonly month: string;
  readonly [field: string]: unknown;
}

export interface ReportLike {
  readonly version: number;
  readonly currency: string;
  readonly months: readonly ReportMonthLike[];
}

/** Returns why `value` is not a report, or `null` when it is one. */
export function reportProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'expected a report object';
  const report = value as Partial<ReportLike>;
  if (report.version !== 1) return `unsupported report version ${JSON.stringify(report.version)}`;
  if (typeof report.currency !== 'string') return 'report.currency is not a string';
  if (!Array.isArray(report.months)) return 'report.months is not an array';
  const bad = report.months.findIndex(
    (m: unknown) => typeof m !== 'object' || m === null || typeof (m as ReportMonthLike).month !== 'string',
  );
  return bad === -1 ? null : `report.months[${bad}].month is not a string`;
}
