/**
 * The chart as a standalone image: loaded by `exportImage()` on first use (a dynamic import), so a page
 * that never exports does not load it. Nothing here runs at import time.
 */

/** The drawing as SVG text and the size, in CSS pixels, it has on the page. */
export interface Drawing {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The properties the elements' stylesheets set on SVG marks. Outside the element those stylesheets
 * (and the custom properties they read) no longer apply, so each mark gets its computed values written
 * as presentation attributes: attributes, unlike a `style="…"`, are not inline styles in CSP's sense.
 */
const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

function svgRoot(width: number, height: number, background: string): SVGSVGElement {
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const paper = document.createElementNS(SVG_NS, 'rect');
  paper.setAttribute('width', '100%');
  paper.setAttribute('height', '100%');
  paper.setAttribute('fill', background);
  root.append(paper);
  return root;
}

function inlineStyles(from: Element, to: Element): void {
  const style = getComputedStyle(from);
  for (const name of PROPERTIES) to.setAttribute(name, style.getPropertyValue(name));
  // `part` means nothing outside the element, and a `style` (a CSSOM write the browser serialised) is
  // in the computed values now; classes stay, they say what a mark is (`line`, `bar`).
  to.removeAttribute('part');
  to.removeAttribute('style');
}

/** A copy of the chart's `svg` that looks the same on its own: computed styles inlined, on its background. */
function svgDrawing(svg: SVGSVGElement, background: string): Drawing {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width);
  const height = Math.round(box.height);
  const root = svgRoot(width, height, background);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  [copy, ...copy.querySelectorAll('*')].forEach((node, i) => {
    const original = originals[i];
    if (original) inlineStyles(original, node);
  });
  // The copy keeps its viewBox and aspect ratio (the sparkline stretches), drawn at its size on the page.
  const inner = document.createElementNS(SVG_NS, 'svg');
  for (const name of ['viewBox', 'preserveAspectRatio']) {
    const value = svg.getAttribute(name);
    if (value) inner.setAttribute(name, value);
  }
  inner.setAttribute('width', String(width));
  inner.setAttribute('height', String(height));
  for (const name of PROPERTIES) {
    const value = copy.getAttribute(name);
    if (value) inner.setAttribute(name, value);
  }
  inner.append(...copy.childNodes);
  root.append(inner);
  return { svg: serialise(root), width, height };
}

/** The text of a cell that a sighted reader sees: not what is there only for screen readers. */
function visibleText(cell: Element): string {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('.visually-hidden, .sr-only')) text += node.textContent ?? '';
  }
  return text.replace(/\s+/g, ' ').trim();
}

const TRANSPARENT = /^(transparent|rgba\(0, 0, 0, 0\))$/;

/**
 * A table drawn as SVG (the cohort heatmap, whose grid is a table): each cell a rectangle in its
 * background colour at its place, with its visible text in its colour and font, aligned as the cell
 * aligns it. The whole table is drawn, also the part a narrow card scrolls.
 */
function tableDrawing(table: HTMLTableElement, background: string): Drawing {
  const box = table.getBoundingClientRect();
  const width = Math.round(box.width);
  const height = Math.round(box.height);
  const root = svgRoot(width, height, background);
  for (const cell of table.querySelectorAll('th, td')) {
    const at = cell.getBoundingClientRect();
    const style = getComputedStyle(cell);
    const x = at.left - box.left;
    const y = at.top - box.top;
    if (!TRANSPARENT.test(style.backgroundColor)) {
      const rect = document.createElementNS(SVG_NS, 'rect');
      for (const [name, value] of [
        ['x', x],
        ['y', y],
        ['width', at.width],
        ['height', at.height],
        ['fill', style.backgroundColor],
      ] as const) {
        rect.setAttribute(name, String(value));
      }
      root.append(rect);
    }
    const text = visibleText(cell);
    if (!text) continue;
    const align = style.textAlign;
    const anchor = align === 'center' ? 'middle' : align === 'right' || align === 'end' ? 'end' : 'start';
    const padLeft = parseFloat(style.paddingLeft) || 0;
    const padRight = parseFloat(style.paddingRight) || 0;
    const tx = anchor === 'middle' ? x + at.width / 2 : anchor === 'end' ? x + at.width - padRight : x + padLeft;
    const label = document.createElementNS(SVG_NS, 'text');
    for (const [name, value] of [
      ['x', tx],
      ['y', y + at.height / 2],
      ['text-anchor', anchor],
      ['dominant-baseline', 'central'],
      ['fill', style.color],
      ['font-family', style.fontFamily],
      ['font-size', style.fontSize],
      ['font-weight', style.fontWeight],
    ] as const) {
      label.setAttribute(name, String(value));
    }
    label.textContent = text;
    root.append(label);
  }
  return { svg: serialise(root), width, height };
}

/** SVG text without the comments Lit leaves as markers. */
function serialise(root: SVGSVGElement): string {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) comments.push(node);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  return new XMLSerializer().serializeToString(root);
}

/** What an element draws — its chart's `svg`, or the heatmap's table — as a standalone SVG. */
export function drawingOf(source: Element, background: string): Drawing {
  return source instanceof HTMLTableElement
    ? tableDrawing(source, background)
    : svgDrawing(source as SVGSVGElement, background);
}

/**
 * The drawing as a PNG at `scale` device pixels per CSS pixel: the SVG decoded as an image from a
 * `blob:` URL (a page's Content-Security-Policy must allow `img-src blob:`) and painted on a canvas.
 */
export async function pngOf(drawing: Drawing, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([drawing.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    try {
      await image.decode();
    } catch {
      throw new Error(
        'the chart could not be decoded as an image; if the page has a Content-Security-Policy, allow img-src blob:',
      );
    }
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(drawing.width * scale);
    canvas.height = Math.round(drawing.height * scale);
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
