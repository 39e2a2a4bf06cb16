import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse, delay } from 'msw';
import { expect, waitFor } from 'storybook/test';
import './cs-customer-list.js';
import type { CsCustomerList } from './customer-list.js';
import { sampleReport } from '../test-support/sample-report.js';
import {
  SAMPLE_CHURN_MONTH,
  SAMPLE_EXPANSION_MONTH,
  sampleExplanation,
  sampleRateExplanation,
} from '../test-support/sample-explain.js';
import {
  answersMalformedJson,
  expectMalformedJsonError,
  failsOnce,
  pressRetry,
} from '../test-support/retry-stories.js';
import { sampleDataOf } from '../test-support/element-samples.js';
import { inEachLanguageStory, WIDE } from '../test-support/state-stories.js';

const churn = sampleExplanation(SAMPLE_CHURN_MONTH, 'churn');
const expansion = sampleExplanation(SAMPLE_EXPANSION_MONTH, 'expansion');

interface CustomerListArgs {
  movement: 'churn' | 'expansion';
  label: string;
  customerHref: string;
  pageSize: number;
  data: object | undefined;
  locale: string;
  theme: '' | 'light' | 'dark';
  src: string;
  width: number;
}

const meta: Meta<CustomerListArgs> = {
  title: 'Widgets/Customer list',
  component: 'cs-customer-list',
  args: {
    movement: 'churn',
    label: '',
    customerHref: '/customers/{customerId}',
    pageSize: 50,
    data: undefined,
    locale: '',
    theme: '',
    src: '',
    width: 640,
  },
  argTypes: {
    movement: { control: 'inline-radio', options: ['churn', 'expansion'] },
    pageSize: { control: { type: 'number', min: 1, max: 200 } },
    // Unset: the `movement` explained on the sample company (or `src`).
    data: { control: 'object' },
    locale: { control: 'select', options: ['', 'en', 'es', 'pl', 'bg', 'zh-Hans'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    width: { control: { type: 'range', min: 280, max: 1200, step: 10 } },
  },
  render: (args) =>
    html`<cs-customer-list
      style="max-width: ${args.width}px"
      label=${args.label}
      customer-href=${args.customerHref}
      page-size=${args.pageSize}
      locale=${args.locale}
      theme=${args.theme}
      .data=${args.src ? undefined : (args.data ?? (args.movement === 'churn' ? churn : expansion))}
      src=${args.src}
    ></cs-customer-list>`,
};
export default meta;

type Story = StoryObj<CustomerListArgs>;

function listIn(canvasElement: HTMLElement): CsCustomerList {
  const el = canvasElement.querySelector('cs-customer-list');
  if (!el) throw new Error('no <cs-customer-list> rendered');
  return el;
}

function partText(el: CsCustomerList, part: string): string {
  return el.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

const usd = (value: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(value);

/**
 * The customers who churned in March 2025 at the sample company (`cskit explain --sample --month
 * 2025-03 --movement churn`): their contributions add up to the churn the report shows for the month.
 */
export const Churn: Story = {
  play: async ({ canvasElement }) => {
    const el = listIn(canvasElement);
    await el.updateComplete;
    const month = sampleReport().months.find((m) => m.month === SAMPLE_CHURN_MONTH);
    await expect(partText(el, 'heading')).toBe('Churn in March 2025');
    await expect(partText(el, 'total')).toBe(`${usd(month?.movements.churn.mrr ?? Number.NaN)} from 17 customers`);
    await expect(el.shadowRoot?.querySelectorAll('tbody tr')).toHaveLength(17);
  },
};

/** 110 expanding customers: 50 a page, with Previous and Next. */
export const Paginated: Story = {
  args: { movement: 'expansion' },
  play: async ({ canvasElement }) => {
    const el = listIn(canvasElement);
    await el.updateComplete;
    await expect(el.shadowRoot?.querySelectorAll('tbody tr')).toHaveLength(50);
    el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="next"]')?.click();
    await el.updateComplete;
    await expect(el.shadowRoot?.querySelector('#range')?.textContent).toBe('51–100 of 110');
  },
};

/** Names from your own CRM, slotted in place of the ids. */
export const WithSlottedNames: Story = {
  render: () =>
    html`<cs-customer-list style="max-width: 640px" .data=${churn}>
      ${churn.customers
        .slice(0, 3)
        .map(
          (c, i) =>
            html`<a slot=${`customer-${c.customerId}`} href=${`#crm-${c.customerId}`}
              >${['Acme GmbH', 'Globex Corporation', 'Initech'][i]}</a
            >`,
        )}
    </cs-customer-list>`,
};

export const Narrow: Story = { args: { width: 280 } };

export const Spanish: Story = { args: { locale: 'es' } };

export const Dark: Story = { args: { theme: 'dark', movement: 'expansion' } };

/** No customer behind the number: the total is 0 and the list says so. */
export const NoCustomers: Story = {
  render: () =>
    html`<cs-customer-list style="max-width: 640px" .data=${{ ...churn, mrr: 0, customers: [] }}></cs-customer-list>`,
  play: async ({ canvasElement }) => {
    const el = listIn(canvasElement);
    await el.updateComplete;
    await expect(partText(el, 'state')).toBe('No customers behind this number');
  },
};

/** Neither `data` nor `src`. */
export const Empty: Story = {
  render: () => html`<cs-customer-list style="max-width: 640px"></cs-customer-list>`,
};

/** `src` points at the JSON of `cskit explain` served by the backend; here MSW plays the backend. */
export const FromUrl: Story = {
  args: { src: '/api/explain-churn.json' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/explain-churn.json', () => HttpResponse.json(churn)));
  },
  play: async ({ canvasElement }) => {
    const el = listIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelectorAll('tbody tr')).toHaveLength(17));
  },
};

export const Loading: Story = {
  args: { src: '/api/slow-explain.json' },
  beforeEach({ msw }) {
    msw.use(
      http.get('/api/slow-explain.json', async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
  },
  play: async ({ canvasElement }) => {
    const el = listIn(canvasElement);
    await expect(partText(el, 'state')).toBe('Loading…');
    await expect(el.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('aria-busy')).toBe('true');
  },
};

export const ServerError: Story = {
  args: { src: '/api/broken-explain.json' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/broken-explain.json', () => new HttpResponse(null, { status: 500 })));
  },
  play: async ({ canvasElement }) => {
    const el = listIn(canvasElement);
    await waitFor(() => expect(partText(el, 'state')).toBe('Could not load the data'));
    await expect(partText(el, 'retry')).toBe('Retry');
  },
};

/** The first request fails and the error offers "Retry"; pressing it loads `src` again. */
export const RetryAfterServerError: Story = {
  args: { src: '/api/flaky-explain.json' },
  beforeEach({ msw }) {
    msw.use(failsOnce('/api/flaky-explain.json', churn));
  },
  play: async ({ canvasElement }) => {
    const el = listIn(canvasElement);
    await pressRetry(el);
    await waitFor(() => expect(el.shadowRoot?.querySelectorAll('tbody tr')).toHaveLength(17));
  },
};

/** The backend answers 200 with JSON cut off midway: a failed load, with Retry. */
export const MalformedJson: Story = {
  args: { ...FromUrl.args, src: '/api/truncated-customer-list.json' },
  beforeEach({ msw }) {
    msw.use(answersMalformedJson('/api/truncated-customer-list.json'));
  },
  play: async ({ canvasElement }) => {
    await expectMalformedJsonError(canvasElement, 'cs-customer-list');
  },
};

const nrr = sampleRateExplanation(SAMPLE_CHURN_MONTH, 'nrr');
const logoChurn = sampleRateExplanation(SAMPLE_CHURN_MONTH, 'logoChurnRate');

/**
 * A rate taken apart (`cskit explain --sample --month 2025-03 --rate nrr`): the value equals the NRR the
 * report shows, as numerator ÷ denominator, then the customers of each movement in the numerator.
 */
export const RateNrr: Story = {
  render: () => html`<cs-customer-list style="max-width: 640px" .data=${nrr}></cs-customer-list>`,
  play: async ({ canvasElement }) => {
    const el = listIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelector('[part~="parts"]')).not.toBeNull());
    const month = sampleReport().months.find((m) => m.month === SAMPLE_CHURN_MONTH);
    const percent = new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 2 });
    await expect(partText(el, 'total').startsWith(`${percent.format(month?.nrr ?? Number.NaN)} =`)).toBe(true);
    await expect(el.shadowRoot?.querySelectorAll('section.movement')).toHaveLength(nrr.movements.length);
  },
};

