import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_URL } from '../stories/guides/guide-links.js';
import { brokenLinks, type RenderedDocsPage } from './site-links.js';

const site = {
  entries: new Map<string, 'story' | 'docs'>([
    ['guides-faq--docs', 'docs'],
    ['metrics-all-definitions--docs', 'docs'],
    ['widgets-kpi-tile--mrr', 'story'],
  ]),
  repositoryRoot: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..'),
};
const definitions: RenderedDocsPage = { id: 'metrics-all-definitions--docs', links: [], anchors: ['rates'] };

function faqLinking(...links: string[]): RenderedDocsPage {
  return { id: 'guides-faq--docs', links, anchors: ['why-is-a-rate-null'] };
}

describe('the built-site link check', () => {
  it('accepts pages, stories, anchors that exist and repository files on GitHub', () => {
    const faq = faqLinking(
      '#why-is-a-rate-null',
      '?path=/docs/metrics-all-definitions--docs#rates',
      '?path=/story/widgets-kpi-tile--mrr',
      'iframe.html?id=widgets-kpi-tile--mrr',
      `${REPOSITORY_URL}docs/metrics.md#rates`,
      `${REPOSITORY_URL}packages/connectors/README.md`,
      'https://developer.mozilla.org/docs/Web',
    );
    expect(brokenLinks([faq, definitions], site)).toEqual([]);
  });

  it('names each link that leads nowhere, the page it is on and why', () => {
    const faq = faqLinking(
      '#nowhere',
      '?path=/docs/metrics-gone--docs',
      '?path=/docs/metrics-all-definitions--docs#gone',
      '?path=/docs/widgets-kpi-tile--mrr',
      'metrics.md',
      `${REPOSITORY_URL}docs/gone.md`,
      `${REPOSITORY_URL}docs/metrics.md#gone`,
    );
    expect(brokenLinks([faq, definitions], site)).toEqual([
      'guides-faq--docs: #nowhere (no element of the page has that id)',
      'guides-faq--docs: ?path=/docs/metrics-gone--docs (no page or story "metrics-gone--docs" in the index)',
      'guides-faq--docs: ?path=/docs/metrics-all-definitions--docs#gone ("metrics-all-definitions--docs" has no element with id "gone")',
      'guides-faq--docs: ?path=/docs/widgets-kpi-tile--mrr ("widgets-kpi-tile--mrr" is a story, linked as docs)',
      'guides-faq--docs: metrics.md (not a page of the built site)',
      `guides-faq--docs: ${REPOSITORY_URL}docs/gone.md (no file docs/gone.md in the repository)`,
      `guides-faq--docs: ${REPOSITORY_URL}docs/metrics.md#gone (docs/metrics.md has no heading #gone)`,
    ]);
  });
});
