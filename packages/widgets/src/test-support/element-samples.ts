import '../kpi/cs-kpi.js';
import '../health-card/cs-health-card.js';
import '../cohort-heatmap/cs-cohort-heatmap.js';
import '../churn-chart/cs-churn-chart.js';
import '../nps-trend/cs-nps-trend.js';
import '../mrr-bridge/cs-mrr-bridge.js';
import '../customer-list/cs-customer-list.js';

/** One element with small hand-written data: enough for tests that treat all six alike. */
export interface ElementSample {
  readonly tag: string;
  /** What `data` is set to, or what `src` answers with. */
  readonly data: () => unknown;
  /** Attributes besides the data (a label, so nothing warns; which customer or metric to show). */
  readonly attributes: Readonly<Record<string, string>>;
}

const movement = (mrr: number, customers: number) => ({ mrr, customers });
const nps = (promoters: number, passives: number, detractors: number) => {
  const responses = promoters + passives + detractors;
  return { score: (100 * (promoters - detractors)) / responses, responses, promoters, passives, detractors };
};

/** Three months of MRR and logo churn, in euros. */
function kpiReport() {
  return {
    version: 1,
    currency: 'EUR',
    timeZone: 'UTC',
    months: [
      { month: '2024-01', mrr: 1000, logoChurnRate: 0.02 },
      { month: '2024-02', mrr: 1100, logoChurnRate: 0.025 },
      { month: '2024-03', mrr: 1210.5, logoChurnRate: 0.03 },
    ],
  };
}

function healthReport() {
  return {
    version: 1,
    asOf: '2024-12-31',
    bands: { red: 0, yellow: 40, green: 70 },
    customers: [
      {
        customerId: 'cus_0042',
        name: 'Acme GmbH',
        segment: 'vip',
        // The usual card of the default model: three factors scored, three without data.
        // 100 × 0.4 + 63 × 0.4 + 80 × 0.2 = 40 + 25.2 + 16 = 81.2
        score: 81.2,
        band: 'green',
        trend: 4.1,
        factors: [
          { key: 'nps', label: 'NPS (latest response)', raw: 9, score: 100, weight: 0.4, contribution: 40 },
          { key: 'seats', label: 'Seat utilisation', raw: 0.63, score: 63, weight: 0.4, contribution: 25.2 },
          { key: 'mrrChange', label: 'MRR change (3 months)', raw: 0.04, score: 80, weight: 0.2, contribution: 16 },
        ],
        missing: ['daysSinceLastUsage', 'ticketVolume', 'slaBreachRate'],
      },
    ],
    segments: [],
  };
}

function cohortReport() {
  return {
    version: 1,
    currency: 'EUR',
    timeZone: 'UTC',
    months: [],
    cohorts: [
      { cohort: '2024-01', customers: 10, mrr: 1000, logoRetention: [1, 0.9, 0.8], revenueRetention: [1, 1.05, 0.95] },
      { cohort: '2024-02', customers: 8, mrr: 800, logoRetention: [1, 0.875], revenueRetention: [1, 0.9] },
      { cohort: '2024-03', customers: 4, mrr: 400, logoRetention: [1], revenueRetention: [1] },
    ],
  };
}

function churnReport() {
  const month = (month: string, logo: number) => ({
    month,
    mrr: 10000,
    logoChurnRate: logo,
    grossMrrChurnRate: logo / 2,
    netMrrChurnRate: logo / 4,
  });
  return {
    version: 1,
    currency: 'USD',
    timeZone: 'UTC',
    months: [month('2024-01', 0.021), month('2024-02', 0.0252), month('2024-03', 0.03), month('2024-04', 0.034)],
  };
}

function npsReport() {
  return {
    version: 1,
    currency: 'USD',
    timeZone: 'UTC',
    months: [
      { month: '2024-01', nps: nps(20, 9, 11) },
      { month: '2024-02', nps: nps(30, 10, 10) },
    ],
  };
}

function bridgeReport() {
  return {
    version: 1,
    currency: 'USD',
    timeZone: 'UTC',
    months: [
      {
        month: '2024-01',
        mrr: 10000,
        customers: 100,
        movements: {
          new: movement(10000, 100),
          expansion: movement(0, 0),
          reactivation: movement(0, 0),
          contraction: movement(0, 0),
          churn: movement(0, 0),
        },
      },
      {
        month: '2024-02',
        mrr: 10450.5,
        customers: 103,
        movements: {
          new: movement(600, 5),
          expansion: movement(250.5, 3),
          reactivation: movement(100, 1),
          contraction: movement(150, 2),
          churn: movement(350, 3),
        },
      },
    ],
  };
}

/** Two churned customers in March (`cskit explain --movement churn`). */
function churnExplanation() {
  return {
    version: 1,
    currency: 'USD',
    month: '2024-03',
    movement: 'churn',
    mrr: 350,
    customers: [
      { customerId: 'acme', previousMrr: 250, mrr: 0, amount: 250, lines: [] },
      { customerId: 'globex', previousMrr: 100, mrr: 0, amount: 100, lines: [] },
    ],
  };
}

export const elementSamples: readonly ElementSample[] = [
  { tag: 'cs-kpi', data: kpiReport, attributes: { label: 'MRR', metric: 'mrr' } },
  { tag: 'cs-health-card', data: healthReport, attributes: { 'customer-id': 'cus_0042' } },
  { tag: 'cs-cohort-heatmap', data: cohortReport, attributes: { label: 'Retention' } },
  { tag: 'cs-churn-chart', data: churnReport, attributes: { label: 'Churn' } },
  { tag: 'cs-nps-trend', data: npsReport, attributes: { label: 'NPS' } },
  { tag: 'cs-mrr-bridge', data: bridgeReport, attributes: { label: 'MRR bridge' } },
  { tag: 'cs-customer-list', data: churnExplanation, attributes: { 'customer-href': '/customers/{customerId}' } },
];

/** Creates the sample's element with its attributes (not yet attached). */
export function createSample(sample: ElementSample): HTMLElement & { data?: unknown; src?: string } {
  const el = document.createElement(sample.tag) as HTMLElement & { data?: unknown; src?: string };
  for (const [name, value] of Object.entries(sample.attributes)) el.setAttribute(name, value);
  return el;
}

/** Everything the element shows, including its shadow tree, with whitespace collapsed. */
export function visibleText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    for (const child of node.childNodes) walk(child);
  };
  walk(el);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The small hand-written data of `tag` (the "few points" state of its stories). */
export function sampleDataOf(tag: string): unknown {
  const sample = elementSamples.find((candidate) => candidate.tag === tag);
  if (!sample) throw new Error(`no element sample for <${tag}>`);
  return sample.data();
}
