/** One NPS survey answer (metrics.md §1, §3). */
export interface NpsResponse {
  /** `YYYY-MM-DD` in the reporting time zone. */
  readonly date: string;
  /** Integer 0–10. */
  readonly score: number;
  readonly customerId?: string;
  /** Who answered; defaults to `customerId`; a response with neither is its own respondent. */
  readonly respondentId?: string;
  readonly comment?: string;
  /** Row of the source file, which also orders two answers of one respondent on the same date. */
  readonly row?: number;
}
