import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as AxeApi from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright';
import { preview, type PreviewServer } from 'vite';
import { chromiumArgs, chromiumPath } from '../../../tools/chromium.js';
import { findTextLayoutProblems } from '../../../packages/widgets/src/test-support/text-layout.js';

/** The site `pnpm docs:build` writes; turbo builds it before this test (see turbo.json). */
export const staticDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'storybook-static');

/** One story of the built site, as its index.json lists it. */
export interface StoryEntry {
  readonly id: string;
  readonly title: string;
  readonly name: string;
  readonly type: 'story' | 'docs';
}

/** Every entry (story and docs page) of the built site's index. */
export function builtEntries(): StoryEntry[] {
  const indexFile = path.join(staticDir, 'index.json');
  if (!existsSync(indexFile)) {
    throw new Error(`${indexFile} is missing: run \`pnpm docs:build\` first (turbo does before \`pnpm test\`).`);
  }
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { entries: Record<string, StoryEntry> };
  return Object.values(index.entries);
}

/** The stories of the built site's index. */
export function builtStories(): StoryEntry[] {
  return builtEntries().filter((entry) => entry.type === 'story');
}

/** Serves the built site on loopback (Vite's static preview server, a port of its choosing). */
export async function serveStaticSite(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    root: staticDir,
    configFile: false,
    logLevel: 'silent',
    build: { outDir: staticDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The static docs server did not report its address.');
  return { url, close: () => server.close() };
}

/** Debian's Chromium (never a downloaded browser), headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
}

/** What a story left behind once Storybook finished it. */
export interface StoryOutcome {
  readonly status: 'success' | 'error' | 'timeout';
  readonly errors: string[];
  /** Tag names of the `cs-*` elements in the story root, and whether each is defined and rendered. */
  readonly elements: { tag: string; defined: boolean; rendered: boolean }[];
}

// Storybook's preview announces `storyFinished` and `docsRendered` on its channel, with the id of what it
// showed; the init script hooks the channel as soon as the runtime creates it, so no event is missed
// however fast the story is, and the id proves the page shows what was asked for.
const recordFinish = (): void => {
  const target = window as unknown as Record<string, unknown>;
  let channel: unknown;
  Object.defineProperty(target, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value: { on: (event: string, listener: (payload: unknown) => void) => void }) => {
      channel = value;
      value.on('storyFinished', (payload) => {
        const { storyId, status } = payload as { storyId: string; status: string };
        target.__csStoryStatus = `${storyId} ${status}`;
      });
      value.on('docsRendered', (id) => {
        target.__csDocsRendered = id;
      });
    },
  });
};

/**
 * Loads a frame page. A page still busy with the previous one (its preview updating the URL, a worker
 * registering) can abort the navigation on two busy cores; it is tried once more then, from a blank
 * page, so that nothing of the previous one is left to interfere.
 */
async function openFrame(page: Page, url: string): Promise<void> {
  try {
    await page.goto(url);
  } catch (error) {
    if (!/net::ERR_ABORTED|Timeout/.test(String(error))) throw error;
    await page.goto('about:blank');
    await page.goto(url, { timeout: 90_000 });
  }
}

/**
 * How long a story or docs page may take to finish rendering: an element's docs page renders all its
 * stories, which took over 20 s on a CI machine with a load of 8. A page that never finishes still fails.
 */
const RENDER_TIMEOUT = 90_000;

/** Pages that already run {@link recordFinish} on every load (an init script stays for the page's life). */
const recording = new WeakSet<Page>();

/**
 * Loads the frame page of a story or docs page with the channel hook, and runs `read` on it with the
 * page's uncaught errors so far (and until `read` returns).
 */
async function inFrame<T>(
  page: Page,
  baseUrl: string,
  id: string,
  viewMode: 'story' | 'docs',
  read: (errors: string[]) => Promise<T>,
): Promise<T> {
  const errors: string[] = [];
  const onError = (error: Error) => errors.push(error.message);
  page.on('pageerror', onError);
  const url = new URL(`iframe.html?id=${encodeURIComponent(id)}&viewMode=${viewMode}`, baseUrl).href;
  try {
    if (!recording.has(page)) {
      await page.addInitScript(recordFinish);
      recording.add(page);
    }
    await openFrame(page, url);
    try {
      return await read(errors);
    } catch (error) {
      // On a machine with a load of 40 a frame page once reloaded itself after rendering (seen on a docs
      // page, cause not found): read it again, once, from a fresh load.
      if (!String(error).includes('Execution context was destroyed')) throw error;
      errors.length = 0;
      await openFrame(page, url);
      return await read(errors);
    }
  } finally {
    page.off('pageerror', onError);
  }
}

