/** Why a customer left (metrics.md §1, §8). */
export interface ChurnReason {
  readonly customerId: string;
  /** `YYYY-MM-DD` in the reporting time zone. */
  readonly date: string;
  /** The reason as the source names it (`price`, `missing feature` …). */
  readonly reason: string;
  /** Whether the customer chose to leave (`false`: payment failure, bankruptcy …); absent when unknown. */
  readonly voluntary?: boolean;
  readonly comment?: string;
  /** Row of the source file, for explanations. */
  readonly row?: number;
}
