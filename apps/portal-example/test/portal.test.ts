import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { analyseRevenue, buildReport, explainMovement, movementExplanationJson, type HealthReport } from '@cskit/core';
import { sampleDataset } from '@cskit/core/sample';
import type { PointSelectDetail } from '@cskit/widgets/churn-chart';
import { chromium, type Browser, type Locator, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../tools/chromium.js';
import { readCompany } from '../src/server/company-data.js';
import { CONTENT_SECURITY_POLICY } from '../src/server/content-security-policy.js';
import { portalApi } from '../src/server/portal-api.js';
import { createPortalServer, listen } from '../src/server/portal-server.js';
import { recordPageProblems } from './page-problems.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The pages `pnpm build` wrote (turbo builds them, and the packages they import, before this test). */
const pagesDir = path.join(here, '../dist/pages');

// What the portal must show, computed here by @cskit/core on the sample company (not by the backend).
const sample = sampleDataset();
const report = buildReport(sample, { timeZone: 'UTC' });
/** `value`, which the sample company is known to have (`what` names it when it does not). */
function known<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`the sample company has no ${what}`);
  return value;
}

const lastMonth = known(report.months.at(-1), 'month');

// The month to drill into: the largest churned MRR whose customers fit the list's first page (50).
const drillMonth = report.months
  .filter((month) => month.movements.churn.customers > 0 && month.movements.churn.customers <= 50)
  .reduce((best, month) => (month.movements.churn.mrr > best.movements.churn.mrr ? month : best));
const drillAnalysis = analyseRevenue(sample, { timeZone: 'UTC', from: drillMonth.month, to: drillMonth.month });
const drill = movementExplanationJson(drillAnalysis, explainMovement(drillAnalysis, drillMonth.month, 'churn'));

/**
 * The `cskit` command of the workspace's built CLI, run as a user runs it, on the sample company. (In a
 * child process that does not block this one, where the backend answers the browser.)
 */
async function cskit(...args: string[]): Promise<unknown> {
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('@cskit/cli/package.json')), 'dist/bin.js');
  const { stdout } = await promisify(execFile)(process.execPath, [cli, ...args, '--sample', '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

let healthFromCli: Promise<HealthReport> | undefined;
/** `cskit health --sample` (run once: it scores every customer). */
function cskitHealth(): Promise<HealthReport> {
  return (healthFromCli ??= cskit('health') as Promise<HealthReport>);
}

/** Every number written in `text` ("$39,698.81 from 30 customers" → [39698.81, 30]). */
function numbersIn(text: string | null | undefined): number[] {
  return [...(text ?? '').matchAll(/[-−]?\d[\d,]*(?:\.\d+)?/g)].map((match) =>
    Number(match[0].replace('−', '-').replaceAll(',', '')),
  );
}

/** Asserts that `text` shows `expected` to within `tolerance` (the precision the element rounds to). */
function expectShown(text: string | null | undefined, expected: number, tolerance = 0): void {
  const shown = numbersIn(text);
  expect(
    shown.some((value) => Math.abs(value - expected) <= tolerance + 1e-9),
    `${JSON.stringify(text)} shows ${expected}`,
  ).toBe(true);
}

/** The rows of an element's table view ("Show table"), each as the texts of its cells. */
async function tableRows(element: Locator): Promise<string[][]> {
  await element.locator('[part=table-toggle]').click();
  return element
    .locator('[part=table] tbody tr')
    .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent?.trim() ?? '')));
}

function rowOf(rows: string[][], head: string): string[] {
  const row = rows.find((cells) => cells[0] === head);
  if (!row) throw new Error(`no row "${head}" in ${JSON.stringify(rows.map((cells) => cells[0]))}`);
  return row;
}

const longMonth = (month: string): string =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

let server: Server;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  // The backend as `pnpm start` runs it (src/server/main.ts), on a free loopback port.
  const company = await readCompany({ kind: 'sample' });
  server = createPortalServer({ api: portalApi(company), pagesDir });
  baseUrl = await listen(server, 0);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/**
 * Opens `address` of the portal in a fresh page, recording console errors and CSP violations from the
 * first byte, runs `check` on it, and then asserts that nothing went wrong in the page.
 */
