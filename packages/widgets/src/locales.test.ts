import { afterEach, describe, expect, it, vi } from 'vitest';
import { chartMessages } from './internal/chart/chart.messages.js';
import { churnChartMessages } from './churn-chart/churn-chart.messages.js';
import { cohortHeatmapMessages } from './cohort-heatmap/cohort-heatmap.messages.js';
import { kpiMessages } from './kpi/kpi.messages.js';
import { npsTrendMessages } from './nps-trend/nps-trend.messages.js';
import { commonMessages, loadingMessages, pickMessages, type Catalog, type Language } from './internal/messages.js';
import type { Translations } from './internal/translations.js';
import { preloadLocale } from './locales.js';
import { createSample, elementSamples, visibleText } from './test-support/element-samples.js';
import { holdRequests, releaseRequests, routeHits, unroute } from './test-support/routes.js';

/*
 * Each language but English is a module of its own, loaded the first time an element shows it. A test
 * file runs in its own page, so no language is loaded when this file starts; each test below uses a
 * language no other test of the file has loaded (Spanish, Bulgarian, Chinese, Polish).
 */

/** The dev server's URL of a language's module (src/internal/locales/<language>.ts). */
const moduleOf = (language: Language) => `/internal/locales/${language}.ts`;

/** Waits for the page: a language's module comes from the dev server of a shared, loaded machine. */
const SLOW = { timeout: 20_000 };

type Sample = HTMLElement & { data?: unknown; locale?: string; updateComplete: Promise<boolean> };

/** The sample element `tag` with its data and a label in the page's language (labels are the page's). */
function sample(tag: string, label: string): Sample {
  const found = elementSamples.find((candidate) => candidate.tag === tag);
  if (!found) throw new Error(`no sample of <${tag}>`);
  const el = createSample(found) as Sample;
  el.setAttribute('label', label);
  el.data = found.data();
  return el;
}

/** Puts `elements` on the page in a 640 px wide box whose `lang` is `lang`. */
function inLang(lang: string, ...elements: Sample[]): HTMLElement {
  const host = document.createElement('div');
  host.lang = lang;
  host.style.width = '640px';
  host.append(...elements);
  document.body.append(host);
  return host;
}

/** What `el`, given `locale` and put on the page, shows after its first update. */
async function firstUpdate(el: Sample, locale: string): Promise<string> {
  el.locale = locale;
  document.body.append(el);
  await el.updateComplete;
  return visibleText(el);
}

/** Attributes whose words screen readers or tooltips say. */
const SPOKEN = ['aria-label', 'aria-roledescription', 'aria-valuetext', 'title'];

/** Everything `el` says in its shadow tree: text, and the words of its spoken attributes. */
function saying(el: Element): string {
  const spoken = [...(el.shadowRoot?.querySelectorAll('*') ?? [])].flatMap((node) =>
    SPOKEN.flatMap((name) => node.getAttribute(name) ?? []),
  );
  return `${visibleText(el)}\n${spoken.join('\n')}`;
}

/**
 * What `el` says after each of its renders from now on: a MutationObserver on its shadow tree records
 * it after every change, so no state, however short, goes unseen.
 */
