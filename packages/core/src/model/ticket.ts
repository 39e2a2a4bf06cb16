/** One support ticket (metrics.md §1, §4). Timestamps are instants in milliseconds since the epoch. */
export interface Ticket {
  readonly ticketId: string;
  readonly createdAt: number;
  /** Calendar date of `createdAt` in the reporting time zone, `YYYY-MM-DD`. */
  readonly createdDate: string;
  readonly customerId?: string;
  readonly firstResponseAt?: number;
  readonly resolvedAt?: number;
  readonly priority?: string;
  /** Integer 1–5. */
  readonly satisfaction?: number;
  readonly handleMinutes?: number;
  readonly row?: number;
}
