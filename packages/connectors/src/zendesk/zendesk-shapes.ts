/** The source name in issues about Zendesk records (they are named by ticket id). */
export const ZENDESK_SOURCE = 'zendesk';

/**
 * The fields of a Zendesk ticket the connector reads (Zendesk sends many more; they are ignored). As
 * received, so every field may be missing: `missingZendeskFields` checks those Zendesk always sends.
 */
export interface ZendeskTicketShape {
  readonly id: number;
  /** ISO 8601 timestamps, `2024-01-02T09:30:00Z`. */
  readonly created_at: string;
  readonly updated_at: string;
  /** `new`, `open`, `pending`, `hold`, `solved`, `closed`, or `deleted` (the export lists deleted tickets). */
  readonly status: string;
  readonly priority?: string | null;
  readonly organization_id?: number | null;
  readonly requester_id?: number | null;
  /** Legacy CSAT: `score` is `good`, `bad`, `offered` or `unoffered`. */
  readonly satisfaction_rating?: { readonly score?: string | null } | null;
}

/** The fields of a ticket metric set (`include=metric_sets`) the connector reads. */
export interface ZendeskMetricSetShape {
  readonly ticket_id: number;
  /** Minutes from creation to the first public agent reply; `calendar` is `null` before it. */
  readonly reply_time_in_minutes?: { readonly calendar?: number | null; readonly business?: number | null } | null;
  /** When the ticket was (last) solved. */
  readonly solved_at?: string | null;
}

/** One page of `GET /api/v2/incremental/tickets/cursor.json`. */
export interface ZendeskExportPage {
  readonly tickets: readonly ZendeskTicketShape[];
  readonly metric_sets?: readonly ZendeskMetricSetShape[];
  readonly after_cursor: string | null;
  readonly after_url: string | null;
  readonly end_of_stream: boolean;
}

/** The fields of a (legacy CSAT) satisfaction rating the connector reads. */
export interface ZendeskSatisfactionRatingShape {
  readonly id: number;
  readonly ticket_id: number;
  /** `good` or `bad` when received (`score=received`); `offered`, `unoffered` otherwise. */
  readonly score: string;
  readonly created_at: string;
}

/** One page of `GET /api/v2/satisfaction_ratings` with cursor pagination. */
export interface ZendeskRatingsPage {
  readonly satisfaction_ratings: readonly ZendeskSatisfactionRatingShape[];
  readonly meta?: { readonly has_more?: boolean; readonly after_cursor?: string | null };
}