function everyRender(el: Element): string[] {
  const seen: string[] = [];
  const root = el.shadowRoot;
  if (!root) throw new Error(`<${el.localName}> has no shadow root yet`);
  new MutationObserver(() => seen.push(saying(el))).observe(root, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
  return seen;
}

/** The strings of a table, message functions aside (they are checked through what they return). */
function strings(table: unknown): string[] {
  if (typeof table === 'string') return [table];
  if (typeof table === 'object' && table !== null) return Object.values(table).flatMap(strings);
  return [];
}

/**
 * The English strings of `catalogs` (and "Loading…") that `language`, loaded, does not share ("NPS"
 * is the same in Spanish), of three letters or more.
 */
function englishOnly(catalogs: readonly Catalog<keyof Translations>[], language: Language): string[] {
  const own = new Set(catalogs.flatMap((catalog) => strings(pickMessages(catalog, language))));
  const english = [loadingMessages.en, ...catalogs.flatMap((catalog) => strings(catalog.en))];
  return [...new Set(english)].filter((s) => !own.has(s) && (s.match(/\p{L}/gu) ?? []).length >= 3);
}

/** The English strings of `english` that `text` holds as whole words. */
function englishIn(text: string, english: readonly string[]): string[] {
  return english.filter((s) =>
    new RegExp(`(?<!\\p{L})${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(text),
  );
}

afterEach(async () => {
  document.body.replaceChildren();
  document.documentElement.lang = 'en';
  vi.restoreAllMocks();
  for (const language of ['es', 'bg', 'zh-Hans', 'pl'] as const) await unroute(moduleOf(language));
});

describe('a language loaded on first use', () => {
  it('keeps two Spanish elements in their skeleton, saying "Cargando…", until the one load of Spanish arrives', async () => {
    await holdRequests(moduleOf('es'));
    const kpi = sample('cs-kpi', 'Ingresos');
    const chart = sample('cs-churn-chart', 'Abandono');
    inLang('es', kpi, chart);
    const renders = [everyRender(kpi), everyRender(chart)];

    await vi.waitFor(async () => expect(await routeHits(moduleOf('es'))).toBe(1), SLOW);
    for (const el of [kpi, chart]) {
      await el.updateComplete;
      expect(el.shadowRoot?.querySelector('[aria-busy="true"]'), el.localName).not.toBeNull();
      expect(saying(el)).toContain('Cargando…');
    }

    await releaseRequests(moduleOf('es'), 'continue');
    await vi.waitFor(() => {
      expect(visibleText(kpi)).toContain('vs. periodo anterior');
      expect(visibleText(chart)).toContain('Mostrar tabla');
    }, SLOW);
    // Both elements waited for the same request.
    expect(await routeHits(moduleOf('es'))).toBe(1);
    const english = englishOnly([commonMessages, chartMessages, kpiMessages, churnChartMessages], 'es');
    for (const seen of renders) {
      expect(seen.length).toBeGreaterThan(1);
      for (const said of seen) expect(englishIn(said, english)).toEqual([]);
    }
  });

  it('renders an element whose locale property is Bulgarian in Bulgarian, never in English', async () => {
    const el = sample('cs-cohort-heatmap', 'Задържане');
    el.locale = 'bg-BG';
    document.body.append(el);
    const seen = everyRender(el);
    await vi.waitFor(() => expect(visibleText(el)).toContain('Месец 1'), SLOW);
    expect(seen[0]).toContain('Зареждане…');
    const english = englishOnly([commonMessages, cohortHeatmapMessages], 'bg');
    for (const said of seen) expect(englishIn(said, english)).toEqual([]);
  });

  it('re-renders in Chinese when the nearest lang changes at run time, with no English in between', async () => {
    const el = sample('cs-nps-trend', 'NPS');
    const host = inLang('en', el);
    await vi.waitFor(() => expect(visibleText(el)).toContain('Show table'), SLOW);

    const seen = everyRender(el);
    host.lang = 'zh-Hans';
    await vi.waitFor(() => expect(visibleText(el)).toContain('显示表格'), SLOW);
    expect(seen[0]).toContain('加载中…');
    const english = englishOnly([commonMessages, chartMessages, npsTrendMessages], 'zh-Hans');
    for (const said of seen) expect(englishIn(said, english)).toEqual([]);
  });

  it('shows English, says so once in the console and still works when Polish does not load', async () => {
    const warn = vi.spyOn(console, 'warn');
    await holdRequests(moduleOf('pl'));
    const kpi = sample('cs-kpi', 'Przychody');
    const chart = sample('cs-mrr-bridge', 'Most MRR');
    inLang('pl-PL', kpi, chart);
    await vi.waitFor(async () => expect(await routeHits(moduleOf('pl'))).toBe(1), SLOW);
    await releaseRequests(moduleOf('pl'), 'fail');

    await vi.waitFor(() => {
      expect(visibleText(kpi)).toContain('vs previous period');
      expect(visibleText(chart)).toContain('Show table');
    }, SLOW);
    // Numbers stay Polish: only the strings fall back.
    expect(visibleText(kpi).replace(/\s/g, ' ')).toContain('1210,50 €');
    const about = warn.mock.calls.filter(([message]) => String(message).includes('strings'));
    expect(about).toHaveLength(1);
    expect(String(about[0]?.[0])).toContain('"pl"');
    for (const el of [kpi, chart]) expect(el.shadowRoot?.querySelector('[aria-busy="true"]')).toBeNull();

    // The chart still works: its table opens.
    const toggle = chart.shadowRoot?.querySelector<HTMLButtonElement>('button[part~="table-toggle"]');
    if (!toggle) throw new Error('<cs-mrr-bridge> has no table toggle');
    toggle.click();
    await vi.waitFor(() => expect(chart.shadowRoot?.querySelector('table')).not.toBeNull(), SLOW);

    // A later Polish element shows English at once and warns no more.
    expect(await firstUpdate(sample('cs-kpi', 'Przychody'), 'pl')).toContain('vs previous period');
    expect(warn.mock.calls.filter(([message]) => String(message).includes('strings'))).toHaveLength(1);
  });
});

describe('preloadLocale', () => {
  it('loads a language ahead, so an element in it renders its words in its first update', async () => {
    await preloadLocale('es-MX');
    expect(await firstUpdate(sample('cs-kpi', 'Ingresos'), 'es-MX')).toContain('vs. periodo anterior');
  });

  it('needs nothing for English or a language without a translation, which render in English at once', async () => {
    const warn = vi.spyOn(console, 'warn');
    await preloadLocale('fr');
    await preloadLocale('not a locale!');
    expect(await firstUpdate(sample('cs-kpi', 'Revenu'), 'fr')).toContain('vs previous period');
    expect(warn).not.toHaveBeenCalled();
  });
});
