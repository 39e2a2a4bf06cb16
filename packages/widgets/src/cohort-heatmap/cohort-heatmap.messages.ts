import { fullStop } from '../internal/message-grammar.js';
import type { Catalog } from '../internal/messages.js';
import type { CohortMetric } from './cohort-heatmap-data.js';

/** Already formatted pieces of a summary sentence. */
export interface SummaryParts {
  readonly age: number;
  readonly metric: CohortMetric;
  readonly min: string;
  readonly minCohort: string;
  readonly max: string;
  readonly maxCohort: string;
  readonly cohorts: number;
}

/** Already formatted pieces of the focused cell's detail line. */
export interface DetailParts {
  readonly cohort: string;
  readonly age: number;
  readonly metric: CohortMetric;
  readonly value: string;
  /** "9 of 10 customers" or "$1,050.00 of $1,000.00 MRR"; empty when unknown. */
  readonly explanation: string;
}

export interface CohortHeatmapMessages {
  readonly cohort: string;
  readonly customers: string;
  readonly startMrr: string;
  /** Full column header, read by screen readers. */
  readonly age: (age: number) => string;
  /**
   * Short column header, shown in a narrow column: "M0" in English, Spanish (mes) and Polish
   * (miesiąc), Cyrillic "М0" in Bulgarian (месец), "第0月" in Chinese.
   */
  readonly ageShort: (age: number) => string;
  readonly overview: (cohorts: number, first: string, last: string) => string;
  readonly summary: (parts: SummaryParts) => string;
  readonly detail: (parts: DetailParts) => string;
  readonly customersOf: (active: string, total: string) => string;
  readonly mrrOf: (now: string, start: string) => string;
  readonly notReached: (cohort: string, age: number) => string;
  readonly noValue: string;
  readonly hint: string;
}

export const cohortHeatmapMessages: Catalog<'cohortHeatmap'> = {
  key: 'cohortHeatmap',
  en: {
    cohort: 'Cohort',
    customers: 'Customers',
    startMrr: 'Starting MRR',
    age: (age) => `Month ${age}`,
    ageShort: (age) => `M${age}`,
    overview: (n, first, last) => fullStop(n === 1 ? `1 cohort, ${first}` : `${n} cohorts, ${first} to ${last}`),
    summary: (p) =>
      `Month-${p.age} ${p.metric} retention ranges from ${p.min} (${p.minCohort}) to ${p.max} (${p.maxCohort}) ` +
      `across ${p.cohorts} ${p.cohorts === 1 ? 'cohort' : 'cohorts'}.`,
    detail: (p) =>
      `${p.cohort} cohort, month ${p.age}: ${p.value} ${p.metric} retention${p.explanation ? ` (${p.explanation})` : ''}.`,
    customersOf: (active, total) => `${active} of ${total} customers`,
    mrrOf: (now, start) => `${now} of ${start} MRR`,
    notReached: (cohort, age) => `The ${cohort} cohort has not reached month ${age} yet.`,
    noValue: 'no value',
    hint: 'Use the arrow keys to move between cells and Enter to select one.',
  },
};
