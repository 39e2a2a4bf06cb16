import path from 'node:path';
import type { Plugin } from 'vite';
import { PORTAL_PAGES } from '../src/server/portal-pages.js';

const HEAD = `<meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="./portal.css" />`;

function topBar(file: string): string {
  const links = PORTAL_PAGES.map(
    (page) => `<a href="${page.href}"${page.file === file ? ' aria-current="page"' : ''}>${page.name}</a>`,
  );
  return `<header class="topbar">
      <a class="brand" href="/">Northwind Success</a>
      <nav aria-label="Portal">${links.join('')}</nav>
    </header>`;
}

/**
 * Puts the head and the top bar every page shares where a page says `<!-- portal:head -->` and
 * `<!-- portal:top-bar -->`, before Vite bundles the stylesheet and scripts: static markup, so the
 * navigation needs no script and no inline code.
 */
export function portalFrame(): Plugin {
  return {
    name: 'portal-frame',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, context) =>
        html
          .replace('<!-- portal:head -->', HEAD)
          .replace('<!-- portal:top-bar -->', topBar(path.basename(context.filename))),
    },
  };
}
