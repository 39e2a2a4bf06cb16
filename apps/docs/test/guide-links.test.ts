import { describe, expect, it } from 'vitest';
import {
  githubSlugger,
  headingAnchors,
  linkTarget,
  REPOSITORY_URL,
  rewriteLinks,
} from '../stories/guides/guide-links.js';

const pages = { 'metrics.md': 'metrics-all-definitions--docs', 'metrics/mrr.md': 'metrics-mrr--docs' };

describe('the links of a mirrored guide', () => {
  it('lead to the docs page of another mirrored guide, anchor kept', () => {
    expect(linkTarget('metrics.md#rates', 'faq.md', pages)).toBe('?path=/docs/metrics-all-definitions--docs#rates');
    expect(linkTarget('mrr.md', 'metrics/ltv.md', pages)).toBe('?path=/docs/metrics-mrr--docs');
    expect(linkTarget('../metrics.md', 'metrics/ltv.md', pages)).toBe('?path=/docs/metrics-all-definitions--docs');
  });

  it('lead to GitHub for any other file of the repository', () => {
    expect(linkTarget('../packages/connectors/README.md', 'connectors.md', pages)).toBe(
      `${REPOSITORY_URL}packages/connectors/README.md`,
    );
  });

  it('stay as written when they point into the page or leave the repository', () => {
    for (const target of ['#rates', 'https://example.com/a.md', 'mailto:a@b.c', '?path=/docs/x--docs']) {
      expect(linkTarget(target, 'faq.md', pages)).toBe(target);
    }
  });

  it('are refused when they climb out of the repository', () => {
    expect(() => linkTarget('../../x.md', 'faq.md', pages)).toThrow('docs/faq.md: the link ../../x.md');
  });

  it('are rewritten in prose, not in code blocks or code spans', () => {
    const source = [
      'See [rates](metrics.md#rates) and `[not](metrics.md)`.',
      '```md',
      '[also not](metrics.md)',
      '```',
      'And [MRR](metrics/mrr.md).',
    ].join('\n');
    expect(rewriteLinks(source, 'faq.md', pages)).toBe(
      [
        'See [rates](?path=/docs/metrics-all-definitions--docs#rates) and `[not](metrics.md)`.',
        '```md',
        '[also not](metrics.md)',
        '```',
        'And [MRR](?path=/docs/metrics-mrr--docs).',
      ].join('\n'),
    );
  });
});

describe('heading anchors', () => {
  it('are GitHub’s: markup and punctuation dropped, spaces to dashes, repeats numbered', () => {
    const slug = githubSlugger();
    expect(slug('NPS — `npsForPeriod(responses, { period?, dedupe? })`')).toBe(
      'nps--npsforperiodresponses--period-dedupe-',
    );
    expect(slug('How cskit differs from ChartMogul, Baremetrics and Stripe')).toBe(
      'how-cskit-differs-from-chartmogul-baremetrics-and-stripe',
    );
    expect(slug('Why `./stripe` is exported only under the `node` condition')).toBe(
      'why-stripe-is-exported-only-under-the-node-condition',
    );
    expect(slug('Mapping')).toBe('mapping');
    expect(slug('Mapping')).toBe('mapping-1');
  });

  it('are listed for every heading outside code', () => {
    expect(headingAnchors('# A b\n\n```sh\n# not a heading\n```\n\n## 7. Localise\n## A b')).toEqual([
      'a-b',
      '7-localise',
      'a-b-1',
    ]);
  });
});
