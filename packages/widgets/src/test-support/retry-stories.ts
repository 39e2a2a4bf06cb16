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
