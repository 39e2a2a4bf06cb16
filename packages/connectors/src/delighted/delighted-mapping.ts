import { parseRestMapping, type RestMapping, type RestMappingSpec } from '../rest/rest-mapping.js';

/** Delighted's API origin. */
export const DELIGHTED_API_ORIGIN = 'https://api.delighted.com';

/** The environment variable the command line reads Delighted's API key from. */
export const DELIGHTED_KEY_VARIABLE = 'DELIGHTED_API_KEY';

/** Options of {@link delightedMapping}. */
export interface DelightedMappingOptions {
  /** The person property holding your customer id (default `customer_id`); absent → empty `customer_id`. */
  readonly customerProperty?: string;
  /** Responses per page, 1–100 (default 100, Delighted's maximum). */
  readonly perPage?: number;
}

/**
 * The REST mapping of Delighted's NPS responses (`GET /v1/survey_responses.json`, oldest first, paged
 * with `page` and `per_page`, Basic auth with the API key as user name): `response_id` = `id`,
 * `date` = `created_at` (Unix seconds) in the sync's time zone, `score`, `respondent_id` = `person`,
 * `customer_id` = the person property `customerProperty`, `comment`. A response of another survey type
 * (CSAT, CES: another project's key) is an error, not an NPS answer.
 *
 * @throws RangeError for a `perPage` outside 1–100.
 */
export function delightedMapping(options: DelightedMappingOptions = {}): RestMapping {
  const perPage = options.perPage ?? 100;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
    throw new RangeError(`perPage must be an integer from 1 to 100, got ${perPage}`);
  }
  const spec: RestMappingSpec = {
    version: 1,
    entity: 'nps',
    request: {
      url: `${DELIGHTED_API_ORIGIN}/v1/survey_responses.json`,
      query: { per_page: String(perPage) },
      auth: { env: DELIGHTED_KEY_VARIABLE, scheme: 'basic' },
    },
    records: '$',
    id: 'id',
    fields: {
      date: { path: 'created_at', transform: 'unix-seconds-date' },
      score: { path: 'score', transform: 'integer' },
      customer_id: {
        path: `person_properties[${JSON.stringify(options.customerProperty ?? 'customer_id')}]`,
        optional: true,
      },
      respondent_id: { path: 'person', optional: true },
      comment: { path: 'comment', optional: true },
    },
    checks: [{ path: 'survey_type', oneOf: ['nps'], optional: true }],
    pagination: { type: 'page', param: 'page', start: 1, size: perPage },
  };
  return parseRestMapping(spec, 'Delighted');
}
