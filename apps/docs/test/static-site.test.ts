import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtStories,
  installTextLayoutCheck,
  launchChromium,
  openStory,
  serveStaticSite,
  showsData,
  textLayoutAt,
} from './static-site.js';

const stories = builtStories().filter((story) => story.title.startsWith('Widgets/'));
let site: Awaited<ReturnType<typeof serveStaticSite>>;
let browser: Browser;

beforeAll(async () => {
  site = await serveStaticSite();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the built docs site', () => {
  it('lists the widget stories', () => {
    expect(stories.length).toBeGreaterThan(30);
  });

  it('renders the element of every widget story and finishes its play function', async () => {
    const failures: string[] = [];
    const page = await browser.newPage();
    for (const story of stories) {
      const outcome = await openStory(page, site.url, story.id);
      const broken = outcome.elements.filter((element) => !element.defined || !element.rendered);
      if (outcome.status !== 'success' || outcome.elements.length === 0 || broken.length > 0) {
        failures.push(
          `${story.id}: ${outcome.status}, elements ${JSON.stringify(outcome.elements)} ${outcome.errors.join(' | ')}`,
        );
      }
    }
    await page.close();
    expect(failures).toEqual([]);
  });

  // Portals put widgets in grid cards of 280–400 px, and full-width pages.
  it('keeps text from overlapping or being cut off at 280, 320, 400 and 1200 px in every story with data', async () => {
    const failures: string[] = [];
    const page = await browser.newPage();
    for (const story of stories.filter(showsData)) {
      await openStory(page, site.url, story.id);
      await installTextLayoutCheck(page);
      for (const width of [280, 320, 400, 1200]) {
        for (const problem of await textLayoutAt(page, width)) failures.push(`${story.id} @${width}px ${problem}`);
      }
    }
    await page.close();
    expect(failures).toEqual([]);
  });
});
