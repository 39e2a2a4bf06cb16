import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import type { BrowserCommand } from 'vitest/node';
import { chromiumArgs, chromiumPath } from '../../tools/chromium.js';
import type { MediaFeatures } from './src/test-support/media.js';
import type { RouteAnswer } from './src/test-support/routes.js';

/**
 * Emulates `prefers-color-scheme` / `prefers-reduced-motion` for the test page (Playwright's
 * `page.emulateMedia`); tests call it through src/test-support/media.ts, which types it.
 */
const emulateMedia: BrowserCommand<[features: MediaFeatures]> = async ({ page }, features) => {
  await page.emulateMedia(features);
};

/** Requests answered so far, by route path (src/test-support/routes.ts). */
const hits = new Map<string, number>();

/**
 * Answers the test page's requests of `path` with `answers` in turn (the last one repeats) through
 * Playwright's `page.route`: the element's `fetch` is the browser's own, only the server is played.
 */
const serveInTurn: BrowserCommand<[path: string, answers: readonly RouteAnswer[]]> = async (
  { page },
  path,
  answers,
) => {
  hits.set(path, 0);
  await page.route(`**${path}`, async (route) => {
    const count = hits.get(path) ?? 0;
    hits.set(path, count + 1);
    const answer = answers[Math.min(count, answers.length - 1)];
    if (!answer || 'fail' in answer) return route.abort('failed');
    return route.fulfill({ status: answer.status, contentType: 'application/json', body: answer.body });
  });
};

/** What `holdRequests` does with the requests it holds, once the test says. */
type Release = 'continue' | 'fail';

/** The routes of `holdRequests` by path part: the URL test Playwright unroutes, and the release. */
const held = new Map<string, { readonly matches: (url: URL) => boolean; readonly release: (how: Release) => void }>();

/**
 * Holds every request whose path contains `part` (a module the page imports, say) until
 * `releaseRequests` lets them through to the server or fails them as a network error would. The
 * requests are the page's own; counted like `serveInTurn`'s.
 */
const holdRequests: BrowserCommand<[part: string]> = async ({ page }, part) => {
  let release: (how: Release) => void = () => undefined;
  const released = new Promise<Release>((resolve) => (release = resolve));
  const matches = (url: URL) => url.pathname.includes(part);
  held.set(part, { matches, release });
  hits.set(part, 0);
  await page.route(matches, async (route) => {
    hits.set(part, (hits.get(part) ?? 0) + 1);
    const how = await released;
    // A request still held when its test ends is let go by `unroute`, which may handle it first.
    await (how === 'fail' ? route.abort('failed') : route.continue()).catch(() => undefined);
  });
};

const releaseRequests: BrowserCommand<[part: string, how: Release]> = (_context, part, how) => {
  held.get(part)?.release(how);
};

const routeHits: BrowserCommand<[path: string]> = (_context, path) => hits.get(path) ?? 0;

const unroute: BrowserCommand<[path: string]> = async ({ page }, path) => {
  const hold = held.get(path);
  if (hold) {
    hold.release('continue');
    await page.unroute(hold.matches);
    held.delete(path);
  } else {
    await page.unroute(`**${path}`);
  }
  hits.delete(path);
};

export default defineConfig({
  test: {
    name: 'widgets',
    include: ['src/**/*.test.ts'],
    // axe runs and sample-company reports take seconds when CI's 2 cores run every package's tests at once.
    testTimeout: 30_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } }),
      instances: [{ browser: 'chromium' }],
      commands: { emulateMedia, serveInTurn, holdRequests, releaseRequests, routeHits, unroute },
    },
  },
});
