import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse, delay } from 'msw';
import { expect, waitFor } from 'storybook/test';
import './cs-health-card.js';
import type { CsHealthCard } from './health-card.js';
import type { HealthReport } from './health-card-data.js';

interface ModelFactor {
  key: string;
  label: string;
  raw: number | string;
  score: number;
  modelWeight: number;
}

/**
 * Scores factors as @cskit/core's `scoreHealth` does: weights become shares of the present factors'
 * weight, contributions are share × score, and they add up to the score.
 */
function scored(factors: ModelFactor[]) {
  const total = factors.reduce((sum, f) => sum + f.modelWeight, 0);
  const scoredFactors = factors.map((f) => ({
    key: f.key,
    label: f.label,
    raw: f.raw,
    score: f.score,
    weight: f.modelWeight / total,
    contribution: (f.modelWeight * f.score) / total,
  }));
  return { score: scoredFactors.reduce((sum, f) => sum + f.contribution, 0), factors: scoredFactors };
}

/**
 * A `cskit health` JSON for the fictional sample company.
 * TODO(sample): replace with the health of @cskit/core/sample once core's health model lands.
 */
function sampleHealth(): HealthReport {
  return {
    version: 1,
    asOf: '2024-12-31',
    bands: { red: 0, yellow: 40, green: 70 },
    customers: [
      {
        customerId: 'cus_0042',
        name: 'Acme GmbH',
        segment: 'vip',
        band: 'green',
        trend: 4.1,
        // (100·0.25 + 85·0.2 + 60·0.2 + 70·0.15 + 90·0.1) ÷ 0.9 = 81.67
        ...scored([
          { key: 'nps', label: 'NPS (latest response)', raw: 9, score: 100, modelWeight: 0.25 },
          { key: 'seats', label: 'Seat utilisation', raw: 0.85, score: 85, modelWeight: 0.2 },
          { key: 'tickets', label: 'Tickets (90 days)', raw: 6, score: 60, modelWeight: 0.2 },
          { key: 'mrrChange', label: 'MRR change (3 months)', raw: 0.04, score: 70, modelWeight: 0.15 },
          { key: 'sla', label: 'SLA breaches (90 days)', raw: 1, score: 90, modelWeight: 0.1 },
        ]),
        missing: ['Days since last usage'],
      },
      {
        customerId: 'cus_0107',
        name: 'Borealis Logistics',
        segment: 'core',
        band: 'red',
        trend: -12.4,
        // 20·0.25 + 31·0.2 + 10·0.2 + 40·0.15 + 40·0.1 + 70·0.1 = 30.2
        ...scored([
          { key: 'nps', label: 'NPS (latest response)', raw: 3, score: 20, modelWeight: 0.25 },
          { key: 'seats', label: 'Seat utilisation', raw: 0.31, score: 31, modelWeight: 0.2 },
          { key: 'tickets', label: 'Tickets (90 days)', raw: 21, score: 10, modelWeight: 0.2 },
          { key: 'mrrChange', label: 'MRR change (3 months)', raw: -0.1, score: 40, modelWeight: 0.15 },
          { key: 'sla', label: 'SLA breaches (90 days)', raw: 4, score: 40, modelWeight: 0.1 },
          { key: 'usage', label: 'Days since last usage', raw: 12, score: 70, modelWeight: 0.1 },
        ]),
        missing: [],
      },
      {
        customerId: 'cus_0311',
        name: 'Cobalt Studio',
        segment: 'potential',
        score: 55,
        band: 'yellow',
        trend: null,
        factors: [{ key: 'seats', label: 'Seat utilisation', raw: 0.6, score: 55, weight: 1, contribution: 55 }],
        missing: ['NPS (latest response)', 'Tickets (90 days)', 'MRR change (3 months)'],
      },
      {
        customerId: 'cus_0999',
        name: '<img src=x onerror=alert(1)>',
        segment: 'secondary',
        score: 39.99,
        band: 'red',
        trend: 0,
        factors: [
          {
            key: 'x',
            label: '<script>alert(1)</script>',
            raw: '<b>9</b>',
            score: 39.99,
            weight: 1,
            contribution: 39.99,
          },
        ],
        missing: ['<img src=x onerror=alert(2)>'],
      },
    ],
    segments: [
      { segment: 'vip', customers: 12, score: 74.2, band: 'green' },
      { segment: 'core', customers: 148, score: 61.8, band: 'yellow' },
      { segment: 'secondary', customers: 203, score: 38, band: 'red' },
    ],
  };
}

interface HealthArgs {
  customerId: string;
  segment: string;
  locale: string;
  theme: '' | 'light' | 'dark';
  src: string;
  width: number;
}

