import type { SampleCompany } from '@cskit/core/sample';
import { DEMO_NPS_ANSWERS } from '../surveys-demo.js';

/** A Typeform response as `GET /forms/{form_id}/responses` lists it. */
export type TypeformResponseObject = Record<string, unknown> & {
  readonly token: string;
  readonly submitted_at: string;
};

/** A Typeform account the mock serves. Mutable, so tests can change it between requests. */
export interface TypeformMockAccount {
  /** The personal access token requests must carry (`Authorization: Bearer …`). */
  token: string;
  /** Forms by id, each with its responses in any order (the mock sorts them as Typeform does). */
  forms: Record<string, TypeformResponseObject[]>;
}

/** The token of the mock accounts. */
export const TYPEFORM_MOCK_TOKEN = 'tfp_cskit_mock_token_4242';

/** The id of the mock accounts' NPS form. */
export const TYPEFORM_MOCK_FORM_ID = 'nPsF0rm1';

/** What {@link typeformResponse} builds a response from. */
export interface TypeformResponseInput {
  readonly token: string;
  readonly score: number;
  /** ISO 8601, UTC, to the second. */
  readonly submittedAt: string;
  readonly comment?: string;
  /** Sent as the hidden field `customer_id`. */
  readonly customerId?: string;
  /** Sent as the hidden field `respondent_id`. */
  readonly respondentId?: string;
  /** The NPS question's field type: `nps` (default) or `opinion_scale` (older forms). */
  readonly fieldType?: 'nps' | 'opinion_scale';
}

/** A completed response with an NPS answer (and a long-text comment when given), shaped as Typeform documents. */
export function typeformResponse(input: TypeformResponseInput): TypeformResponseObject {
  const submitted = Date.parse(input.submittedAt);
  const landed = new Date(submitted - 95_000).toISOString().replace('.000Z', 'Z');
  return {
    landing_id: input.token,
    token: input.token,
    response_id: input.token,
    response_type: 'completed',
    landed_at: landed,
    submitted_at: new Date(submitted).toISOString().replace('.000Z', 'Z'),
    metadata: {
      user_agent: 'Mozilla/5.0',
      platform: 'other',
      referer: 'https://example.typeform.com/to/nPsF0rm1',
      network_id: 'a1b2c3',
      browser: 'default',
    },
    hidden: {
      ...(input.customerId === undefined ? {} : { customer_id: input.customerId }),
      ...(input.respondentId === undefined ? {} : { respondent_id: input.respondentId }),
    },
    calculated: { score: 0 },
    answers: [
      {
        field: { id: 'Xq7nPsQ1', type: input.fieldType ?? 'nps', ref: 'nps_score' },
        type: 'number',
        number: input.score,
      },
      ...(input.comment === undefined
        ? []
        : [{ field: { id: 'Lt9cMt02', type: 'long_text', ref: 'why' }, type: 'text', text: input.comment }]),
    ],
  };
}

/**
 * A Typeform account whose NPS form (`TYPEFORM_MOCK_FORM_ID`) holds the NPS answers of a sample
 * company (`generateSample` of `@cskit/core/sample`), submitted at noon UTC of their dates (a second
 * apart, so their order is defined) with the customer and respondent ids as hidden fields.
 */
export function typeformAccountFromSample(sample: SampleCompany): TypeformMockAccount {
  return {
    token: TYPEFORM_MOCK_TOKEN,
    forms: {
      [TYPEFORM_MOCK_FORM_ID]: sample.nps.map((row, i) =>
        typeformResponse({
          token: `r${String(i + 1).padStart(6, '0')}tf`,
          score: Number(row.score),
          submittedAt: new Date(Date.parse(`${row.date}T12:00:00Z`) + (i % 3600) * 1000).toISOString(),
          ...(row.comment === '' ? {} : { comment: row.comment }),
          customerId: row.customer_id,
          respondentId: row.respondent_id,
        }),
      ),
    },
  };
}

/**
 * Schema drift: adds fields Typeform may add one day to every response of `formId` and to its answers,
 * and with `remove` deletes one response's `submitted_at` or its NPS answer (`answer`).
 */
export function driftTypeformSchema(
  account: TypeformMockAccount,
  formId: string,
  options: { readonly remove?: { readonly token: string; readonly field: 'submitted_at' | 'answer' } } = {},
): void {
  const responses = account.forms[formId] ?? [];
  for (const response of responses) {
    response['tags'] = ['vip'];
    for (const answer of response['answers'] as Record<string, unknown>[]) answer['confidence'] = 0.98;
  }
  const remove = options.remove;
  if (remove === undefined) return;
  const response = responses.find((r) => r.token === remove.token);
  if (response === undefined) throw new RangeError(`form ${formId} has no response ${remove.token}`);
  if (remove.field === 'answer') response['answers'] = (response['answers'] as unknown[]).slice(1);
  else delete (response as Record<string, unknown>)['submitted_at'];
}

/** A Typeform account whose NPS form holds the five demo answers (`DEMO_NPS_ANSWERS`), tokens `tok1`–`tok5`. */
export function demoTypeformAccount(): TypeformMockAccount {
  return {
    token: TYPEFORM_MOCK_TOKEN,
    forms: {
      [TYPEFORM_MOCK_FORM_ID]: DEMO_NPS_ANSWERS.map((answer, i) =>
        typeformResponse({
          token: `tok${i + 1}`,
          score: answer.score,
          submittedAt: answer.at,
          customerId: answer.customerId,
          ...(answer.comment === undefined ? {} : { comment: answer.comment }),
        }),
      ),
    },
  };
}
