import { http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw';
import { expect, waitFor } from 'storybook/test';

/**
 * The backend of a "Retry after a server error" story: `url` answers HTTP 500 to the first request and
 * `body` as JSON to every later one. Make it in the story's `beforeEach`, so each run starts failing.
 */
export function failsOnce(url: string, body: JsonBodyType): HttpHandler {
  let requests = 0;
  return http.get(url, () => (++requests === 1 ? new HttpResponse(null, { status: 500 }) : HttpResponse.json(body)));
}

/** Waits for the Retry button of `el`'s error state and presses it. */
export async function pressRetry(el: Element): Promise<void> {
  await waitFor(() => expect(el.shadowRoot?.querySelector('[part~="retry"]')).toBeTruthy());
  (el.shadowRoot?.querySelector('[part~="retry"]') as HTMLButtonElement).click();
}

const TRUNCATED_JSON = '{"version": 1, "months": [';

/** The backend of a "malformed JSON" story: `url` answers 200 with JSON cut off midway. */
export function answersMalformedJson(url: string): HttpHandler {
  return http.get(url, () => new HttpResponse(TRUNCATED_JSON, { headers: { 'content-type': 'application/json' } }));
}

/**
 * Waits until the element `tag` in `canvas` shows its load error ("Could not load the data") with a
 * Retry button, after its `src` answered {@link answersMalformedJson}'s cut-off JSON: a body that is
 * not JSON is a failed load, which loading again may fix.
 */
export async function expectMalformedJsonError(canvas: HTMLElement, tag: string): Promise<void> {
  const el = canvas.querySelector(tag);
  await waitFor(() => expect(el?.shadowRoot?.textContent).toContain('Could not load the data'));
  await expect(el?.shadowRoot?.querySelector('[part~="retry"]')?.textContent?.trim()).toBe('Retry');
  // The element read its src from the malformed-JSON backend (not a 404 of a missing handler).
  const src = el?.getAttribute('src') ?? '';
  const answer = await fetch(src);
  await expect([answer.status, await answer.text()]).toEqual([200, TRUNCATED_JSON]);
}
