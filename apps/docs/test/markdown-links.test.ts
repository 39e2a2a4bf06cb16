import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { headingAnchors } from '../stories/guides/guide-links.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(file);
    return entry.name.endsWith('.md') ? [file] : [];
  });
}

/** The inline links of a Markdown file outside code blocks and code spans. */
function linksOf(markdown: string): string[] {
  let code = false;
  const links: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) code = !code;
    if (code) continue;
    const prose = line.replace(/`[^`]*`/g, '');
    for (const match of prose.matchAll(/\]\(([^)\s]+)\)/g)) if (match[1]) links.push(match[1]);
  }
  return links;
}

/**
 * On GitHub, where the guides are read too: every link of `docs/` and the README to a file of the
 * repository leads to one that exists, and its `#anchor` to a heading of it. (The built-site test checks
 * the same links in the docs app.)
 */
describe('the links of the Markdown guides on GitHub', () => {
  it('lead to files of the repository and to headings that exist', () => {
    const broken: string[] = [];
    for (const file of [path.join(root, 'README.md'), ...markdownFiles(path.join(root, 'docs'))]) {
      const own = readFileSync(file, 'utf8');
      for (const link of linksOf(own)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('?')) continue;
        const [target = '', anchor] = link.split('#', 2);
        const targetFile = target === '' ? file : path.resolve(path.dirname(file), target);
        const where = `${path.relative(root, file)}: ${link}`;
        if (!targetFile.startsWith(root) || !existsSync(targetFile)) {
          broken.push(`${where} (no such file)`);
        } else if (anchor !== undefined && statSync(targetFile).isFile()) {
          if (!headingAnchors(readFileSync(targetFile, 'utf8')).includes(anchor))
            broken.push(`${where} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
