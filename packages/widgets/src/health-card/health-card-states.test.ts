import { afterEach, describe, expect, it, vi } from 'vitest';
import './cs-health-card.js';
import type { CsHealthCard } from './health-card.js';
import { sampleHealth } from '../test-support/sample-health.js';
import { json, serveInTurn, unroute } from '../test-support/routes.js';

/*
 * The health card's loading and error states (issue 10: "loading and error boxes are ~590 px tall with
 * no title"): a skeleton of the card with its title while loading, and a compact error card with its
 * title and a Retry button.
 */

const routes: string[] = [];

afterEach(async () => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
  for (const path of routes.splice(0)) await unroute(path);
});

function mount(setup: (el: CsHealthCard) => void, width = 320): CsHealthCard {
  const host = document.createElement('div');
  host.lang = 'en';
  host.style.width = `${width}px`;
  host.style.pointerEvents = 'none';
  const el = document.createElement('cs-health-card');
  setup(el);
  host.append(el);
  document.body.append(host);
  return el;
}

function $(el: CsHealthCard, selector: string): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

/**
 * The usual card of the default model: a customer of the sample company scored on three of its six
 * factors, the other three named as without data.
 */
function usualCustomer() {
  const customer = sampleHealth().customers.find((c) => c.factors.length === 3 && c.missing.length === 3);
  if (!customer) throw new Error('the sample company has no customer with three factors and three missing');
  return customer;
}

/** A fetch held until `release()`, then answered with `data`. */
function holdFetch(data: unknown): { release: () => void } {
  let release: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => (release = resolve));
  vi.spyOn(window, 'fetch').mockImplementation(async () => {
    await answered;
    return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
  });
  return { release };
}

describe('<cs-health-card> while loading', () => {
  it.each([320, 640])(
    'at %i px shows the title and a skeleton of score, gauge and three factor rows, as tall as a usual card',
    async (width) => {
      const customer = usualCustomer();
      const { release } = holdFetch(sampleHealth());
      const el = mount((el) => {
        // The reserved height is what the card takes without it: the skeleton must be that tall itself.
        el.style.setProperty('--cs-health-card-min-height', '0px');
        el.customerId = customer.customerId;
        el.src = '/api/health.json';
      }, width);
      await vi.waitFor(() => expect($(el, '[part~="base"]')?.getAttribute('aria-busy')).toBe('true'));
      expect($(el, '[part~="title"]')?.textContent?.trim()).toBe(customer.customerId);
      expect(el.shadowRoot?.querySelectorAll('.factors li')).toHaveLength(3);
      expect($(el, '.gauge')).not.toBeNull();
      const pending = el.getBoundingClientRect().height;

      release();
      await vi.waitFor(() => expect($(el, '[part~="title"]')?.textContent?.trim()).toBe(customer.name));
      await el.updateComplete;
      const loaded = el.getBoundingClientRect().height;
      // A factor's detail line wraps by its content (this customer's third takes three lines at
      // 320 px, a skeleton row two): within one line of text (16 px) of the loaded card.
      expect(Math.abs(loaded - pending)).toBeLessThanOrEqual(18);
    },
  );

  it('takes its label as title when it has one', async () => {
    holdFetch(sampleHealth());
    const el = mount((el) => {
      el.label = 'Key account';
      el.customerId = 'cus_0042';
      el.src = '/api/health.json';
    });
    await vi.waitFor(() => expect($(el, '[part~="title"]')?.textContent?.trim()).toBe('Key account'));
  });
});

describe('<cs-health-card> when src fails', () => {
  it('is a compact card with its title, the message and Retry, not the height reserved for factors', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const path = await serveInTurn([{ status: 500, body: '' }, json(sampleHealth())]);
    routes.push(path);
    const customer = usualCustomer();
    const el = mount((el) => {
      el.customerId = customer.customerId;
      el.src = path;
    });
    // Route answers travel through the test runner's Playwright: slower than vi.waitFor's default second when busy.
    await vi.waitFor(() => expect($(el, '[part~="state"]')?.textContent?.trim()).toBe('Could not load the data'), {
      timeout: 10_000,
    });
    expect($(el, '[part~="title"]')?.textContent?.trim()).toBe(customer.customerId);
    expect($(el, '[part~="retry"]')?.textContent?.trim()).toBe('Retry');
    // Title, message and button: about 10 rem, where the card reserves 37 rem for six factors.
    expect(el.getBoundingClientRect().height).toBeLessThan(16 * 12);
    $(el, '[part~="retry"]')?.click();
    await vi.waitFor(() => expect($(el, '[part~="title"]')?.textContent?.trim()).toBe(customer.name), {
      timeout: 10_000,
    });
  });
});
