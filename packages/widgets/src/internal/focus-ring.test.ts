import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createSample, elementSamples, type ElementSample } from '../test-support/element-samples.js';

/*
 * The focus ring of the "Show table" / "Hide table" button must show whole: no ancestor that clips
 * (overflow other than visible) may cut its outline (issue 10).
 */

type Mounted = HTMLElement & { data?: unknown; updateComplete?: Promise<unknown> };

afterEach(() => {
  document.body.replaceChildren();
});

async function mount(sample: ElementSample, width: number): Promise<Mounted> {
  const host = document.createElement('div');
  host.lang = 'en';
  host.style.width = `${width}px`;
  host.style.pointerEvents = 'none';
  const el: Mounted = createSample(sample);
  el.data = sample.data();
  host.append(el);
  document.body.append(host);
  await el.updateComplete;
  return el;
}

/** The parent in the flat tree: through shadow roots to their hosts. */
function parentOf(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The box an outline occupies: the border box grown by outline-offset and outline-width. */
function outlineBox(el: Element): DOMRect {
  const style = getComputedStyle(el);
  const grow = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
  const box = el.getBoundingClientRect();
  return new DOMRect(box.x - grow, box.y - grow, box.width + 2 * grow, box.height + 2 * grow);
}

/** Ancestors whose overflow clips, with the part of `box` each one cuts off (in px, per side). */
function clipping(el: Element, box: DOMRect): string[] {
  const cuts: string[] = [];
  for (let node = parentOf(el); node; node = parentOf(node)) {
    const style = getComputedStyle(node);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const outer = node.getBoundingClientRect();
    // The padding box: what a clipping ancestor shows of its content.
    const left = outer.left + node.clientLeft;
    const top = outer.top + node.clientTop;
    const right = left + node.clientWidth;
    const bottom = top + node.clientHeight;
    const cut = {
      left: left - box.left,
      top: top - box.top,
      right: box.right - right,
      bottom: box.bottom - bottom,
    };
    const sides = Object.entries(cut).filter(([, px]) => px > 0.5);
    if (sides.length > 0) {
      cuts.push(
        `${node.localName}.${[...node.classList].join('.')} cuts ${sides.map(([s, px]) => `${s} ${px.toFixed(1)}px`).join(', ')}`,
      );
    }
  }
  return cuts;
}

// The heatmap is its own table, and the customer list is a table: neither has a table toggle.
const withToggle = elementSamples.filter((s) => s.tag !== 'cs-cohort-heatmap' && s.tag !== 'cs-customer-list');

describe.each(withToggle.map((sample) => [sample.tag, sample] as const))('<%s> table toggle', (tag, sample) => {
  it.each([280, 320, 640])('shows its whole focus ring at %i px, for "Show table" and "Hide table"', async (width) => {
    const el = await mount(sample, width);
    const toggle = () => el.shadowRoot?.querySelector<HTMLElement>('[part~="table-toggle"]');
    await vi.waitFor(() => expect(toggle()).toBeTruthy());
    (toggle() as HTMLElement).focus();
    // Focus came from the keyboard (Space presses it): the ring shows.
    await userEvent.keyboard(' ');
    await vi.waitFor(() => expect(toggle()?.textContent?.trim()).toBe('Hide table'));
    const hide = toggle() as HTMLElement;
    expect(hide.matches(':focus-visible')).toBe(true);
    expect(getComputedStyle(hide).outlineStyle).toBe('solid');
    expect(clipping(hide, outlineBox(hide))).toEqual([]);
    await userEvent.keyboard(' ');
    await vi.waitFor(() => expect(toggle()?.textContent?.trim()).toBe('Show table'));
    const show = toggle() as HTMLElement;
    expect(show.matches(':focus-visible')).toBe(true);
    await vi.waitFor(() => expect(clipping(show, outlineBox(show))).toEqual([]));
  });
});
