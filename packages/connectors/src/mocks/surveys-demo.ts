/**
 * The five NPS answers of the demo survey accounts, all in March 2024 from five people at two
 * customers: 10, 9 and 9 (promoters), 7 (passive), 2 (detractor) → NPS 100 × (3 − 1) ÷ 5 = 40.
 */
export const DEMO_NPS_ANSWERS: readonly {
  readonly score: number;
  /** ISO 8601, UTC. */
  readonly at: string;
  readonly customerId: string;
  readonly comment?: string;
}[] = [
  { score: 10, at: '2024-03-03T08:00:00Z', customerId: 'acme', comment: 'Love it, "truly"' },
  { score: 9, at: '2024-03-05T08:00:00Z', customerId: 'acme' },
  { score: 9, at: '2024-03-09T08:00:00Z', customerId: 'initech' },
  { score: 7, at: '2024-03-12T08:00:00Z', customerId: 'initech' },
  { score: 2, at: '2024-03-20T08:00:00Z', customerId: 'initech', comment: 'Too slow' },
];
