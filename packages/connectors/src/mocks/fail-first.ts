import { http, type HttpHandler } from 'msw';

/**
 * A handler that answers the first `times` GET requests to `url` (an MSW path pattern) with what
 * `respond` makes, then lets them through to the next handler: put it in front of a provider's
 * handlers to play a rate limit or an outage.
 */
export function failFirst(url: string, times: number, respond: () => Response): HttpHandler {
  let left = times;
  return http.get(url, () => {
    if (left <= 0) return undefined;
    left -= 1;
    return respond();
  });
}