async function onPortalPage(address: string, check: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(60_000); // see vitest.config.ts
  try {
    const problems = await recordPageProblems(page);
    const response = await page.goto(new URL(address, baseUrl).href);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await check(page);
    expect(problems).toEqual({ errors: [], csp: [] });
  } finally {
    await page.close();
  }
}

/** The MRR and NRR tiles show the last month's numbers. */
async function expectKpiTiles(page: Page): Promise<void> {
  const mrr = page.locator('#kpi-mrr');
  await mrr.locator('[part=change]').waitFor();
  expectShown(await mrr.locator('[part=value]').textContent(), lastMonth.mrr);
  const nrr = page.locator('#kpi-nrr');
  await nrr.locator('[part=change]').waitFor();
  expectShown(await nrr.locator('[part=value]').textContent(), known(lastMonth.nrr, 'NRR') * 100, 0.05);
}

/** Clicks the logo-churn bar of `month` in the page's churn chart and returns the `cs-point-select` detail. */
async function clickChurnBar(page: Page, month: string): Promise<PointSelectDetail> {
  const chart = page.locator('cs-churn-chart');
  await chart.locator('[part=plot][role=group]').waitFor();
  // A month without a rate draws no bar, so the bar of `month` is the n-th of the months with one.
  const index = report.months.filter((m) => m.logoChurnRate !== null).findIndex((m) => m.month === month);
  const bar = chart.locator('g.c1 > rect.bar').nth(index);
  await chart.scrollIntoViewIfNeeded();
  const box = await bar.boundingBox();
  if (!box) throw new Error(`the bar of ${month} is not drawn`);
  await page.evaluate(() => {
    const target = window as unknown as { __selected: Promise<unknown> };
    target.__selected = new Promise((resolve) =>
      document.addEventListener('cs-point-select', (event) => resolve(event.detail), { once: true }),
    );
  });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return page.evaluate(() => (window as unknown as { __selected: Promise<never> }).__selected);
}