/** Opens one story of the built site in its own frame page and waits until Storybook has finished it. */
export async function openStory(page: Page, baseUrl: string, id: string): Promise<StoryOutcome> {
  return inFrame(page, baseUrl, id, 'story', async (errors) => {
    const status = await page
      .waitForFunction(
        (id) => {
          const finished = (window as unknown as { __csStoryStatus?: string }).__csStoryStatus;
          return finished?.startsWith(`${id} `) ? finished.slice(id.length + 1) : false;
        },
        id,
        { timeout: RENDER_TIMEOUT },
      )
      .then((handle) => handle.jsonValue() as Promise<'success' | 'error'>)
      .catch(() => 'timeout' as const);
    const elements = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#storybook-root *'))
        .filter((element) => element.tagName.startsWith('CS-'))
        .map((element) => ({
          tag: element.tagName.toLowerCase(),
          defined: customElements.get(element.tagName.toLowerCase()) !== undefined,
          rendered: (element.shadowRoot?.childElementCount ?? 0) > 0,
        })),
    );
    const shown = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'));
    if (shown) errors.push(await page.evaluate(() => document.querySelector('#error-message')?.textContent ?? ''));
    return { status, errors, elements };
  });
}

/** What a docs page of the built site shows once Storybook rendered it. */
export interface DocsOutcome {
  readonly status: 'rendered' | 'error' | 'timeout';
  readonly errors: string[];
  /** The `href` of every link of the page outside the stories it shows (their content is the widgets'). */
  readonly links: string[];
  /** The ids of the page's elements: what `#anchor` links can reach. */
  readonly anchors: string[];
  /** The names in the first column of the page's API (args) tables. */
  readonly apiRows: string[];
}

/** Opens one docs page of the built site in its own frame page and waits until Storybook has rendered it. */
export async function openDocsPage(page: Page, baseUrl: string, id: string): Promise<DocsOutcome> {
  return inFrame(page, baseUrl, id, 'docs', async (errors) => {
    const status = await page
      .waitForFunction(
        (id) =>
          (window as unknown as { __csDocsRendered?: string }).__csDocsRendered === id
            ? 'rendered'
            : document.body.classList.contains('sb-show-errordisplay')
              ? 'error'
              : false,
        id,
        { timeout: RENDER_TIMEOUT },
      )
      .then((handle) => handle.jsonValue() as Promise<'rendered' | 'error'>)
      .catch(() => 'timeout' as const);
    if (status === 'error') {
      errors.push(await page.evaluate(() => document.querySelector('#error-message')?.textContent ?? ''));
    }
    const shown = await page.evaluate(() => {
      const docs = document.querySelector('#storybook-docs');
      return {
        links: Array.from(docs?.querySelectorAll('a[href]') ?? [])
          .filter((link) => !link.closest('.docs-story'))
          .map((link) => link.getAttribute('href') ?? ''),
        anchors: Array.from(document.querySelectorAll('[id]')).map((element) => element.id),
        apiRows: Array.from(docs?.querySelectorAll('table.docblock-argstable tbody tr') ?? [])
          .map((row) => row.querySelector('td')?.textContent?.trim() ?? '')
          .filter((name) => name !== ''),
      };
    });
    return { status, errors, ...shown };
  });
}

/** A story whose element shows data (not a loading, empty or error state). */
export function showsData(story: StoryEntry): boolean {
  return !/loading|error|empty|invalid|unknown/i.test(story.name);
}

/** Text-layout problems of every `cs-*` element of the open story, with the element set to `width` px. */
export async function textLayoutAt(page: Page, width: number): Promise<string[]> {
  await page.setViewportSize({ width: width + 64, height: 1000 });
  return page.evaluate(async (width) => {
    const find = (window as unknown as { __csFindTextLayoutProblems: typeof findTextLayoutProblems })
      .__csFindTextLayoutProblems;
    const elements = Array.from(document.querySelectorAll<HTMLElement>('#storybook-root *')).filter((element) =>
      element.tagName.startsWith('CS-'),
    );
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (const element of elements) element.style.width = `${width}px`;
    // A resize re-renders through ResizeObserver, then Lit; two rounds let measured layouts settle.
    for (let round = 0; round < 2; round += 1) {
      await frame();
      await frame();
      await Promise.all(
        elements.map((element) => (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete),
      );
    }
    return elements.flatMap((element) =>
      find(element).map(
        (problem) => `${element.tagName.toLowerCase()} ${problem.kind}: "${problem.text}" / ${problem.other}`,
      ),
    );
  }, width);
}

/** Makes `findTextLayoutProblems` callable in the page (it is self-contained, so its source is enough). */
export async function installTextLayoutCheck(page: Page): Promise<void> {
  await page.addScriptTag({ content: `window.__csFindTextLayoutProblems = ${findTextLayoutProblems.toString()};` });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's violations in the open story's root, in the story's own theme and again with the page
 * asking for dark (`data-cs-theme="dark"` on the root, which elements without a `theme` of their own
 * follow), each as "theme rule: target".
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof AxeApi }).axe;
    const root = document.querySelector('#storybook-root') as HTMLElement;
    const found: string[] = [];
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') {
        root.setAttribute('data-cs-theme', 'dark');
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      }
      const results = await axe.run(root, { resultTypes: ['violations'] });
      for (const violation of results.violations) {
        for (const node of violation.nodes) found.push(`${theme} ${violation.id}: ${node.target.join(' ')}`);
      }
    }
    root.removeAttribute('data-cs-theme');
    return found;
  });
}
