import type { Catalog } from '../internal/messages.js';
import type { DefaultFactorKey } from './default-factors.js';

export interface HealthCardMessages {
  /** The score's scale, after the number: "72.5 / 100". */
  readonly outOf: string;
  readonly healthScore: string;
  readonly red: string;
  readonly yellow: string;
  readonly green: string;
  readonly noScore: string;
  /** After the trend's change: "+4.1 vs 30 days ago". */
  readonly trendContext: string;
  readonly noChange: string;
  /** Unit of a score change. */
  readonly points: string;
  readonly factors: string;
  readonly factorScore: string;
  readonly weight: string;
  readonly contribution: string;
  readonly raw: string;
  /** Before the list of factors without data. */
  readonly missing: string;
  readonly missingNote: string;
  readonly updated: string;
  readonly segment: string;
  readonly customers: (count: string, n: number) => string;
  readonly notFound: string;
  /** The summary's subject for a segment: "Segment core (148 customers)". */
  readonly segmentSubject: (name: string, customers: string) => string;
  /** The summary's first sentence: subject, score (already formatted) and band in words. */
  readonly summaryScore: (subject: string, score: string, band: string) => string;
  /** The change over 30 days in the summary; `points` is the formatted magnitude. */
  readonly summaryUp: (points: string) => string;
  readonly summaryDown: (points: string) => string;
  readonly summaryFlat: string;
  readonly summaryWeakest: (factor: string, score: string) => string;
  /** `factors` is already a localised list ("A, B and C"). */
  readonly summaryMissing: (factors: string) => string;
  /** Header of the table's first column (the other headers are `raw`, `factorScore`, `weight`, `contribution`). */
  readonly colFactor: string;
  /** A missing factor's value cell. */
  readonly noData: string;
  /** The default health model's factor labels by key; English is core's `DEFAULT_HEALTH_MODEL_JSON`. */
  readonly factorLabels: Readonly<Record<DefaultFactorKey, string>>;
  /** The raw value of the default model's ticket factor: "6 tickets". */
  readonly tickets: (count: string, n: number) => string;
}

export const healthCardMessages: Catalog<'healthCard'> = {
  key: 'healthCard',
  en: {
    outOf: '/ 100',
    healthScore: 'Health score',
    red: 'At risk',
    yellow: 'Needs attention',
    green: 'Healthy',
    noScore: 'Not enough data to score',
    trendContext: 'vs 30 days ago',
    noChange: 'no change',
    points: 'pts',
    factors: 'What drives the score',
    factorScore: 'score',
    weight: 'weight',
    contribution: 'contribution',
    raw: 'value',
    missing: 'No data for',
    missingNote: 'left out of the score',
    updated: 'Updated',
    segment: 'Segment',
    customers: (count, n) => `${count} ${n === 1 ? 'customer' : 'customers'}`,
    notFound: 'This customer or segment is not in the health report',
    segmentSubject: (name, customers) => `Segment ${name} (${customers})`,
    summaryScore: (subject, score, band) => `${subject}: health score ${score} out of 100 (${band}).`,
    summaryUp: (points) => `Up ${points} pts vs 30 days ago.`,
    summaryDown: (points) => `Down ${points} pts vs 30 days ago.`,
    summaryFlat: 'No change vs 30 days ago.',
    summaryWeakest: (factor, score) => `Weakest factor: ${factor} (${score} out of 100).`,
    summaryMissing: (factors) => `No data for ${factors}.`,
    colFactor: 'Factor',
    noData: 'No data',
    factorLabels: {
      nps: 'NPS',
      seatUtilisation: 'Seat utilisation',
      daysSinceLastUsage: 'Days since last use',
      mrrChange: 'MRR change (3 months)',
      ticketVolume: 'Tickets (90 days)',
      slaBreachRate: 'SLA breaches (90 days)',
    },
    tickets: (count, n) => `${count} ${n === 1 ? 'ticket' : 'tickets'}`,
  },
};