const meta: Meta<HealthArgs> = {
  title: 'Widgets/Health card',
  component: 'cs-health-card',
  args: { customerId: 'cus_0042', segment: '', locale: '', theme: '', src: '', width: 360 },
  argTypes: {
    customerId: { control: 'select', options: ['', 'cus_0042', 'cus_0107', 'cus_0311', 'cus_0999'] },
    segment: { control: 'select', options: ['', 'vip', 'core', 'secondary'] },
    locale: { control: 'select', options: ['', 'en', 'es', 'pl', 'bg', 'zh-Hans'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    width: { control: { type: 'range', min: 280, max: 1200, step: 10 } },
  },
  render: (args) =>
    html`<cs-health-card
      style="max-width: ${args.width}px"
      customer-id=${args.customerId}
      segment=${args.segment}
      locale=${args.locale}
      theme=${args.theme}
      .data=${args.src ? undefined : sampleHealth()}
      src=${args.src}
    ></cs-health-card>`,
};
export default meta;

type Story = StoryObj<HealthArgs>;

function cardIn(canvasElement: HTMLElement): CsHealthCard {
  const el = canvasElement.querySelector('cs-health-card');
  if (!el) throw new Error('no <cs-health-card> rendered');
  return el;
}

function partText(el: CsHealthCard, part: string): string {
  return el.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** A healthy customer: the factors explain the score; usage data is missing and named. */
export const Healthy: Story = {
  play: async ({ canvasElement }) => {
    const el = cardIn(canvasElement);
    await el.updateComplete;
    await expect(partText(el, 'band')).toBe('Healthy');
    await expect(el.shadowRoot?.querySelectorAll('[part~="factor"]')).toHaveLength(5);
    await expect(partText(el, 'missing')).toContain('Days since last usage');
  },
};

/** A customer at risk, falling 12 points in 30 days. */
export const AtRisk: Story = {
  args: { customerId: 'cus_0107' },
  play: async ({ canvasElement }) => {
    const el = cardIn(canvasElement);
    await el.updateComplete;
    await expect(partText(el, 'band')).toBe('At risk');
    await expect(partText(el, 'trend')).toContain('-12.4');
  },
};

/** Most factors have no data: the score rests on one factor, and the card says so. */
export const MissingFactors: Story = { args: { customerId: 'cus_0311' } };

/** Names and labels with markup are shown as text; 39.99 is red (and shows as 39.9, not 40). */
export const UntrustedText: Story = {
  args: { customerId: 'cus_0999' },
  play: async ({ canvasElement }) => {
    const el = cardIn(canvasElement);
    await el.updateComplete;
    await expect(partText(el, 'title')).toBe('<img src=x onerror=alert(1)>');
    await expect(el.shadowRoot?.querySelector('img, script')).toBeNull();
    await expect(partText(el, 'band')).toBe('At risk');
  },
};

/** A segment roll-up: score and band of the segment, no factors. */
export const Segment: Story = { args: { customerId: '', segment: 'core', width: 300 } };

/** With slotted title, actions and footer. */
export const WithSlots: Story = {
  render: () =>
    html`<cs-health-card style="max-width: 360px" customer-id="cus_0042" .data=${sampleHealth()}>
      <span slot="title">Acme GmbH (EU)</span>
      <a slot="actions" href="#crm">Open in CRM</a>
      <span slot="footer">Owner: Jo Park</span>
    </cs-health-card>`,
};

export const Narrow: Story = { args: { width: 280 } };

export const Polish: Story = { args: { locale: 'pl' } };

export const ChineseDark: Story = { args: { locale: 'zh-Hans', theme: 'dark', customerId: 'cus_0107' } };

/** `src` points at `cskit health` JSON served by the backend; here MSW plays the backend. */
export const FromUrl: Story = {
  args: { src: '/api/health.json' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/health.json', () => HttpResponse.json(sampleHealth())));
  },
  play: async ({ canvasElement }) => {
    const el = cardIn(canvasElement);
    await waitFor(() => expect(partText(el, 'title')).toBe('Acme GmbH'));
  },
};

export const Loading: Story = {
  args: { src: '/api/slow-health.json' },
  beforeEach({ msw }) {
    msw.use(
      http.get('/api/slow-health.json', async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
  },
  play: async ({ canvasElement }) => {
    await expect(partText(cardIn(canvasElement), 'state')).toBe('Loading…');
  },
};

export const ServerError: Story = {
  args: { src: '/api/broken-health.json' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/broken-health.json', () => new HttpResponse(null, { status: 500 })));
  },
  play: async ({ canvasElement }) => {
    const el = cardIn(canvasElement);
    await waitFor(() => expect(partText(el, 'state')).toBe('Could not load the data'));
  },
};

/** The customer id is not in the JSON: a clear message (and `cs-data-error`), not an empty card. */
export const UnknownCustomer: Story = {
  args: { src: '/api/health.json', customerId: 'cus_missing' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/health.json', () => HttpResponse.json(sampleHealth())));
  },
  play: async ({ canvasElement }) => {
    const el = cardIn(canvasElement);
    await waitFor(() => expect(partText(el, 'state')).toBe('This customer or segment is not in the health report'));
  },
};

export const Empty: Story = {
  render: () => html`<cs-health-card style="max-width: 360px" label="Customer health"></cs-health-card>`,
};
