import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../kpi/cs-kpi.js';
import '../health-card/cs-health-card.js';
import '../cohort-heatmap/cs-cohort-heatmap.js';
import '../churn-chart/cs-churn-chart.js';
import '../nps-trend/cs-nps-trend.js';
import '../mrr-bridge/cs-mrr-bridge.js';
import '../customer-list/cs-customer-list.js';
import type { HealthCardInput } from '../health-card/health-card-data.js';
import { sampleReportJson } from '../test-support/sample-churn.js';
import { SAMPLE_EXPANSION_MONTH, sampleExplanation } from '../test-support/sample-explain.js';

/*
 * The elements under a strict Content-Security-Policy: `style-src 'self'`, no 'unsafe-inline'. Such a
 * policy blocks every `style="…"` attribute (Lit's styleMap writes one on first render, lit/lit#4719)
 * but not CSSOM writes (`element.style.setProperty`) nor Lit's constructable stylesheets.
 *
 * A CSP <meta> cannot be taken back once it is in the document, so it lives in this file alone: Vitest
 * browser mode runs each test file in its own iframe (`isolate`, on by default), so the policy does not
 * reach the other files. The policy also has `script-src 'self'`: every script the runner loads after
 * this point comes from the Vite server (same origin) as a module, so it is allowed.
 *
 * (Elements may still carry a `style` attribute: the browser serialises CSSOM writes into it. That is
 * not an inline style in CSP's sense; the violation count is what tells the two apart.)
 */
const POLICY = "style-src 'self'; script-src 'self'";

const violations: string[] = [];

