import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSample, elementSamples, type ElementSample } from '../test-support/element-samples.js';
import { emulateMedia, resetMedia } from '../test-support/media.js';

/** The default surface and text colours of every element (docs/widgets.md, "Theme"). */
const LIGHT = { background: 'rgb(255, 255, 255)', color: 'rgb(31, 35, 40)' };
const DARK = { background: 'rgb(22, 27, 34)', color: 'rgb(230, 237, 243)' };

/** The elements with a transition (a sparkline, a factor bar, chart bars) and the cohort heatmap without. */
const ANIMATED = ['cs-kpi', 'cs-health-card', 'cs-churn-chart', 'cs-nps-trend', 'cs-mrr-bridge'];

type Mounted = HTMLElement & { data?: unknown; updateComplete?: Promise<boolean> };

/** Mounts the sample's element with its data inside a wrapper, and waits for its base part. */
async function mount(sample: ElementSample, attributes: Record<string, string> = {}): Promise<Mounted> {
  const wrapper = document.createElement('div');
  wrapper.lang = 'en';
  wrapper.style.width = '640px';
  document.body.append(wrapper);
  const el: Mounted = createSample(sample);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.data = sample.data();
  wrapper.append(el);
  await el.updateComplete;
  await vi.waitFor(() => expect(base(el)).not.toBeNull());
  return el;
}

function base(el: Element): Element | null {
  return el.shadowRoot?.querySelector('[part~="base"]') ?? null;
}

function colours(el: Element): { background: string; color: string } {
  const style = getComputedStyle(base(el) as Element);
  return { background: style.backgroundColor, color: style.color };
}

/** Elements of the shadow tree whose computed transition lasts longer than 0s, with the duration. */
function transitioning(el: Element): string[] {
  return [...(el.shadowRoot?.querySelectorAll('*') ?? [])].flatMap((node) => {
    const duration = getComputedStyle(node).transitionDuration;
    return duration.split(',').some((d) => parseFloat(d) > 0)
      ? [`${node.tagName.toLowerCase()}.${[...node.classList].join('.')} ${duration}`]
      : [];
  });
}

afterEach(async () => {
  document.body.replaceChildren();
  await resetMedia();
});

describe.each(elementSamples.map((sample) => [sample.tag, sample] as const))(
  '<%s> and media features',
  (_tag, sample) => {
    it('is light under prefers-color-scheme: light', async () => {
      await emulateMedia({ colorScheme: 'light' });
      const el = await mount(sample);
      expect(colours(el)).toEqual(LIGHT);
    });

    it('turns dark under prefers-color-scheme: dark without a theme attribute', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(true);
      const el = await mount(sample);
      expect(el.hasAttribute('theme')).toBe(false); // the default writes no theme=""
      expect(colours(el)).toEqual(DARK);
      // Follows a change of preference while on the page.
      await emulateMedia({ colorScheme: 'light' });
      expect(colours(el)).toEqual(LIGHT);
    });

    it('stays light with theme="light" under a dark preference, and is dark with theme="dark" under a light one', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const light = await mount(sample, { theme: 'light' });
      expect(colours(light)).toEqual(LIGHT);
      await emulateMedia({ colorScheme: 'light' });
      const dark = await mount(sample, { theme: 'dark' });
      expect(colours(dark)).toEqual(DARK);
    });

    it('follows data-cs-theme on the closest ancestor, even across a shadow root, while its own theme wins', async () => {
      await emulateMedia({ colorScheme: 'light' });
      const el = await mount(sample);
      const wrapper = el.parentElement as HTMLElement;
      const portal = document.createElement('div');
      document.body.append(portal);
      portal.append(wrapper);
      portal.setAttribute('data-cs-theme', 'dark');
      await vi.waitFor(() => expect(colours(el)).toEqual(DARK));
      // The closest ancestor wins: a light region inside the dark portal.
      wrapper.setAttribute('data-cs-theme', 'light');
      await vi.waitFor(() => expect(colours(el)).toEqual(LIGHT));
      wrapper.removeAttribute('data-cs-theme');
      await vi.waitFor(() => expect(colours(el)).toEqual(DARK));
      // The element's own theme wins over any ancestor, and giving it up hands back to the ancestor.
      el.setAttribute('theme', 'light');
      await vi.waitFor(() => expect(colours(el)).toEqual(LIGHT));
      el.removeAttribute('theme');
      await vi.waitFor(() => expect(colours(el)).toEqual(DARK));
      // An ancestor outside a shadow root the element lives in counts too (a portal's own components).
      const shell = document.createElement('div');
      portal.append(shell);
      shell.attachShadow({ mode: 'open' }).append(wrapper);
      await vi.waitFor(() => expect(colours(el)).toEqual(DARK));
      portal.setAttribute('data-cs-theme', 'light');
      await vi.waitFor(() => expect(colours(el)).toEqual(LIGHT));
    });

    it('stays light under data-cs-theme="light" with a dark preference, and follows the preference again without it', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const el = await mount(sample);
      const wrapper = el.parentElement as HTMLElement;
      wrapper.setAttribute('data-cs-theme', 'light');
      await vi.waitFor(() => expect(colours(el)).toEqual(LIGHT));
      wrapper.setAttribute('data-cs-theme', 'auto');
      await vi.waitFor(() => expect(colours(el)).toEqual(DARK));
    });

    it('drops its transitions under prefers-reduced-motion: reduce', async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      // Bars rather than lines, so the churn chart has bars to fade.
      const el = await mount(sample, sample.tag === 'cs-churn-chart' ? { type: 'bar' } : {});
      if (ANIMATED.includes(sample.tag)) {
        await vi.waitFor(() => expect(transitioning(el)).not.toEqual([]));
      } else {
        expect(transitioning(el)).toEqual([]);
      }
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true);
      expect(transitioning(el)).toEqual([]);
    });

    it('inherits the page font in every part of its shadow tree', async () => {
      const el = await mount(sample);
      const wrapper = el.parentElement as HTMLElement;
      wrapper.style.fontFamily = 'Georgia, "Times New Roman", serif';
      wrapper.style.fontSize = '19px';
      const page = getComputedStyle(wrapper).fontFamily;
      expect(page).toContain('Georgia');
      const basePart = getComputedStyle(base(el) as Element);
      expect(basePart.fontFamily).toBe(page);
      expect(basePart.fontSize).toBe('19px');
      const elsewhere = [...(el.shadowRoot?.querySelectorAll('*') ?? [])]
        .filter((node) => !['style', 'slot'].includes(node.localName))
        .filter((node) => getComputedStyle(node).fontFamily !== page)
        .map((node) => `${node.localName}.${[...node.classList].join('.')}: ${getComputedStyle(node).fontFamily}`);
      expect(elsewhere).toEqual([]);
    });
  },
);
