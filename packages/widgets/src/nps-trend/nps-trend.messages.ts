import type { Catalog } from '../internal/messages.js';

export interface NpsTrendMessages {
  readonly promoters: string;
  readonly passives: string;
  readonly detractors: string;
  readonly nps: string;
  readonly responses: string;
  readonly confidence: string;
  readonly low: string;
  readonly ok: string;
  /** Header of the rolling window's first and last period. */
  readonly window: string;
  readonly lowNote: (min: string) => string;
  readonly lowSummary: (n: string, total: string, min: string) => string;
  /** `span` is a duration ("3 months"). */
  readonly rolling: (span: string) => string;
}

export const npsTrendMessages: Catalog<'npsTrend'> = {
  key: 'npsTrend',
  en: {
    promoters: 'Promoters',
    passives: 'Passives',
    detractors: 'Detractors',
    nps: 'NPS',
    responses: 'Responses',
    confidence: 'Confidence',
    low: 'Low',
    ok: 'OK',
    window: 'Window',
    lowNote: (min) => `Low confidence: fewer than ${min} responses.`,
    lowSummary: (n, total, min) =>
      `${n} of ${total} periods had fewer than ${min} responses and are marked as low confidence.`,
    rolling: (span) => `Each point is the NPS over the last ${span}.`,
  },
};