/** Logo churn counts customers: churned customers ÷ the customers of the month before. */
export const RateLogoChurn: Story = {
  render: () => html`<cs-customer-list style="max-width: 640px" .data=${logoChurn}></cs-customer-list>`,
  play: async ({ canvasElement }) => {
    const el = listIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelector('[part~="parts"]')).not.toBeNull());
    await expect(partText(el, 'heading')).toBe('Logo churn rate in March 2025');
  },
};

export const RateSpanish: Story = {
  render: () => html`<cs-customer-list style="max-width: 640px" locale="es" .data=${nrr}></cs-customer-list>`,
};

/** Two churned customers, no pagination. */
export const FewCustomers: Story = { args: { data: sampleDataOf('cs-customer-list') as object } };

/** The list in each language the widgets speak. */
export const InEachLanguage: Story = inEachLanguageStory(
  'cs-customer-list',
  (locale) =>
    html`<cs-customer-list
      style="max-width: 640px"
      customer-href="/customers/{customerId}"
      locale=${locale}
      .data=${churn}
    ></cs-customer-list>`,
);

/** A full-width list (1200 px on a wide screen). */
export const Wide: Story = {
  render: () =>
    html`<cs-customer-list style=${WIDE} customer-href="/customers/{customerId}" .data=${churn}></cs-customer-list>`,
};
