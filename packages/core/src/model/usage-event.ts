/** One product usage event (metrics.md §1, §5). */
export interface UsageEvent {
  readonly customerId: string;
  /** `YYYY-MM-DD` in the reporting time zone. */
  readonly date: string;
  /** What happened (`report_exported`, `login` …); feature adoption is counted per name. */
  readonly name: string;
  /** How much of it (a non-negative number, default 1). */
  readonly value: number;
  /** The person who did it; events without one count for no seat. */
  readonly userId?: string;
  /** Row of the source file, for explanations. */
  readonly row?: number;
}
