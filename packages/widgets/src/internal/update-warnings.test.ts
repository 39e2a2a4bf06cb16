import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSample, elementSamples } from '../test-support/element-samples.js';

type Mounted = HTMLElement & { data?: unknown; src?: string; updateComplete?: Promise<boolean> };

/** Lit's dev build keeps the warnings it issued here; the production build does not define it. */
declare global {
  var litIssuedWarnings: Set<string | undefined> | undefined;
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

it('runs against the dev build of Lit, the one that warns (the `development` condition)', () => {
  expect(globalThis.litIssuedWarnings).toBeInstanceOf(Set);
});

describe.each(elementSamples.map((sample) => [sample.tag, sample] as const))('<%s>', (_tag, sample) => {
  it('schedules no update from an update while it draws its data and follows a resize', async () => {
    const warn = vi.spyOn(console, 'warn');
    const wrapper = document.createElement('div');
    wrapper.lang = 'en';
    wrapper.style.width = '640px';
    document.body.append(wrapper);
    const el: Mounted = createSample(sample);
    el.data = sample.data();
    wrapper.append(el);
    await el.updateComplete;
    // Charts draw once their ResizeObserver has measured the plot; the others draw on their first update.
    const drawn = el.shadowRoot?.querySelector('.plot') ? '.plot > svg' : '[part~="base"]';
    await vi.waitFor(() => expect(el.shadowRoot?.querySelector(drawn)).not.toBeNull());
    for (const width of ['320px', '1000px']) {
      wrapper.style.width = width;
      await nextFrame();
      await nextFrame();
      await el.updateComplete;
    }
    expect(litUpdateWarnings(warn.mock.calls)).toEqual([]);
  });

  it('schedules no update from an update while it loads its data from src', async () => {
    const warn = vi.spyOn(console, 'warn');
    const fetch = vi.spyOn(window, 'fetch').mockImplementation(async () => Response.json(sample.data()));
    const el: Mounted = createSample(sample);
    el.src = '/api/data.json';
    document.body.append(el);
    // Loaded: the request went out, and the loading state has given way to the drawn data.
    await vi.waitFor(() => {
      expect(fetch).toHaveBeenCalled();
      expect(el.shadowRoot?.querySelector('[part~="base"]')).not.toBeNull();
      expect(el.shadowRoot?.querySelector('.state')).toBeNull();
    });
    await nextFrame();
    await el.updateComplete;
    expect(litUpdateWarnings(warn.mock.calls)).toEqual([]);
  });
});

function litUpdateWarnings(calls: readonly unknown[][]): string[] {
  return calls.map((args) => String(args[0])).filter((message) => /scheduled an update/.test(message));
}