/** The drill-down: a click on the churn bar of `drillMonth` opens the customers behind that number. */
async function expectDrillDown(page: Page): Promise<void> {
  const detail = await clickChurnBar(page, drillMonth.month);
  expect(detail.period).toBe(drillMonth.month);
  expect(detail.values.churnedMrr).toBe(drillMonth.movements.churn.mrr);
  expect(detail.values.churnedMrr).toBe(drill.mrr);

  const list = page.locator('cs-customer-list');
  await list.locator('[part=total]').waitFor();
  const heading = await list.locator('[part=heading]').textContent();
  expect(heading).toContain(longMonth(drillMonth.month));
  // The list's total is the clicked number, and its customers are core's, largest amount first.
  expectShown(await list.locator('[part=total]').textContent(), known(detail.values.churnedMrr, 'clicked number'));
  const links = await list
    .locator('[part=customer-link]')
    .evaluateAll((anchors) => anchors.map((a) => [a.textContent, a.getAttribute('href')]));
  const customers = drill.customers.toSorted((a, b) => b.amount - a.amount);
  expect(links).toEqual(customers.map((c) => [c.customerId, `/customers?id=${encodeURIComponent(c.customerId)}`]));
  const amounts = await list
    .locator('[part=table] tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.textContent ?? ''));
  const largest = known(customers[0], 'churned customer');
  expect(amounts.find((text) => text.includes(largest.customerId))).toContain(
    largest.amount.toLocaleString('en', { minimumFractionDigits: 2 }),
  );
}

const BAND_WORDS = { red: 'At risk', yellow: 'Needs attention', green: 'Healthy' } as const;

/** The health card on the page shows exactly `cskit health`'s entry for `customerId`. */
async function expectHealthCard(card: Locator, cliHealth: HealthReport, customerId: string): Promise<void> {
  const entry = cliHealth.customers.find((c) => c.customerId === customerId);
  if (!entry || entry.score === null || entry.band === null) throw new Error(`${customerId} has no score`);
  await card.locator('[part=score]').waitFor();
  expect(await card.locator('[part=title]').textContent()).toContain(entry.name ?? entry.customerId);
  // Scores are truncated to one decimal, so that 39.99 never reads as the band above.
  const score = known(numbersIn(await card.locator('[part=score]').textContent())[0], 'score on the card');
  expect(score).toBeLessThanOrEqual(entry.score + 1e-9);
  expect(entry.score - score).toBeLessThan(0.1);
  expect(await card.locator('[part=band]').textContent()).toContain(BAND_WORDS[entry.band]);
  const rows = await tableRows(card);
  expect(rows).toHaveLength(entry.factors.length + entry.missing.length);
  for (const [i, factor] of entry.factors.entries()) {
    const row = known(rows[i], `table row of ${factor.key}`);
    expect(row[0]).toBe(factor.label);
    expectShown(row[2], factor.score, 0.05);
    expectShown(row[3], factor.weight * 100, 0.05);
    expectShown(row[4], factor.contribution, 0.05);
  }
}

describe('the backend', () => {
  it('serves the JSON of cskit report, health and explain for the sample company', async () => {
    const get = async (address: string) => (await fetch(new URL(address, baseUrl))).json();
    const month = drillMonth.month;
    const [cliReport, cliHealth, cliExplain] = await Promise.all([
      cskit('report'),
      cskitHealth(),
      cskit('explain', '--month', month, '--movement', 'churn'),
    ]);
    expect(await get('/api/report.json')).toEqual(cliReport);
    expect(await get('/api/health.json')).toEqual(cliHealth);
    expect(await get(`/api/explain.json?month=${month}&movement=churn`)).toEqual(cliExplain);
    // …which is core's, computed here without the CSV connector the backend reads through.
    expect(await get('/api/report.json')).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('answers a bad explain request with 400 and the reason, and a path outside the pages with 404', async () => {
    const bad = await fetch(new URL('/api/explain.json?month=2025-13&movement=churn', baseUrl));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'month must be YYYY-MM, got "2025-13"' });
    const movement = await fetch(new URL('/api/explain.json?month=2025-03&movement=refund', baseUrl));
    expect(movement.status).toBe(400);
    expect(((await movement.json()) as { error: string }).error).toContain('"refund"');
    for (const address of ['/%2e%2e/server/main.js', '/../package.json', '/assets/nothing.js']) {
      const response = await fetch(new URL(address, baseUrl));
      expect(response.status, address).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});

describe('the plain HTML dashboard', () => {
  it('renders the sample company’s numbers in every element, under the CSP, without console errors', () =>
    onPortalPage('/', async (page) => {
      await expectKpiTiles(page);
      const logoChurn = page.locator('#kpi-logo-churn');
      await logoChurn.locator('[part=change]').waitFor();
      const rate = known(lastMonth.logoChurnRate, 'logo churn') * 100;
      expectShown(await logoChurn.locator('[part=value]').textContent(), rate, 0.05);

      const churn = page.locator('cs-churn-chart');
      await churn.locator('[part=plot][role=group]').waitFor();
      const churnRow = rowOf(await tableRows(churn), longMonth(drillMonth.month));
      expectShown(churnRow[1], known(drillMonth.logoChurnRate, 'logo churn') * 100, 0.005);
      expectShown(churnRow[2], known(drillMonth.grossMrrChurnRate, 'gross churn') * 100, 0.005);
      expectShown(churnRow.join(' '), drillMonth.movements.churn.customers);
      expectShown(churnRow.join(' '), drillMonth.movements.churn.mrr);

      const bridge = page.locator('cs-mrr-bridge');
      await bridge.locator('[part=plot][role=group]').waitFor();
      const bridgeRows = await tableRows(bridge);
      expectShown(rowOf(bridgeRows, 'End').join(' '), lastMonth.mrr);
      expectShown(rowOf(bridgeRows, 'New').join(' '), lastMonth.movements.new.mrr);
      expectShown(rowOf(bridgeRows, 'Churn').join(' '), lastMonth.movements.churn.mrr);

      const nps = page.locator('cs-nps-trend');
      await nps.locator('[part=plot][role=group]').waitFor();
      const npsRow = rowOf(await tableRows(nps), longMonth(lastMonth.month));
      expectShown(npsRow.join(' '), known(lastMonth.nps?.score, 'NPS'), 0.05);

      const heatmap = page.locator('cs-cohort-heatmap');
      await heatmap.locator('[part=cell]').first().waitFor();
      const cohort = known(report.cohorts[0], 'cohort');
      const cohortRow = await heatmap
        .locator('[part=table] tbody tr')
        .first()
        .evaluate((row) => Array.from(row.children, (cell) => cell.textContent?.trim() ?? ''));
      expectShown(cohortRow.join(' '), cohort.customers);
      expectShown(cohortRow.join(' '), known(cohort.logoRetention[1], 'month-1 retention') * 100, 0.5);
    }));

  it('opens the customers behind a clicked churn bar, whose total is the clicked number', () =>
    onPortalPage('/', async (page) => {
      await expectDrillDown(page);
      // A customer's link leads to the portal's customer page, which knows a churned customer has no score.
      const first = known(drill.customers.toSorted((a, b) => b.amount - a.amount)[0], 'churned customer');
      await page.locator('cs-customer-list [part=customer-link]').first().click();
      await page.waitForURL((url) => url.pathname === '/customers' && url.searchParams.get('id') === first.customerId);
      const scored = (await cskitHealth()).customers.some((c) => c.customerId === first.customerId);
      if (scored) await page.locator('cs-health-card [part=score]').waitFor();
      else await expect.poll(() => page.locator('#health .hint').textContent()).toContain('not an active customer');
    }));
});

describe('the dashboard in another language', () => {
  it('turns Spanish when the page’s lang changes: the Spanish strings load as a chunk of their own, under the CSP', () =>
    onPortalPage('/', async (page) => {
      await expectKpiTiles(page);
      const toggle = page.locator('cs-churn-chart button[part~=table-toggle]');
      await expect.poll(() => toggle.textContent()).toMatch(/Show table|Hide table/);
      const modules: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') modules.push(new URL(request.url()).pathname);
      });
      await page.evaluate(() => {
        document.documentElement.lang = 'es';
      });
      await expect.poll(() => toggle.textContent(), { timeout: 60_000 }).toMatch(/Mostrar tabla|Ocultar tabla/);
      await expect.poll(() => page.locator('#kpi-mrr [part=change]').textContent()).toContain('periodo anterior');
      // One Spanish chunk (Vite names it after the module, locales/es.js) for every element of the page.
      expect(modules.filter((path) => /\/es-[\w-]+\.js$/.test(path))).toHaveLength(1);
    }));
});

describe('the customers page', () => {
  it('shows the health card of a chosen customer exactly as `cskit health` scores it', async () => {
    const cliHealth = await cskitHealth();
    // A customer with a trend, several factors and a missing one: most of the card is exercised.
    const chosen = known(
      cliHealth.customers.find(
        (c) => c.factors.length >= 3 && c.missing.length > 0 && c.trend !== null && c.trend !== 0 && c.name !== null,
      ),
      'customer with a trend, three factors and a missing one',
    );
    await onPortalPage(`/customers?id=${encodeURIComponent(chosen.customerId)}`, (page) =>
      expectHealthCard(page.locator('cs-health-card'), cliHealth, chosen.customerId),
    );
  });
});

describe('the React dashboard', () => {
  it('renders the KPI tiles, drills into a churn bar and shows the riskiest customer’s health card', async () => {
    const cliHealth = await cskitHealth();
    const riskiest = cliHealth.customers
      .filter((c) => c.score !== null)
      .reduce((low, c) => ((c.score ?? 0) < (low.score ?? 0) ? c : low));
    await onPortalPage('/react', async (page) => {
      await expectKpiTiles(page);
      await expectDrillDown(page);
      await expectHealthCard(page.locator('cs-health-card'), cliHealth, riskiest.customerId);
    });
  });
});
