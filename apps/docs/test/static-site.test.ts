import { beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  builtStories,
  installTextLayoutCheck,
  launchChromium,
  openStory,
  serveStaticSite,
  showsData,
  textLayoutAt,
} from './static-site.js';

const stories = builtStories().filter((story) => story.title.startsWith('Widgets/'));
// Portals put widgets in grid cards of 280–400 px, and on full-width pages.
const widths = [280, 320, 400, 1200];
const renderFailures: string[] = [];
const layoutFailures: string[] = [];
const axeFailures: string[] = [];

// Each story is opened once (Storybook boots per page load, the slow part) and checked for both rules.
beforeAll(async () => {
  const site = await serveStaticSite();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    for (const story of stories) {
      const outcome = await openStory(page, site.url, story.id);
      const broken = outcome.elements.filter((element) => !element.defined || !element.rendered);
      if (outcome.status !== 'success' || outcome.elements.length === 0 || broken.length > 0) {
        const elements = JSON.stringify(outcome.elements);
        renderFailures.push(`${story.id}: ${outcome.status}, elements ${elements} ${outcome.errors.join(' | ')}`);
        continue;
      }
      for (const violation of await axeViolations(page)) axeFailures.push(`${story.id} ${violation}`);
      if (!showsData(story)) continue;
      await installTextLayoutCheck(page);
      for (const width of widths) {
        for (const problem of await textLayoutAt(page, width))
          layoutFailures.push(`${story.id} @${width}px ${problem}`);
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
}, 900_000);

describe('the built docs site', () => {
  it('lists the widget stories', () => {
    expect(stories.length).toBeGreaterThan(30);
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
});
