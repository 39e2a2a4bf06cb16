/**
 * One CSAT or CES survey answer (metrics.md §1, §3). The two surveys share a shape and differ only
 * in their score range: CSAT 1–5, CES 1–7.
 */
export interface SurveyResponse {
  /** `YYYY-MM-DD` in the reporting time zone. */
  readonly date: string;
  /** Integer: 1–5 for CSAT, 1–7 for CES. */
  readonly score: number;
  readonly customerId?: string;
  /** The support ticket the answer rates, when the survey followed one. */
  readonly ticketId?: string;
  /** Row of the source file, for explanations. */
  readonly row?: number;
}

/** A customer-satisfaction answer: `score` is an integer 1–5. */
export type CsatResponse = SurveyResponse;

/** A customer-effort answer: `score` is an integer 1–7. */
export type CesResponse = SurveyResponse;
