import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createSample, elementSamples, visibleText, type ElementSample } from '../test-support/element-samples.js';

/**
 * A fetch that records every signal, passes `blob:` URLs to the real fetch, and holds every other
 * request until its signal aborts (then rejects like the real fetch does) — or, after `release()`,
 * answers it with the sample's data.
 */
function stubFetch(sample: ElementSample) {
  const signals: AbortSignal[] = [];
  let hold = true;
  const realFetch = window.fetch.bind(window);
  vi.spyOn(window, 'fetch').mockImplementation((input, init) => {
    const signal = init?.signal ?? new AbortController().signal;
    signals.push(signal);
    if (String(input).startsWith('blob:')) return realFetch(input, init);
    if (!hold) {
      return Promise.resolve(
        new Response(JSON.stringify(sample.data()), { headers: { 'content-type': 'application/json' } }),
      );
    }
    return new Promise<Response>((_resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
    });
  });
  return {
    signals,
    release: () => {
      hold = false;
    },
  };
}

/** Lets the aborted request reject, the element re-render, and any unhandled rejection surface. */
async function settle(el: Element & { updateComplete?: Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await el.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const rejections: unknown[] = [];
const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
let errors: MockInstance<typeof console.error>;
let warnings: MockInstance<typeof console.warn>;

beforeEach(() => {
  rejections.length = 0;
  window.addEventListener('unhandledrejection', onRejection);
  errors = vi.spyOn(console, 'error');
  warnings = vi.spyOn(console, 'warn');
});

afterEach(() => {
  window.removeEventListener('unhandledrejection', onRejection);
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** Warnings other than Lit's dev-mode note about the charts' intended measuring update. */
function ownWarnings(): unknown[][] {
  return warnings.mock.calls.filter((call) => !String(call[0]).includes('lit.dev/msg/change-in-update'));
}

/** Mounts the same element with `data` instead of `src`, to compare what both show. */
function reference(sample: ElementSample): HTMLElement {
  const el = createSample(sample);
  el.data = sample.data();
  mount(el);
  return el;
}

/** Waits until `el` shows what `expected` shows once drawn. */
async function showsSameAs(el: Element, expected: Element): Promise<void> {
  await vi.waitFor(() => {
    const text = visibleText(expected);
    expect(text).not.toBe('');
    expect(text).not.toContain('Loading…');
    expect(visibleText(el)).toBe(text);
  });
}

function mount(el: HTMLElement): HTMLElement {
  const host = document.createElement('div');
  host.lang = 'en';
  host.style.width = '640px';
  // Loading is under test, not the pointer: a mouse resting where an earlier test left it would hover a
  // heatmap cell of one element and not the other, and change its detail line.
  host.style.pointerEvents = 'none';
  host.append(el);
  document.body.append(host);
  return host;
}

describe.each(elementSamples.map((sample) => [sample.tag, sample] as const))('<%s> src', (tag, sample) => {
  it('aborts the request when the element is removed, without an error state, log or rejection', async () => {
    const { signals } = stubFetch(sample);
    const dataErrors: unknown[] = [];
    const el = createSample(sample);
    el.addEventListener('cs-data-error', (e) => dataErrors.push(e));
    el.src = '/api/slow.json';
    mount(el);
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    expect(visibleText(el)).toContain('Loading…');

    el.remove();
    expect(signals[0]?.aborted).toBe(true);
    await settle(el);
    expect(visibleText(el)).not.toContain('Could not load the data');
    expect(dataErrors).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(ownWarnings()).toEqual([]);
    expect(rejections).toEqual([]);
  });

  it('loads again and shows the data when re-attached after an aborted request', async () => {
    const { signals, release } = stubFetch(sample);
    const el = createSample(sample);
    el.src = '/api/report.json';
    const host = mount(el);
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    el.remove();
    await settle(el);
    expect(signals[0]?.aborted).toBe(true);

    release();
    host.append(el);
    await vi.waitFor(() => expect(signals).toHaveLength(2));
    expect(signals[1]?.aborted).toBe(false);
    await showsSameAs(el, reference(sample));
    expect(errors).not.toHaveBeenCalled();
    expect(rejections).toEqual([]);
  });

  it('starts no request while detached, and loads once attached again', async () => {
    const { signals, release } = stubFetch(sample);
    release();
    const el = createSample(sample);
    const host = mount(el);
    el.remove();
    // Lit still runs the update a detached element scheduled: it must not fetch.
    el.src = '/api/report.json';
    await settle(el);
    expect(signals).toHaveLength(0);
    host.append(el);
    await showsSameAs(el, reference(sample));
    expect(signals).toHaveLength(1);
  });

  it('does not fetch again when re-attached after the data arrived', async () => {
    const { signals, release } = stubFetch(sample);
    release();
    const el = createSample(sample);
    el.src = '/api/report.json';
    const host = mount(el);
    await showsSameAs(el, reference(sample));
    const loaded = visibleText(el);
    el.remove();
    host.append(el);
    await settle(el);
    expect(signals).toHaveLength(1);
    expect(visibleText(el)).toBe(loaded);
  });

  it('aborts the previous request when src changes, and shows the new data', async () => {
    const { signals } = stubFetch(sample);
    const url = URL.createObjectURL(new Blob([JSON.stringify(sample.data())], { type: 'application/json' }));
    const el = createSample(sample);
    el.src = '/api/slow.json';
    mount(el);
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    el.src = url;
    await showsSameAs(el, reference(sample));
    expect(signals).toHaveLength(2);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[1]?.aborted).toBe(false);
    expect(errors).not.toHaveBeenCalled();
    expect(rejections).toEqual([]);
  });
});
