/**
 * The subset of the `cskit report` JSON (shared/spec/report.md) the elements read. Checked at run time
 * because it arrives over the network: a wrong shape becomes the element's error state, not a throw.
 */
export interface ReportMonthFields {
  readonly month: string;
  readonly [field: string]: unknown;
}

/**
 * A month as the elements accept it: a literal or JSON-typed month (the index signature lets it carry
 * fields an element does not read), or an interface-typed one such as core's `ReportMonth` (interfaces
 * have no implicit index signature, so without the second member `el.data = buildReport(…)` would not
 * type-check).
 */
export type ReportMonthLike = ReportMonthFields | { readonly month: string };

export interface ReportLike {
  readonly version: number;
  readonly currency: string;
  readonly months: readonly ReportMonthLike[];
}

/** A checked report as the elements read it: any field of a month may be there, checked at run time. */
export interface ReportFields {
  readonly version: number;
  readonly currency: string;
  readonly months: readonly ReportMonthFields[];
}

const currencies = new Map<string, boolean>();

/**
 * Returns why `value` (found at `field`) is not a currency code money can be shown in, or `null` when it
 * is one: three upper-case letters (ISO 4217, as `cskit report` writes them) that `Intl.NumberFormat`
 * accepts. Checked with the data so that a wrong code becomes the element's error state instead of a
 * RangeError from `Intl.NumberFormat` in the middle of a render.
 */
export function currencyProblem(value: unknown, field: string): string | null {
  if (typeof value !== 'string') return `${field} is not a string`;
  let valid = currencies.get(value);
  if (valid === undefined) {
    valid = /^[A-Z]{3}$/.test(value);
    if (valid) {
      try {
        new Intl.NumberFormat('en', { style: 'currency', currency: value });
      } catch {
        valid = false;
      }
    }
    currencies.set(value, valid);
  }
  return valid ? null : `${field} ${JSON.stringify(value)} is not an ISO 4217 currency code (e.g. "USD")`;
}

/** Returns why `value` is not a report, or `null` when it is one. */
export function reportProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'expected a report object';
  const report = value as Partial<ReportLike>;
  if (report.version !== 1) return `unsupported report version ${JSON.stringify(report.version)}`;
  const currency = currencyProblem(report.currency, 'report.currency');
  if (currency) return currency;
  if (!Array.isArray(report.months)) return 'report.months is not an array';
  const bad = report.months.findIndex(
    (m: unknown) => typeof m !== 'object' || m === null || typeof (m as ReportMonthLike).month !== 'string',
  );
  return bad === -1 ? null : `report.months[${bad}].month is not a string`;
}