beforeAll(async () => {
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}: ${event.sample}`);
  });
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = POLICY;
  document.head.append(meta);
  await page.viewport(1280, 900);
  // The policy is live: a style attribute set now is reported (and ignored), a CSSOM write is not.
  const probe = document.createElement('div');
  probe.setAttribute('style', 'inline-size: 10px');
  probe.style.setProperty('block-size', '10px');
  document.body.append(probe);
  await vi.waitFor(() => expect(violations).toHaveLength(1));
  expect(probe.style.blockSize).toBe('10px');
  expect(probe.style.inlineSize).toBe('');
  violations.length = 0;
  probe.remove();
});

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** Mounts `tag` in a 640 px wide host (set through CSSOM, which the policy allows). */
async function mount<T extends HTMLElement & { updateComplete: Promise<boolean> }>(
  tag: string,
  setup: (el: T) => void,
): Promise<T> {
  const host = document.createElement('div');
  host.lang = 'en';
  host.style.width = '640px';
  document.body.append(host);
  const el = document.createElement(tag) as T;
  setup(el);
  host.append(el);
  await el.updateComplete;
  return el;
}

function $<E extends Element = HTMLElement>(el: Element, selector: string): E {
  const found = el.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`${el.localName}: no ${selector}`);
  return found;
}

/** Violations are reported asynchronously: give them a couple of frames to arrive before counting. */
async function expectNoViolations(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(violations).toEqual([]);
}

/** A customer from a `cskit health` JSON: four factors, scores 100, 85, 60 and 70. */
function healthCustomer(): HealthCardInput {
  return {
    customerId: 'cus_0042',
    name: 'Acme GmbH',
    segment: 'vip',
    asOf: '2024-12-31',
    bands: { red: 0, yellow: 40, green: 70 },
    score: 81.5,
    band: 'green',
    trend: 4.1,
    factors: [
      { key: 'nps', label: 'NPS (latest response)', raw: 9, score: 100, weight: 0.3, contribution: 30 },
      { key: 'seats', label: 'Seat utilisation', raw: 0.85, score: 85, weight: 0.3, contribution: 25.5 },
      { key: 'tickets', label: 'Tickets (90 days)', raw: 6, score: 60, weight: 0.2, contribution: 12 },
      { key: 'mrrChange', label: 'MRR change (3 months)', raw: 0.04, score: 70, weight: 0.2, contribution: 14 },
    ],
    missing: ['Days since last usage'],
  } as unknown as HealthCardInput;
}

/** The width of `fill` as a share of its track's width. */
function share(fill: Element): number {
  const track = fill.parentElement as Element;
  return fill.getBoundingClientRect().width / track.getBoundingClientRect().width;
}

describe("under Content-Security-Policy: style-src 'self' (no 'unsafe-inline')", () => {
  it('<cs-kpi> renders styled', async () => {
    const el = await mount(
      'cs-kpi',
      (el: HTMLElement & { label: string; data: unknown; updateComplete: Promise<boolean> }) => {
        el.label = 'MRR';
        el.data = sampleReportJson();
      },
    );
    expect(el.shadowRoot?.textContent).toContain('MRR');
    // The constructable stylesheet applies: the element's own styles are there.
    expect(getComputedStyle(el).display).not.toBe('inline');
    await expectNoViolations();
  });

  it("loads a language's strings on first use (script-src 'self' allows the module)", async () => {
    const el = await mount(
      'cs-kpi',
      (el: HTMLElement & { label: string; locale: string; data: unknown; updateComplete: Promise<boolean> }) => {
        el.label = 'MRR';
        el.locale = 'es';
        el.data = sampleReportJson();
      },
    );
    // The Spanish module comes from the dev server of a shared, loaded machine: allow it time.
    await vi.waitFor(() => expect(el.shadowRoot?.textContent).toContain('vs. periodo anterior'), { timeout: 20_000 });
    await expectNoViolations();
  });

  it('<cs-health-card> sizes its gauge and factor bars', async () => {
    const el = await mount(
      'cs-health-card',
      (el: HTMLElement & { data: unknown; updateComplete: Promise<boolean> }) => {
        el.data = healthCustomer();
      },
    );
    expect(share($(el, '[part~="gauge"] .fill'))).toBeCloseTo(0.815, 2);
    const bars = [...(el.shadowRoot?.querySelectorAll('[part="factor-bar"] .fill') ?? [])];
    expect(bars.map((bar) => Math.round(share(bar) * 100))).toEqual([100, 85, 60, 70]);
    expect(bars.every((bar) => bar.getBoundingClientRect().width > 0)).toBe(true);
    expect($(el, '[part~="gauge"] .fill').style.inlineSize).toBe('81.5%');
    await expectNoViolations();
  });

  it('<cs-cohort-heatmap> colours its cells and its legend', async () => {
    const el = await mount(
      'cs-cohort-heatmap',
      (el: HTMLElement & { label: string; data: unknown; updateComplete: Promise<boolean> }) => {
        el.label = 'Logo retention';
        el.data = sampleReportJson();
      },
    );
    const cells = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('td.cell') ?? [])];
    expect(cells.length).toBeGreaterThan(10);
    for (const cell of cells) {
      expect(getComputedStyle(cell).backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    }
    // The text colour follows the background (black or white), not the table's.
    expect(getComputedStyle(cells[0] as HTMLElement).color).toMatch(/^rgb\((0, 0, 0|255, 255, 255)\)$/);
    expect(getComputedStyle($(el, '.ramp')).backgroundImage).toContain('linear-gradient');
    // Selecting a cell re-renders every cell: still no violation.
    (cells[0] as HTMLElement).focus();
    await userEvent.keyboard('{ArrowRight}{Enter}');
    await el.updateComplete;
    await expectNoViolations();
  });

  it('<cs-customer-list> renders its table, links and pages styled', async () => {
    const el = await mount(
      'cs-customer-list',
      (el: HTMLElement & { data: unknown; customerHref: string; updateComplete: Promise<boolean> }) => {
        el.data = sampleExplanation(SAMPLE_EXPANSION_MONTH, 'expansion');
        el.customerHref = '/customers/{customerId}';
      },
    );
    expect(getComputedStyle($(el, 'table')).borderCollapse).toBe('collapse');
    expect(getComputedStyle($(el, '[part~="next"]')).borderTopStyle).toBe('solid');
    $(el, '[part~="next"]').click();
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('#range')?.textContent).toBe('51–100 of 110');
    await expectNoViolations();
  });

  for (const tag of ['cs-churn-chart', 'cs-nps-trend', 'cs-mrr-bridge']) {
    it(`<${tag}> positions its tooltip beside the focused point`, async () => {
      const el = await mount(
        tag,
        (el: HTMLElement & { label: string; data: unknown; updateComplete: Promise<boolean> }) => {
          el.label = 'Chart';
          el.data = sampleReportJson();
        },
      );
      await vi.waitFor(() => expect(el.shadowRoot?.querySelector('.plot > svg')).not.toBeNull());
      const plot = $(el, '[part="plot"]');
      plot.focus();
      await el.updateComplete;
      // The tooltip is placed by inline style (CSSOM, which a strict CSP allows): whole inside the plot,
      // and it moves with the focused point.
      const first = $(el, '[part="tooltip"]');
      expect(first.style.left).toMatch(/^\d+px$/);
      expect(first.style.top).toMatch(/^\d+px$/);
      expect(getComputedStyle(first).left).toBe(first.style.left);
      const before = first.getBoundingClientRect();
      await userEvent.keyboard('{End}');
      await el.updateComplete;
      const last = $(el, '[part="tooltip"]');
      const after = last.getBoundingClientRect();
      expect([after.left, after.top]).not.toEqual([before.left, before.top]);
      const box = plot.getBoundingClientRect();
      expect(after.left).toBeGreaterThanOrEqual(box.left);
      expect(after.right).toBeLessThanOrEqual(box.right);
      expect(after.bottom).toBeLessThanOrEqual(box.bottom);
      await expectNoViolations();
    });
  }

  for (const tag of [
    'cs-kpi',
    'cs-health-card',
    'cs-cohort-heatmap',
    'cs-churn-chart',
    'cs-nps-trend',
    'cs-mrr-bridge',
    'cs-customer-list',
  ]) {
    it(`<${tag}> draws its loading skeleton and its Retry button styled`, async () => {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      let fail: (reason: Error) => void = () => undefined;
      vi.spyOn(window, 'fetch').mockImplementation(() => new Promise((_resolve, reject) => (fail = reject)));
      const el = await mount(
        tag,
        (el: HTMLElement & { label: string; src: string; updateComplete: Promise<boolean> }) => {
          el.label = 'Widget';
          el.src = '/api/report.json';
        },
      );
      await vi.waitFor(() => expect(el.shadowRoot?.querySelector('.bone')).not.toBeNull());
      // The bones' sizes and colour come from the stylesheet, which the policy lets through. (A bone
      // holding a button's place is drawn as that button, without the fill.)
      const bone = $(el, '.bone:not(.table-toggle)');
      expect(getComputedStyle(bone).backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
      expect(bone.getBoundingClientRect().width).toBeGreaterThan(0);
      expect(bone.getBoundingClientRect().height).toBeGreaterThan(0);
      fail(new TypeError('Failed to fetch'));
      await vi.waitFor(() => expect(el.shadowRoot?.querySelector('[part~="retry"]')).not.toBeNull());
      expect(getComputedStyle($(el, '[part~="retry"]')).borderTopStyle).toBe('solid');
      await expectNoViolations();
    });
  }
});
