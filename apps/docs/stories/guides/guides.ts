import { githubSlugger, rewriteLinks } from './guide-links.js';

/**
 * The docs app's page of each mirrored guide of `docs/` (a path under `docs/` → its docs id, which
 * Storybook makes from the page's `<Meta title>`). Mirroring another guide is one line here and one
 * small MDX page; the built-site link check fails if an id and a title drift apart.
 */
export const GUIDE_PAGES: Readonly<Record<string, string>> = {
  'getting-started.md': 'guides-getting-started--docs',
  'widgets.md': 'guides-widgets-reference--docs',
  'connectors.md': 'guides-connectors--docs',
  'warehouse.md': 'guides-warehouse--docs',
  'cli.md': 'guides-cli--docs',
  'health.md': 'guides-health-scores--docs',
  'security.md': 'guides-security--docs',
  'faq.md': 'guides-faq--docs',
  'contributing.md': 'guides-contributing--docs',
  'metrics.md': 'metrics-all-definitions--docs',
  'metrics/mrr.md': 'metrics-mrr-arr-and-arpa--docs',
  'metrics/movements.md': 'metrics-mrr-movements--docs',
  'metrics/logo-churn.md': 'metrics-logo-churn-rate--docs',
  'metrics/gross-mrr-churn.md': 'metrics-gross-mrr-churn-rate--docs',
  'metrics/net-mrr-churn.md': 'metrics-net-mrr-churn-rate--docs',
  'metrics/nrr-grr.md': 'metrics-nrr-and-grr--docs',
  'metrics/ltv.md': 'metrics-ltv--docs',
  'metrics/cohort-retention.md': 'metrics-cohort-retention--docs',
  'metrics/nps.md': 'metrics-nps--docs',
  'metrics/health-score.md': 'metrics-health-score--docs',
};

// Read when the site is built: a guide's text is never copied into the docs app, so the two cannot drift.
const sources = import.meta.glob<string>('../../../../docs/**/*.md', { query: '?raw', import: 'default', eager: true });

/** The guide `docs/<file>` as written, or `undefined` while it does not exist. */
function sourceOf(file: string): string | undefined {
  return sources[`../../../../docs/${file}`];
}

/** The guide `docs/<file>` ready for the `Markdown` block: its links lead to the docs app's pages. */
export function guide(file: string): string {
  const source = sourceOf(file);
  if (source === undefined) throw new Error(`docs/${file} does not exist: fix the page that mirrors it.`);
  return rewriteLinks(source, file, GUIDE_PAGES);
}

/** Like {@link guide}, for a guide another change is still writing: `undefined` until it exists. */
export function optionalGuide(file: string): string | undefined {
  return sourceOf(file) === undefined ? undefined : guide(file);
}

/**
 * Options of the `Markdown` block: headings get GitHub's anchors, so `metrics.md#rates` finds its
 * heading. Call it in the page (a new slugger per render counts repeated headings from the top).
 */
export function guideOptions(): { slugify: (heading: string) => string } {
  return { slugify: githubSlugger() };
}
