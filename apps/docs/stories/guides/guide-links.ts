/**
 * The Markdown guides of `docs/` are the source of truth; the docs app shows them as they are. Their
 * links are written for GitHub (`metrics.md#rates`, `../packages/core`), so before a guide is shown its
 * links are rewritten: a link to another mirrored guide becomes a Storybook `?path=/docs/…` link, any
 * other file of the repository a link to it on GitHub. Headings get GitHub's anchors, so `#rates` means
 * the same on both sites.
 */

/** Where the repository's files are read on GitHub (the README's links point there too). */
export const REPOSITORY_URL = 'https://github.com/cskit/cskit/blob/main/';

/**
 * GitHub's heading anchors (github-slugger) from a heading's Markdown source: lower case, markup and
 * punctuation other than `-` and `_` dropped, spaces become `-`, and a repeated anchor gets `-1`, `-2`…
 * in document order. One slugger per document.
 */
export function githubSlugger(): (heading: string) => string {
  const seen = new Map<string, number>();
  return (heading) => {
    const base = headingText(heading)
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}

/** The anchors of every heading of a Markdown document, as GitHub and the docs app make them. */
export function headingAnchors(markdown: string): string[] {
  const slug = githubSlugger();
  return outsideCode(markdown)
    .flatMap((block) => (block.code ? [] : block.text.split('\n')))
    .map((line) => /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1])
    .filter((text): text is string => text !== undefined)
    .map(slug);
}

/** A heading's text as rendered: inline code, emphasis and link markup removed (GitHub slugs that). */
function headingText(source: string): string {
  return source.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
}

/** One run of lines of a Markdown document: inside a fenced code block or not. */
interface Block {
  readonly code: boolean;
  readonly text: string;
}

/** Splits a document at its code fences, so links and headings inside code are left alone. */
function outsideCode(markdown: string): Block[] {
  const blocks: Block[] = [];
  let code = false;
  let lines: string[] = [];
  const flush = () => {
    if (lines.length > 0) blocks.push({ code, text: lines.join('\n') });
    lines = [];
  };
  for (const line of markdown.split('\n')) {
    const fence = /^\s*(```|~~~)/.test(line);
    if (fence && !code) flush();
    lines.push(line);
    if (fence) {
      if (code) flush();
      code = !code;
    }
  }
  flush();
  return blocks;
}

/** A link target that leaves the repository (or stays on the page) and is kept as written. */
function isKeptAsWritten(target: string): boolean {
  return target.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('?path=');
}

/** `base/../x` → `x`: a path inside the repository, or `undefined` when it climbs out of it. */
function normalise(path: string): string | undefined {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/**
 * Where a link of the guide `file` (a path under `docs/`, such as `metrics/mrr.md`) leads in the docs
 * app: `pages` maps each mirrored guide (same kind of path) to its docs id. Inline links only; links in
 * code blocks and spans are not links.
 */
export function linkTarget(target: string, file: string, pages: Readonly<Record<string, string>>): string {
  if (isKeptAsWritten(target)) return target;
  const [path = '', anchor] = target.split('#', 2);
  const directory = `docs/${file}`.split('/').slice(0, -1).join('/');
  const inRepository = normalise(`${directory}/${path}`);
  if (inRepository === undefined) throw new Error(`docs/${file}: the link ${target} leads out of the repository`);
  const page = inRepository.startsWith('docs/') ? pages[inRepository.slice('docs/'.length)] : undefined;
  const hash = anchor === undefined ? '' : `#${anchor}`;
  return page ? `?path=/docs/${page}${hash}` : `${REPOSITORY_URL}${inRepository}${hash}`;
}

/** The guide `file` with every inline link outside code rewritten by {@link linkTarget}. */
export function rewriteLinks(markdown: string, file: string, pages: Readonly<Record<string, string>>): string {
  return outsideCode(markdown)
    .map((block) =>
      block.code
        ? block.text
        : block.text
            .split(/(`[^`\n]*`)/)
            .map((piece, index) =>
              index % 2 === 1
                ? piece
                : piece.replace(
                    /(\]\()([^)\s]+)(\))/g,
                    (_match, open: string, target: string, close: string) =>
                      `${open}${linkTarget(target, file, pages)}${close}`,
                  ),
            )
            .join(''),
    )
    .join('\n');
}
