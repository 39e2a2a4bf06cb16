import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { headingAnchors, REPOSITORY_URL } from '../stories/guides/guide-links.js';

/** A docs page of the built site as the browser rendered it: its links and the ids of its elements. */
export interface RenderedDocsPage {
  readonly id: string;
  readonly links: readonly string[];
  readonly anchors: readonly string[];
}

/** What the built site holds: the ids of its index (with their type) and the repository it came from. */
export interface SiteContents {
  readonly entries: ReadonlyMap<string, 'story' | 'docs'>;
  readonly repositoryRoot: string;
}

/**
 * Why `href`, a link on the docs page `page`, leads nowhere — or `undefined` when it resolves:
 * - `#anchor`: an element of the page has that id;
 * - `?path=/docs/<id>#anchor`, `?path=/story/<id>`, `iframe.html?id=<id>`: the index has the entry (and
 *   the docs page, once rendered, the anchor);
 * - a link to this repository on GitHub: the file exists (and, for Markdown, the heading);
 * - any other address outside the site is not checked; anything else is not a page of the site.
 */
export function brokenBecause(
  href: string,
  page: RenderedDocsPage,
  pages: ReadonlyMap<string, RenderedDocsPage>,
  site: SiteContents,
): string | undefined {
  if (href.startsWith('#')) {
    return page.anchors.includes(decodeURIComponent(href.slice(1))) ? undefined : 'no element of the page has that id';
  }
  if (href.startsWith(REPOSITORY_URL)) return repositoryProblem(href.slice(REPOSITORY_URL.length), site.repositoryRoot);
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
  const route = routeOf(href);
  if (!route) return 'not a page of the built site';
  const { kind, id, anchor } = route;
  const type = site.entries.get(id);
  if (type === undefined) return `no page or story "${id}" in the index`;
  if (kind !== undefined && kind !== type) return `"${id}" is a ${type}, linked as ${kind}`;
  if (anchor) {
    const target = pages.get(id);
    if (target && !target.anchors.includes(decodeURIComponent(anchor)))
      return `"${id}" has no element with id "${anchor}"`;
  }
  return undefined;
}

/** The entry a link of the site opens: `?path=/docs/<id>#anchor`, `?path=/story/<id>`, `iframe.html?id=<id>`. */
function routeOf(href: string): { kind?: string; id: string; anchor?: string } | undefined {
  const manager = /^\?path=\/(docs|story)\/([^#&]+)(?:#(.*))?$/.exec(href);
  if (manager?.[1] && manager[2])
    return { kind: manager[1], id: manager[2], ...(manager[3] ? { anchor: manager[3] } : {}) };
  const frame = /^iframe\.html\?id=([^&#]+)/.exec(href);
  return frame?.[1] ? { id: frame[1] } : undefined;
}

function repositoryProblem(target: string, root: string): string | undefined {
  const [file = '', anchor] = target.split('#', 2);
  const full = path.join(root, decodeURIComponent(file));
  if (!full.startsWith(root) || !existsSync(full)) return `no file ${file} in the repository`;
  if (
    anchor &&
    statSync(full).isFile() &&
    file.endsWith('.md') &&
    !headingAnchors(readFileSync(full, 'utf8')).includes(anchor)
  ) {
    return `${file} has no heading #${anchor}`;
  }
  return undefined;
}

/** Every link of every rendered docs page that leads nowhere, as "page: link (why)". */
export function brokenLinks(pages: readonly RenderedDocsPage[], site: SiteContents): string[] {
  const byId = new Map(pages.map((page) => [page.id, page]));
  return pages.flatMap((page) =>
    page.links.flatMap((href) => {
      const why = brokenBecause(href, page, byId, site);
      return why === undefined ? [] : [`${page.id}: ${href} (${why})`];
    }),
  );
}
