import type { SampleCompany } from '@cskit/core/sample';
import { DEMO_NPS_ANSWERS } from '../surveys-demo.js';

/** A Delighted survey response as `GET /v1/survey_responses.json` lists it. */
export type DelightedResponseObject = Record<string, unknown> & { readonly id: string };

/** A Delighted project the mock serves. Mutable, so tests can change it between requests. */
export interface DelightedMockAccount {
  /** The key requests must carry as the Basic user name. */
  apiKey: string;
  /** The responses, oldest first (creation order, as Delighted lists them). */
  responses: DelightedResponseObject[];
}

/** The API key of the mock accounts. */
export const DELIGHTED_MOCK_API_KEY = 'cskit-mock-delighted-key-4242';

/** What {@link delightedResponse} builds a response from. */
export interface DelightedResponseInput {
  readonly id: string;
  /** The person's id. */
  readonly person: string;
  readonly score: number;
  /** ISO 8601; sent as Unix seconds. */
  readonly createdAt: string;
  readonly comment?: string | null;
  /** Sent as the person property `customer_id`. */
  readonly customerId?: string;
  /** Default `nps`. */
  readonly surveyType?: string;
}

/** A survey response object with every field Delighted documents. */
export function delightedResponse(input: DelightedResponseInput): DelightedResponseObject {
  const created = Math.floor(Date.parse(input.createdAt) / 1000);
  return {
    id: input.id,
    person: input.person,
    survey_type: input.surveyType ?? 'nps',
    score: input.score,
    comment: input.comment ?? null,
    permalink: `https://app.delighted.com/r/${input.id}`,
    created_at: created,
    updated_at: null,
    person_properties: input.customerId === undefined ? null : { customer_id: input.customerId },
    notes: [],
    tags: [],
    additional_answers: [],
  };
}

/**
 * A Delighted NPS project holding the NPS answers of a sample company (`generateSample` of
 * `@cskit/core/sample`), at noon UTC of their dates, oldest first: syncing it in UTC gives the sample's
 * `nps.csv` (with a `response_id` column).
 */
export function delightedAccountFromSample(sample: SampleCompany): DelightedMockAccount {
  const answers = sample.nps
    .map((row, i) => ({ row, i }))
    .sort((a, b) => a.row.date.localeCompare(b.row.date) || a.i - b.i);
  return {
    apiKey: DELIGHTED_MOCK_API_KEY,
    responses: answers.map(({ row }, n) =>
      delightedResponse({
        id: String(n + 1),
        person: row.respondent_id,
        score: Number(row.score),
        createdAt: `${row.date}T12:00:00Z`,
        comment: row.comment === '' ? null : row.comment,
        customerId: row.customer_id,
      }),
    ),
  };
}

/**
 * Schema drift: adds fields Delighted may add one day (at the top level and nested) to every response,
 * and with `remove` deletes one field of one response, as an API change or a broken export would.
 */
export function driftDelightedSchema(
  account: DelightedMockAccount,
  options: { readonly remove?: { readonly id: string; readonly field: string } } = {},
): void {
  for (const response of account.responses) {
    response['channel'] = 'email';
    response['survey_version'] = { id: 'v2', locale: 'en' };
  }
  const remove = options.remove;
  if (remove === undefined) return;
  const response = account.responses.find((r) => r.id === remove.id);
  if (response === undefined) throw new RangeError(`the account has no response ${remove.id}`);
  const index = account.responses.indexOf(response);
  account.responses[index] = Object.fromEntries(
    Object.entries(response).filter(([key]) => key !== remove.field),
  ) as DelightedResponseObject;
}

/** A Delighted NPS project with the five demo answers (`DEMO_NPS_ANSWERS`: NPS 40 in March 2024), ids 101–105. */
export function demoDelightedAccount(): DelightedMockAccount {
  return {
    apiKey: DELIGHTED_MOCK_API_KEY,
    responses: DEMO_NPS_ANSWERS.map((answer, i) =>
      delightedResponse({
        id: String(101 + i),
        person: `p${i + 1}`,
        score: answer.score,
        createdAt: answer.at,
        comment: answer.comment ?? null,
        customerId: answer.customerId,
      }),
    ),
  };
}
