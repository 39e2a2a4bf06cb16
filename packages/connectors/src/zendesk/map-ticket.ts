import { parseTimestamp, type CanonicalRecord, type ValidationIssue } from '@cskit/core';
import { ZENDESK_SOURCE } from './zendesk-shapes.js';

/** The columns of `tickets.csv`: the canonical ticket (metrics.md §1), then `updated_at`, which orders versions. */
export const ZENDESK_TICKET_COLUMNS = [
  'ticket_id',
  'customer_id',
  'created_at',
  'first_response_at',
  'resolved_at',
  'priority',
  'satisfaction',
  'updated_at',
] as const;

/** What one exported ticket becomes. */
export type MappedTicket =
  /** A ticket for `tickets.csv`. */
  | { readonly kind: 'ticket'; readonly record: CanonicalRecord }
  /** A deleted ticket: it replaces any earlier version, and leaves the file. */
  | { readonly kind: 'deleted'; readonly record: CanonicalRecord }
  /** Schema drift: fields Zendesk always sends are missing or of another type. */
  | { readonly kind: 'invalid'; readonly issues: readonly ValidationIssue[] };

/**
 * Legacy CSAT is binary. `good` → 5 and `bad` → 1 keep core's CSAT (the share of ratings of 4 or 5)
 * equal to Zendesk's satisfaction score (good ÷ good + bad); a mean of these numbers means nothing.
 * `offered` and `unoffered` are not answers.
 */
export const ZENDESK_SATISFACTION: Readonly<Record<string, string>> = { good: '5', bad: '1' };

const SOLVED = new Set(['solved', 'closed']);

/**
 * Maps one ticket of Zendesk's incremental export, with its metric set (`include=metric_sets`), to a
 * canonical ticket record (docs/connectors.md has the table):
 * `customer_id` = `organization_id`, `first_response_at` = `created_at` + `reply_time_in_minutes.calendar`,
 * `resolved_at` = the metric set's `solved_at` while the ticket is solved or closed, `priority` as is,
 * `satisfaction` from the legacy CSAT score. Unknown fields are ignored; a missing `id`, `created_at`,
 * `updated_at` or `status` (Zendesk always sends them) is an issue naming the ticket and the field.
 */
export function mapZendeskTicket(ticket: unknown, metricSet: unknown): MappedTicket {
  const value = (isObject(ticket) ? ticket : {}) as Readonly<Record<string, unknown>>;
  const id = Number.isSafeInteger(value['id']) && (value['id'] as number) > 0 ? String(value['id']) : undefined;
  const issues: ValidationIssue[] = [];
  const report = (field: string, found: unknown, reason: string): void => {
    issues.push({
      source: ZENDESK_SOURCE,
      id: id ?? '(a ticket without id)',
      field,
      value: found === undefined || found === null ? '' : typeof found === 'string' ? found : JSON.stringify(found),
      reason,
    });
  };
  if (id === undefined) report('id', value['id'], 'the ticket has no id (a positive integer): Zendesk always sends it');
  for (const field of ['created_at', 'updated_at', 'status'] as const) {
    if (typeof value[field] !== 'string' || value[field] === '') {
      report(field, value[field], `the ticket has no ${field}: Zendesk always sends it`);
    }
  }
  const updated = typeof value['updated_at'] === 'string' ? parseTimestamp(value['updated_at'], 'UTC') : undefined;
  if (updated === undefined && typeof value['updated_at'] === 'string' && value['updated_at'] !== '') {
    report('updated_at', value['updated_at'], 'updated_at is not an ISO 8601 timestamp');
  }
  if (issues.length > 0 || id === undefined) return { kind: 'invalid', issues };
  const updatedAt = value['updated_at'] as string;
  if (value['status'] === 'deleted')
    return { kind: 'deleted', record: { ticket_id: id, updated_at: updatedAt, deleted: 'true' } };

  const createdAt = value['created_at'] as string;
  const metrics = (isObject(metricSet) ? metricSet : {}) as Readonly<Record<string, unknown>>;
  const reply = isObject(metrics['reply_time_in_minutes']) ? metrics['reply_time_in_minutes']['calendar'] : undefined;
  let firstResponseAt: string | undefined;
  if (reply !== undefined && reply !== null) {
    const created = parseTimestamp(createdAt, 'UTC');
    if (typeof reply !== 'number' || !Number.isFinite(reply) || reply < 0) {
      report('metric_set.reply_time_in_minutes.calendar', reply, 'reply time must be a number of minutes');
    } else if (created !== undefined) {
      firstResponseAt = isoSeconds(created.epochMs + reply * 60_000);
    }
  }
  const solvedAt = metrics['solved_at'];
  if (solvedAt !== undefined && solvedAt !== null && typeof solvedAt !== 'string') {
    report('metric_set.solved_at', solvedAt, 'solved_at must be a timestamp');
  }
  if (issues.length > 0) return { kind: 'invalid', issues };
  const organization = value['organization_id'];
  const priority = value['priority'];
  const rating = isObject(value['satisfaction_rating']) ? value['satisfaction_rating']['score'] : undefined;
  return {
    kind: 'ticket',
    record: {
      ticket_id: id,
      customer_id: typeof organization === 'number' ? String(organization) : '',
      created_at: createdAt,
      first_response_at: firstResponseAt ?? '',
      resolved_at: typeof solvedAt === 'string' && SOLVED.has(value['status'] as string) ? solvedAt : '',
      priority: typeof priority === 'string' ? priority : '',
      satisfaction:
        typeof rating === 'string' && Object.hasOwn(ZENDESK_SATISFACTION, rating) ? ZENDESK_SATISFACTION[rating] : '',
      updated_at: updatedAt,
    },
  };
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `2024-01-02T09:30:00Z`: Zendesk's own format (whole seconds, UTC). */
function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
