/**
 * What "no text overlaps other text or is cut off by the element's box" means, measured in the browser.
 *
 * The function is self-contained (no imports, no closures over module scope) so Playwright can also
 * serialise it into a page: the docs app's static-site test runs it on every story of the built site.
 */

/** One piece of text that breaks the layout rule, with enough detail to find it. */
export interface TextLayoutProblem {
  readonly kind: 'overlap' | 'cut-off';
  readonly text: string;
  /** The other text, for an overlap; the clipping box (`host` or a tag), for a cut-off. */
  readonly other: string;
}

/**
 * Finds visible text inside `host` (its shadow trees and slotted content included) that overlaps other
 * text or sticks out of the host's box or of an ancestor that clips it (`overflow: hidden` / `clip`).
 *
 * Text that an ancestor clips or scrolls out of view counts as cut off, whether partly or wholly hidden,
 * except inside a scrolling table (data views and the cohort grid scroll by design). Tooltips
 * (`role="tooltip"`) float above the chart, so their text is compared only with itself and the host
 * box. Visually hidden text (1 px clips) is skipped.
 * A tolerance of `tolerance` px absorbs anti-aliasing and sub-pixel rounding.
 */
export function findTextLayoutProblems(host: Element, tolerance = 1): TextLayoutProblem[] {
  interface Box {
    left: number;
    top: number;
    right: number;
    bottom: number;
  }
  interface Piece {
    text: string;
    box: Box;
    layer: Element | null;
  }
  // The composed-tree parent: the slot an element is assigned to, else its parent, else its shadow host.
  const parentOf = (element: Element): Element | null => {
    if (element.assignedSlot) return element.assignedSlot;
    if (element.parentElement) return element.parentElement;
    const root = element.getRootNode();
    return root instanceof ShadowRoot ? root.host : null;
  };
  const label = (element: Element): string =>
    element === host
      ? 'host'
      : `<${element.tagName.toLowerCase()}${element.getAttribute('part') ? ` part="${element.getAttribute('part')}"` : ''}${element.getAttribute('class') ? ` class="${element.getAttribute('class')}"` : ''}>`;

  const pieces: Piece[] = [];
  const problems: TextLayoutProblem[] = [];
  // SVG text is measured by its element, so the text nodes of one <text> (a template's bindings) are
  // one piece, not several pieces that overlap each other.
  const measuredSvgText = new Set<Element>();
  const hostBox = host.getBoundingClientRect();

  const visit = (root: Node): void => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        const element = node as Element;
        if (element.shadowRoot) visit(element.shadowRoot);
        if (element instanceof HTMLSlotElement) {
          // Assigned nodes only: fallback content is a child of the slot, which the walk reaches anyway.
          for (const assigned of element.assignedNodes()) {
            if (assigned.nodeType === Node.TEXT_NODE) collect(assigned as Text, element);
            else visit(assigned);
          }
        }
        continue;
      }
      collect(node as Text, null);
    }
  };

  const collect = (textNode: Text, slot: Element | null): void => {
    const own = (textNode.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!own) return;
    const parent = slot ?? textNode.parentElement;
    if (!parent) return;
    const text = parent instanceof SVGElement ? (parent.textContent ?? '').replace(/\s+/g, ' ').trim() : own;
    if (parent.closest('style, script, template, title, desc')) return;
    if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return;
    const rects: DOMRect[] = [];
    if (parent instanceof SVGElement) {
      if (measuredSvgText.has(parent)) return;
      measuredSvgText.add(parent);
      rects.push(parent.getBoundingClientRect());
    } else {
      const range = document.createRange();
      range.selectNodeContents(textNode);
      rects.push(...Array.from(range.getClientRects()));
    }
    // Walk up the composed tree once: what clips the text, the tooltip layer, visually hidden text.
    let layer: Element | null = null;
    let inTableScroller = false;
    const clips: { element: Element; box: DOMRect }[] = [];
    for (let element: Element | null = parent; element && element !== host; element = parentOf(element)) {
      if (element.getAttribute('role') === 'tooltip') layer ??= element;
      const style = getComputedStyle(element);
      if (/^inset\((50|100)%/.test(style.clipPath) || /^rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)$/.test(style.clip))
        return;
      const box = element.getBoundingClientRect();
      if (style.position === 'absolute' && box.width <= 1 && box.height <= 1) return;
      const overflow = `${style.overflowX} ${style.overflowY}`;
      if (overflow === 'visible visible') continue;
      // Tables (the data views, the cohort grid) scroll in both directions by design; text they scroll
      // away is not cut off. Everything else (plots, controls rows) must fit.
      if (/auto|scroll/.test(overflow) && element.querySelector('table, [role="grid"], [role="table"]')) {
        inTableScroller = true;
        continue;
      }
      clips.push({ element, box });
    }
    for (const rect of rects) {
      if (rect.width * rect.height < 2) continue;
      const box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
      const outside = (outer: Box): boolean =>
        box.left < outer.left - tolerance ||
        box.right > outer.right + tolerance ||
        box.top < outer.top - tolerance ||
        box.bottom > outer.bottom + tolerance;
      const cut = clips.find((clip) => outside(clip.box));
      if (cut) {
        problems.push({ kind: 'cut-off', text, other: label(cut.element) });
      } else if (!inTableScroller && outside(hostBox)) {
        problems.push({ kind: 'cut-off', text, other: 'host' });
      }
      if (!inTableScroller) pieces.push({ text, box, layer });
    }
  };

  // Light-DOM children are rendered only through slots, so the walk starts at the shadow root.
  visit(host.shadowRoot ?? host);

  pieces.forEach((a, i) => {
    for (const b of pieces.slice(i + 1)) {
      if (a.layer !== b.layer) continue;
      const width = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const height = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (width > tolerance && height > tolerance) {
        problems.push({ kind: 'overlap', text: a.text, other: b.text });
      }
    }
  });
  return problems;
}
