import path from 'node:path';
import manifest from '@cskit/widgets/custom-elements.json' with { type: 'json' };
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPublicField, partRow, slotRow } from '../.storybook/public-api.js';
import { messageWords } from './message-strings.js';
import { englishInOtherLanguages } from './rendered-text.js';
import { brokenLinks, type RenderedDocsPage } from './site-links.js';
import {
  axeViolations,
  builtEntries,
  installTextLayoutCheck,
  launchChromium,
  openDocsPage,
  openStory,
  serveStaticSite,
  showsData,
  staticDir,
  textLayoutAt,
} from './static-site.js';

const entries = builtEntries();
const stories = entries.filter((entry) => entry.type === 'story' && entry.title.startsWith('Widgets/'));
const docsPages = entries.filter((entry) => entry.type === 'docs');
// Portals put widgets in grid cards of 280–400 px, and on full-width pages.
const widths = [280, 320, 400, 1200];
const renderFailures: string[] = [];
const layoutFailures: string[] = [];
const axeFailures: string[] = [];
const englishFailures: string[] = [];
const translatedTags = new Set<string>();
const docsFailures: string[] = [];
const renderedDocs: RenderedDocsPage[] = [];
/** Errors of a page too busy to navigate, not of the site: the page is replaced and the visit tried again. */
const NAVIGATION_TROUBLE = /Timeout|interrupted by another navigation|net::ERR_ABORTED/;
/** The API table rows of each element's docs page, by the element's tag. */
const apiRowsByTag = new Map<string, string[]>();

// One pass over the site: each story is opened once (Storybook boots per page load, the slow part) and
// checked for every rule, then each docs page once for its links and API tables.
beforeAll(async () => {
  const site = await serveStaticSite();
  const browser = await launchChromium();
  const words = await messageWords();
  const tagOfTitle = new Map<string, string>();
  const started = performance.now();
  try {
    let page = await browser.newPage();
    // A page whose renderer hangs or whose late navigation interrupts the next one (seen on loaded
    // machines: about:blank timing out, or interrupted by the page that had timed out) is replaced by a
    // new page and the story or docs page opened again there, up to twice.
    const openOnLivePage = async <T>(open: (live: Page) => Promise<T>): Promise<T> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await open(page);
        } catch (error) {
          if (attempt === 2 || !NAVIGATION_TROUBLE.test(String(error))) throw error;
          await page.close().catch(() => undefined);
          page = await browser.newPage();
        }
      }
    };
    for (const story of stories) {
      const outcome = await openOnLivePage((live) => openStory(live, site.url, story.id));
      const english = await englishInOtherLanguages(page, words);
      for (const tag of english.checked) translatedTags.add(tag);
      for (const failure of english.failures) englishFailures.push(`${story.id} ${failure}`);
      const broken = outcome.elements.filter((element) => !element.defined || !element.rendered);
      if (outcome.status !== 'success' || outcome.elements.length === 0 || broken.length > 0) {
        const elements = JSON.stringify(outcome.elements);
        renderFailures.push(`${story.id}: ${outcome.status}, elements ${elements} ${outcome.errors.join(' | ')}`);
        continue;
      }
      if (!tagOfTitle.has(story.title) && outcome.elements[0]) tagOfTitle.set(story.title, outcome.elements[0].tag);
      for (const violation of await axeViolations(page)) axeFailures.push(`${story.id} ${violation}`);
      if (!showsData(story)) continue;
      await installTextLayoutCheck(page);
      for (const width of widths) {
        for (const problem of await textLayoutAt(page, width))
          layoutFailures.push(`${story.id} @${width}px ${problem}`);
      }
    }
    const storiesDone = performance.now();
    for (const docs of docsPages) {
      const outcome = await openOnLivePage((live) => openDocsPage(live, site.url, docs.id));
      if (outcome.status !== 'rendered' || outcome.errors.length > 0) {
        docsFailures.push(`${docs.id}: ${outcome.status} ${outcome.errors.join(' | ')}`);
      }
      renderedDocs.push({ id: docs.id, links: outcome.links, anchors: outcome.anchors });
      const tag = tagOfTitle.get(docs.title);
      if (tag) apiRowsByTag.set(tag, outcome.apiRows);
    }
    // What CI spends here, to keep an eye on: the stories' share and the docs pages'.
    const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(0);
    console.info(
      `static site: ${stories.length} stories in ${seconds(started, storiesDone)} s, ` +
        `${docsPages.length} docs pages in ${seconds(storiesDone, performance.now())} s`,
    );
  } finally {
    await browser.close();
    await site.close();
  }
}, 1_800_000);

