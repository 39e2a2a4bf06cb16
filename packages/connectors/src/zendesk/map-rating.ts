import { dateInTimeZone, parseTimestamp, type CanonicalRecord, type ValidationIssue } from '@cskit/core';
import { ZENDESK_SATISFACTION } from './map-ticket.js';
import { ZENDESK_SOURCE } from './zendesk-shapes.js';

/** The columns of `csat.csv`: the canonical CSAT response (metrics.md §1), then the rating's id. */
export const ZENDESK_CSAT_COLUMNS = ['date', 'score', 'customer_id', 'ticket_id', 'rating_id'] as const;

/** What one satisfaction rating becomes. */
export type MappedRating =
  | { readonly kind: 'response'; readonly record: CanonicalRecord }
  /** Offered or unoffered: a survey sent, not an answer. */
  | { readonly kind: 'unanswered' }
  | { readonly kind: 'invalid'; readonly issues: readonly ValidationIssue[] };

/**
 * Maps one legacy satisfaction rating to a canonical CSAT response: `date` = `created_at` as a date in
 * `timeZone`, `score` `good` → 5 and `bad` → 1 (as on tickets), `ticket_id`, and `rating_id` = `id`
 * (`customer_id` comes from the rated ticket, later). A rating without `id`, `ticket_id`, `score` or
 * `created_at` is an issue naming it by id (`rating <id>`) and field.
 */
export function mapZendeskRating(rating: unknown, timeZone: string): MappedRating {
  const value = (rating !== null && typeof rating === 'object' ? rating : {}) as Readonly<Record<string, unknown>>;
  const id = Number.isSafeInteger(value['id']) ? `rating ${String(value['id'])}` : '(a rating without id)';
  const issues: ValidationIssue[] = [];
  const report = (field: string, reason: string): void => {
    const found = value[field];
    issues.push({
      source: ZENDESK_SOURCE,
      id,
      field,
      value: found === undefined || found === null ? '' : typeof found === 'string' ? found : JSON.stringify(found),
      reason,
    });
  };
  if (!Number.isSafeInteger(value['id'])) report('id', 'the rating has no id: Zendesk always sends it');
  if (!Number.isSafeInteger(value['ticket_id']))
    report('ticket_id', 'the rating has no ticket_id: Zendesk always sends it');
  if (typeof value['score'] !== 'string') report('score', 'the rating has no score: Zendesk always sends it');
  const created = typeof value['created_at'] === 'string' ? parseTimestamp(value['created_at'], 'UTC') : undefined;
  if (created === undefined) report('created_at', 'the rating has no created_at timestamp: Zendesk always sends it');
  if (issues.length > 0 || created === undefined) return { kind: 'invalid', issues };
  const score = value['score'] as string;
  if (!Object.hasOwn(ZENDESK_SATISFACTION, score)) return { kind: 'unanswered' };
  return {
    kind: 'response',
    record: {
      date: dateInTimeZone(created.epochMs, timeZone),
      score: ZENDESK_SATISFACTION[score],
      customer_id: '',
      ticket_id: String(value['ticket_id']),
      rating_id: String(value['id']),
    },
  };
}
