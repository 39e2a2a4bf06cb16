/**
 * "Invalid data shows a readable error state and logs why; it never throws out", for what reaches
 * `Intl`: a currency code that is not ISO 4217 and a KPI `format` outside its values are data errors;
 * a `lang` that is not a BCP 47 tag is not, so the elements render in the fallback language.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../churn-chart/cs-churn-chart.js';
import '../cohort-heatmap/cs-cohort-heatmap.js';
import '../health-card/cs-health-card.js';
import '../kpi/cs-kpi.js';
import '../mrr-bridge/cs-mrr-bridge.js';
import '../nps-trend/cs-nps-trend.js';
import { currencyProblem } from './report-data.js';

type Tag = 'cs-churn-chart' | 'cs-cohort-heatmap' | 'cs-health-card' | 'cs-kpi' | 'cs-mrr-bridge' | 'cs-nps-trend';

const READ_ERROR = 'The data could not be read';

const movement = (mrr: number, customers: number) => ({ mrr, customers });

/** Two months with churn rates, churned customers and MRR, a balanced bridge and NPS counts. */
function report(currency: unknown = 'USD') {
  const month = (month: string, mrr: number, logo: number, churn: number, nps: [number, number, number]) => ({
    month,
    mrr,
    customers: 100,
    logoChurnRate: logo,
    grossMrrChurnRate: logo / 2,
    netMrrChurnRate: logo / 4,
    movements: {
      new: movement(mrr - 10000 + churn, 5),
      expansion: movement(0, 0),
      reactivation: movement(0, 0),
      contraction: movement(0, 0),
      churn: movement(churn, 3),
    },
    nps: { promoters: nps[0], passives: nps[1], detractors: nps[2] },
  });
  return {
    version: 1,
    currency,
    timeZone: 'UTC',
    months: [month('2024-01', 10000, 0.02, 0, [20, 9, 11]), month('2024-02', 10450.5, 0.03, 350, [10, 5, 5])],
  };
}

function cohorts(currency: unknown = 'EUR') {
  return {
    version: 1,
    currency,
    cohorts: [
      { cohort: '2024-01', customers: 10, mrr: 1000, logoRetention: [1, 0.9], revenueRetention: [1, 1.05] },
      { cohort: '2024-02', customers: 8, mrr: 800, logoRetention: [1], revenueRetention: [1] },
    ],
  };
}

function healthCustomer() {
  return {
    customerId: 'cus_0042',
    name: 'Acme GmbH',
    score: 81.5,
    trend: 4.1,
    asOf: '2024-12-31',
    factors: [{ key: 'nps', label: 'NPS', raw: 9, score: 81.5, weight: 1, contribution: 81.5 }],
    missing: ['Days since last usage'],
  };
}

let rejections: unknown[] = [];

function onRejection(event: PromiseRejectionEvent): void {
  rejections.push(event.reason);
  // Counted here and asserted by each test, rather than failing the whole file at random.
  event.preventDefault();
}

function onError(event: ErrorEvent): void {
  rejections.push(event.error ?? event.message);
}

beforeEach(() => {
  rejections = [];
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onError);
});