/** The parts of an element's declaration in custom-elements.json that its API table shows. */
interface ElementDeclaration {
  readonly tagName?: string;
  readonly members?: readonly { kind: string; name: string; privacy?: string; static?: boolean }[];
  readonly attributes?: readonly { name: string; fieldName?: string }[];
  readonly events?: readonly { name: string }[];
  readonly slots?: readonly { name: string }[];
  readonly cssProperties?: readonly { name: string }[];
  readonly cssParts?: readonly { name: string }[];
}

const declarations = (manifest.modules as readonly { declarations?: readonly ElementDeclaration[] }[]).flatMap(
  (module) => module.declarations ?? [],
);

/** Every element of custom-elements.json, by tag. */
const elementTags = declarations.flatMap((declaration) => (declaration.tagName ? [declaration.tagName] : [])).sort();

/** The rows the API table of `tag` must show (its public API) and the member names it must not. */
function publicRows(tag: string): { expected: string[]; internal: string[] } {
  const declaration = declarations.find((candidate) => candidate.tagName === tag);
  if (!declaration) throw new Error(`${tag} is not in custom-elements.json`);
  const members = declaration.members ?? [];
  const names = new Set(members.filter(isPublicField).map((field) => field.name));
  const expected = [
    ...names,
    ...(declaration.attributes ?? [])
      .filter((attribute) => !names.has(attribute.fieldName ?? attribute.name))
      .map((attribute) => attribute.name),
    ...(declaration.events ?? []).map((event) => event.name),
    ...(declaration.slots ?? []).map((slot) => slotRow(slot.name)),
    ...(declaration.cssProperties ?? []).map((property) => property.name),
    ...(declaration.cssParts ?? []).map((part) => partRow(part.name)),
  ];
  const internal = members.map((member) => member.name).filter((name) => !names.has(name));
  return { expected, internal };
}

describe('the built docs site', () => {
  it('lists the widget stories and the guides', () => {
    expect(stories.length).toBeGreaterThan(30);
    expect(docsPages.map((docs) => docs.id)).toContain('guides-getting-started--docs');
  });

  it('renders the element of every widget story and finishes its play function', () => {
    expect(renderFailures).toEqual([]);
  });

  it('keeps text from overlapping or being cut off at 280, 320, 400 and 1200 px in every story with data', () => {
    expect(layoutFailures).toEqual([]);
  });

  it('has no axe violations in any widget story, in its own theme and with the page in dark mode', () => {
    expect(axeFailures).toEqual([]);
  });

  it('renders no English string of the widgets in a story whose element is in another language', () => {
    // The stories show every element in at least one other language.
    expect([...translatedTags].sort()).toEqual(elementTags);
    expect(englishFailures).toEqual([]);
  });

  it('renders every docs page (guides, metric pages, element pages) without an error', () => {
    expect(docsFailures).toEqual([]);
  });

  it('has no internal link that leads nowhere, on any docs page', () => {
    const site = {
      entries: new Map(entries.map((entry) => [entry.id, entry.type])),
      repositoryRoot: path.resolve(staticDir, '..', '..', '..'),
    };
    expect(renderedDocs.length).toBe(docsPages.length);
    expect(renderedDocs.flatMap((docs) => docs.links).length).toBeGreaterThan(100);
    expect(brokenLinks(renderedDocs, site)).toEqual([]);
  });

  it('shows each element’s public API from custom-elements.json in its API table, and nothing internal', () => {
    expect([...apiRowsByTag.keys()].sort()).toEqual(elementTags);
    const problems = [...apiRowsByTag].flatMap(([tag, rows]) => {
      const { expected, internal } = publicRows(tag);
      return [
        ...expected.filter((name) => !rows.includes(name)).map((name) => `${tag}: ${name} is missing`),
        ...internal.filter((name) => rows.includes(name)).map((name) => `${tag}: internal ${name} is shown`),
      ];
    });
    expect(problems).toEqual([]);
  });
});
