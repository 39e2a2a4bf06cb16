import { parseRestMapping, type RestMapping, type RestMappingSpec } from '../rest/rest-mapping.js';

/** Typeform's API origin (accounts in the EU data center use `https://api.eu.typeform.com`). */
export const TYPEFORM_API_ORIGIN = 'https://api.typeform.com';

/** The environment variable the command line reads the Typeform personal access token from. */
export const TYPEFORM_TOKEN_VARIABLE = 'TYPEFORM_TOKEN';

/** Options of {@link typeformMapping}. */
export interface TypeformMappingOptions {
  /** The form's id (the last part of `https://<account>.typeform.com/to/<form id>`). */
  readonly formId: string;
  /**
   * The `ref` of the NPS question; default: the form's first `nps` question, else its first
   * `opinion_scale` question.
   */
  readonly fieldRef?: string;
  /** The hidden field holding your customer id (default `customer_id`); absent → empty `customer_id`. */
  readonly customerHiddenField?: string;
  /**
   * The hidden field identifying the person (default `respondent_id`); absent → the response's token, so
   * each response is its own respondent. Typeform has no person id, and without one NPS would take
   * the customer as the respondent (metrics.md §1) and keep only a customer's latest answer.
   */
  readonly respondentHiddenField?: string;
  /** Responses per page, 1–1000 (default 1000, Typeform's maximum). */
  readonly pageSize?: number;
}

/**
 * The REST mapping of a Typeform form's NPS answers (`GET /forms/{form_id}/responses`, listed newest
 * first and written oldest first, paged with `before` = the last response's `token`, Bearer token, completed responses only):
 * `response_id` = `response_id` (or `token`), `date` = `submitted_at` in the sync's time zone,
 * `score` = the NPS question's `number`, `customer_id` = the hidden field `customerHiddenField`,
 * `respondent_id` = the hidden field `respondentHiddenField`, else the token (each response its own
 * respondent), `comment` = the first long-text answer. A response without the NPS answer (the question was
 * optional and skipped, or is another form's) is an error naming it.
 *
 * @throws RangeError for a bad form id or page size.
 */
export function typeformMapping(options: TypeformMappingOptions): RestMapping {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(options.formId)) {
    throw new RangeError(
      `the form id must be letters, digits, _ or - (the end of the form's URL), got "${options.formId}"`,
    );
  }
  const pageSize = options.pageSize ?? 1000;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
    throw new RangeError(`pageSize must be an integer from 1 to 1000, got ${pageSize}`);
  }
  const ref = options.fieldRef;
  const score =
    ref === undefined
      ? ['answers[field.type=nps].number', 'answers[field.type=opinion_scale].number']
      : [`answers[field.ref=${JSON.stringify(ref)}].number`];
  const spec: RestMappingSpec = {
    version: 1,
    entity: 'nps',
    request: {
      url: `${TYPEFORM_API_ORIGIN}/forms/${options.formId}/responses`,
      query: { page_size: String(pageSize), response_type: 'completed' },
      auth: { env: TYPEFORM_TOKEN_VARIABLE, scheme: 'bearer' },
    },
    records: 'items',
    id: ['response_id', 'token'],
    fields: {
      date: { path: 'submitted_at', transform: 'date' },
      score: { path: score, transform: 'integer' },
      customer_id: { path: `hidden[${JSON.stringify(options.customerHiddenField ?? 'customer_id')}]`, optional: true },
      respondent_id: { path: [`hidden[${JSON.stringify(options.respondentHiddenField ?? 'respondent_id')}]`, 'token'] },
      comment: { path: 'answers[field.type=long_text].text', optional: true },
    },
    pagination: { type: 'cursor', cursor: 'items[-1].token', param: 'before', size: pageSize },
    order: 'newest-first',
  };
  return parseRestMapping(spec, 'Typeform');
}