afterEach(() => {
  window.removeEventListener('unhandledrejection', onRejection);
  window.removeEventListener('error', onError);
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

interface Mounted {
  readonly el: HTMLElement;
  /** `detail.reason` of every `cs-data-error`. */
  readonly reasons: string[];
}

/** Mounts `tag` under a host with `lang`, waiting for the first update without letting it throw out. */
async function mount(tag: Tag, setup: (el: HTMLElement & Record<string, unknown>) => void, lang = 'en') {
  const host = document.createElement('div');
  host.lang = lang;
  host.style.width = '640px';
  document.body.append(host);
  const el = document.createElement(tag);
  const reasons: string[] = [];
  el.addEventListener('cs-data-error', (e) => reasons.push(e.detail.reason));
  setup(el as unknown as HTMLElement & Record<string, unknown>);
  host.append(el);
  await settle(el);
  return { el, reasons } satisfies Mounted;
}

/** Lets the ResizeObserver measure and the element re-render; a throwing update is recorded. */
async function settle(el: HTMLElement): Promise<void> {
  const updated = (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  await updated.catch((error: unknown) => rejections.push(error));
  await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete.catch((error: unknown) =>
    rejections.push(error),
  );
}

function alertText(el: HTMLElement): string | null {
  const alert = el.shadowRoot?.querySelector('[role="alert"]');
  return alert ? (alert.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
}

function shadowText(el: HTMLElement): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function part(el: HTMLElement, name: string): string {
  return (el.shadowRoot?.querySelector(`[part~="${name}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('currencyProblem', () => {
  it('accepts ISO 4217 codes and names the field and value of anything else', () => {
    expect(currencyProblem('USD', 'currency')).toBeNull();
    expect(currencyProblem('JPY', 'report.currency')).toBeNull();
    expect(currencyProblem('dollars', 'currency')).toBe(
      'currency "dollars" is not an ISO 4217 currency code (e.g. "USD")',
    );
    expect(currencyProblem('usd', 'report.currency')).toContain('report.currency "usd" is not an ISO 4217');
    expect(currencyProblem('US$', 'currency')).toContain('"US$"');
    expect(currencyProblem('', 'currency')).toContain('currency "" is not');
    expect(currencyProblem(978, 'currency')).toBe('currency is not a string');
  });
});

describe('an invalid currency or format is a data error, not a throw', () => {
  it.each<[string, Tag, (el: HTMLElement & Record<string, unknown>) => void, string]>([
    [
      'a churn report',
      'cs-churn-chart',
      (el) => {
        el.data = report('dollars');
      },
      'report.currency "dollars" is not an ISO 4217 currency code',
    ],
    [
      'a churn report drawn as MRR by group',
      'cs-churn-chart',
      (el) => {
        el.breakdown = 'mrr';
        el.data = {
          ...report('dollars'),
          breakdown: {
            by: 'segment',
            months: [{ month: '2024-02', groups: [{ key: 'smb', customers: 3, mrr: 350 }] }],
          },
        };
      },
      'report.currency "dollars" is not an ISO 4217 currency code',
    ],
    [
      'a churn series',
      'cs-churn-chart',
      (el) => {
        el.data = { currency: 'dollars', points: [{ period: '2024-01', logo: 0.02, churnedMrr: 120 }] };
      },
      'currency "dollars" is not an ISO 4217 currency code',
    ],
    [
      'an MRR bridge report',
      'cs-mrr-bridge',
      (el) => {
        el.data = report('dollars');
      },
      'report.currency "dollars" is not an ISO 4217 currency code',
    ],
    [
      'an MRR bridge given directly',
      'cs-mrr-bridge',
      (el) => {
        el.data = {
          currency: 'dollars',
          month: '2024-02',
          start: 100,
          new: 10,
          expansion: 0,
          reactivation: 0,
          contraction: 0,
          churn: 0,
        };
      },
      'currency "dollars" is not an ISO 4217 currency code',
    ],
    [
      'a KPI report',
      'cs-kpi',
      (el) => {
        el.label = 'MRR';
        el.metric = 'mrr';
        el.data = report('dollars');
      },
      'report.currency "dollars" is not an ISO 4217 currency code',
    ],
    [
      'a KPI series in a currency',
      'cs-kpi',
      (el) => {
        el.label = 'MRR';
        el.data = {
          format: 'currency',
          currency: 'dollars',
          points: [
            { period: '2024-01', value: 100 },
            { period: '2024-02', value: 120 },
          ],
        };
      },
      'currency "dollars" is not an ISO 4217 currency code',
    ],
    [
      'a KPI series with an unknown format',
      'cs-kpi',
      (el) => {
        el.label = 'MRR';
        el.data = {
          format: 'money',
          points: [
            { period: '2024-01', value: 100 },
            { period: '2024-02', value: 120 },
          ],
        };
      },
      'format "money" is not one of number, percent, currency',
    ],
    [
      'a cohort report',
      'cs-cohort-heatmap',
      (el) => {
        el.label = 'Revenue retention';
        el.metric = 'revenue';
        el.data = cohorts('dollars');
      },
      'currency "dollars" is not an ISO 4217 currency code',
    ],
    [
      'an NPS report (the report itself is malformed)',
      'cs-nps-trend',
      (el) => {
        el.data = report('dollars');
      },
      'report.currency "dollars" is not an ISO 4217 currency code',
    ],
  ])('%s: shows the error state, logs why and fires cs-data-error', async (_name, tag, setup, reason) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { el, reasons } = await mount(tag, (el) => {
      el.label ||= 'Chart';
      setup(el);
    });
    expect(alertText(el)).toBe(READ_ERROR);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(reason));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain(reason);
    expect(rejections).toEqual([]);
  });
});

describe('an invalid lang renders in the fallback language', () => {
  const cases: [Tag, (el: HTMLElement & Record<string, unknown>) => void, (el: HTMLElement) => Promise<void>][] = [
    [
      'cs-churn-chart',
      (el) => {
        el.label = 'Churn';
        el.data = report();
      },
      async (el) => {
        await vi.waitFor(() => expect(el.shadowRoot?.querySelector('.plot > svg')).not.toBeNull());
        expect(part(el, 'summary')).toMatch(/Logo churn .*2%.*3%/);
      },
    ],
    [
      'cs-nps-trend',
      (el) => {
        el.label = 'NPS';
        el.data = report();
      },
      async (el) => {
        await vi.waitFor(() => expect(el.shadowRoot?.querySelector('.plot > svg')).not.toBeNull());
        expect(part(el, 'summary')).toMatch(/NPS/);
      },
    ],
    [
      'cs-mrr-bridge',
      (el) => {
        el.label = 'MRR';
        el.data = report();
      },
      async (el) => {
        await vi.waitFor(() => expect(el.shadowRoot?.querySelector('.plot > svg')).not.toBeNull());
        expect(part(el, 'summary')).toContain('$10,450.50');
      },
    ],
    [
      'cs-kpi',
      (el) => {
        el.label = 'MRR';
        el.metric = 'mrr';
        el.data = report();
      },
      async (el) => {
        expect(part(el, 'value')).toBe('$10,450.50');
        expect(part(el, 'change')).toContain('+4.5%');
      },
    ],
    [
      'cs-cohort-heatmap',
      (el) => {
        el.label = 'Revenue retention';
        el.metric = 'revenue';
        el.data = cohorts();
      },
      async (el) => {
        expect(el.shadowRoot?.querySelectorAll('tbody tr')).toHaveLength(2);
        expect(shadowText(el)).toContain('€1,000.00');
      },
    ],
    [
      'cs-health-card',
      (el) => {
        el.data = healthCustomer();
      },
      async (el) => {
        expect(part(el, 'title')).toBe('Acme GmbH');
        expect(part(el, 'score')).toBe('Health score: 81.5 / 100');
        expect(part(el, 'footer')).toBe('Updated Dec 31, 2024');
      },
    ],
  ];

  for (const lang of ['en_US', 'xx-!!']) {
    it.each(cases)(`<%s> under lang="${lang}" renders its content`, async (tag, setup, check) => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const { el, reasons } = await mount(tag, setup, lang);
      await check(el);
      await settle(el);
      expect(alertText(el)).toBeNull();
      expect(shadowText(el)).not.toBe('');
      expect(reasons).toEqual([]);
      expect(errors).not.toHaveBeenCalled();
      expect(rejections).toEqual([]);
    });
  }
});
