/**
 * A ticket as Zendesk's API sends it: the fields the connector reads and a realistic share of the
 * others. Any field may be changed or removed by a fixture (schema drift).
 */
export interface ZendeskTicketObject {
  id: number;
  updated_at: string;
  [field: string]: unknown;
}

/** A ticket metric set (`/api/v2/ticket_metrics`, or side-loaded with `include=metric_sets`). */
export interface ZendeskMetricSetObject {
  ticket_id: number;
  [field: string]: unknown;
}

/** Options of {@link zendeskTicket}. */
export interface ZendeskTicketInput {
  readonly id: number;
  /** ISO 8601, `2024-01-03T09:00:00Z`. */
  readonly createdAt: string;
  /** Default: `createdAt`. */
  readonly updatedAt?: string;
  /** Default `open`. */
  readonly status?: 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed' | 'deleted';
  readonly priority?: 'urgent' | 'high' | 'normal' | 'low' | null;
  readonly organizationId?: number | null;
  readonly requesterId?: number;
  /** Legacy CSAT score; `null` (default): never offered. */
  readonly satisfaction?: 'good' | 'bad' | 'offered' | 'unoffered' | null;
  readonly subject?: string;
}

/** A Zendesk-shaped ticket. */
export function zendeskTicket(input: ZendeskTicketInput): ZendeskTicketObject {
  const updatedAt = input.updatedAt ?? input.createdAt;
  const satisfaction = input.satisfaction ?? null;
  return {
    url: `https://example.zendesk.com/api/v2/tickets/${input.id}.json`,
    id: input.id,
    external_id: null,
    via: { channel: 'email', source: { from: {}, to: {}, rel: null } },
    created_at: input.createdAt,
    updated_at: updatedAt,
    generated_timestamp: Math.floor(Date.parse(updatedAt) / 1000),
    type: 'question',
    subject: input.subject ?? `Ticket ${input.id}`,
    raw_subject: input.subject ?? `Ticket ${input.id}`,
    description: 'Hello, I need help.',
    priority: input.priority ?? null,
    status: input.status ?? 'open',
    recipient: null,
    requester_id: input.requesterId ?? 900_000 + input.id,
    submitter_id: input.requesterId ?? 900_000 + input.id,
    assignee_id: 800_001,
    organization_id: input.organizationId ?? null,
    group_id: 700_001,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    forum_topic_id: null,
    problem_id: null,
    has_incidents: false,
    is_public: true,
    due_at: null,
    tags: [],
    custom_fields: [],
    satisfaction_rating: satisfaction === null ? null : { score: satisfaction },
    sharing_agreement_ids: [],
    custom_status_id: 1,
    fields: [],
    followup_ids: [],
    ticket_form_id: 1,
    brand_id: 1,
    allow_channelback: false,
    allow_attachments: true,
    from_messaging_channel: false,
  };
}

/** Options of {@link zendeskMetricSet}. */
export interface ZendeskMetricSetInput {
  readonly ticketId: number;
  readonly createdAt: string;
  /** Calendar minutes to the first public agent reply; `null` (default): no reply yet. */
  readonly replyMinutes?: number | null;
  /** When the ticket was solved; `null` (default): never. */
  readonly solvedAt?: string | null;
}

/** A Zendesk-shaped ticket metric set. */
export function zendeskMetricSet(input: ZendeskMetricSetInput): ZendeskMetricSetObject {
  const reply = input.replyMinutes ?? null;
  const solvedAt = input.solvedAt ?? null;
  const resolution =
    solvedAt === null ? null : Math.round((Date.parse(solvedAt) - Date.parse(input.createdAt)) / 60_000);
  return {
    url: `https://example.zendesk.com/api/v2/ticket_metrics/${input.ticketId + 5_000_000}.json`,
    id: input.ticketId + 5_000_000,
    ticket_id: input.ticketId,
    created_at: input.createdAt,
    updated_at: solvedAt ?? input.createdAt,
    group_stations: 1,
    assignee_stations: 1,
    reopens: 0,
    replies: reply === null ? 0 : 1,
    assignee_updated_at: null,
    requester_updated_at: input.createdAt,
    status_updated_at: solvedAt ?? input.createdAt,
    initially_assigned_at: input.createdAt,
    assigned_at: input.createdAt,
    solved_at: solvedAt,
    latest_comment_added_at: solvedAt ?? input.createdAt,
    reply_time_in_minutes: { calendar: reply, business: reply },
    first_resolution_time_in_minutes: { calendar: resolution, business: resolution },
    full_resolution_time_in_minutes: { calendar: resolution, business: resolution },
    agent_wait_time_in_minutes: { calendar: null, business: null },
    requester_wait_time_in_minutes: { calendar: resolution, business: resolution },
    on_hold_time_in_minutes: { calendar: 0, business: 0 },
  };
}
