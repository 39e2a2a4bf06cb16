/** Options of the revenue metrics (metrics.md §2). Every option has the spec's default. */
export interface RevenueOptions {
  /**
   * Reporting currency (ISO 4217). Default: the only currency of the lines; with several, the only
   * one the `fx` table does not convert from. Anything else is an error asking for it.
   */
  currency?: string;
  /** IANA time zone of the dates (default `UTC`). Lines carry dates already; the zone is echoed. */
  timeZone?: string;
  /** When in the month a line must be active to count (default `'month-end'`). */
  snapshot?: 'month-end' | 'month-start';
  /** A return after more than this many inactive months counts as new (default: never). */
  reactivationWindowMonths?: number;
  /** Gross margin used by LTV, a fraction (default 1). */
  grossMargin?: number;
  /** Days after a trial's end within which a paid line converts it (default 30). */
  trialConversionDays?: number;
  /** A customer attribute: when set, every series is computed per value of it as well. */
  groupBy?: string;
}
