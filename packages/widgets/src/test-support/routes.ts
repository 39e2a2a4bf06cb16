import { commands } from 'vitest/browser';

/** One answer of a route: a network failure, or a response with a status and a body. */
export type RouteAnswer = { readonly fail: 'network' } | { readonly status: number; readonly body: string };

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Defined in vitest.config.ts: Playwright's `page.route`, answering in turn (the last answer repeats). */
    serveInTurn: (path: string, answers: readonly RouteAnswer[]) => Promise<void>;
    /** Defined in vitest.config.ts: holds the page's requests whose path contains `part`. */
    holdRequests: (part: string) => Promise<void>;
    /** Lets the held requests of `part` through to the server, or fails them like a network error. */
    releaseRequests: (part: string, how: 'continue' | 'fail') => Promise<void>;
    /** How many requests the route of `path` has answered. */
    routeHits: (path: string) => Promise<number>;
    /** Removes the route of `path`. */
    unroute: (path: string) => Promise<void>;
  }
}

let next = 0;

/**
 * A URL whose requests the browser really makes and Playwright answers, outside the page: `answers`
 * in turn, the last one for every later request. Each call gets a new path, so tests never share one.
 */
export async function serveInTurn(answers: readonly RouteAnswer[]): Promise<string> {
  const path = `/__cs-route__/${Date.now()}-${next++}.json`;
  await commands.serveInTurn(path, answers);
  return path;
}

/**
 * Holds the page's own requests whose path contains `part` (the dev server's URL of a module, say:
 * `/internal/locales/es.ts`) until {@link releaseRequests}, so a test sees what the page shows while
 * they are under way. {@link routeHits} counts them; {@link unroute} lets them through and stops.
 */
export function holdRequests(part: string): Promise<void> {
  return commands.holdRequests(part);
}

/** Lets the requests {@link holdRequests} holds, and later ones, through (`continue`) or fails them (`fail`). */
export function releaseRequests(part: string, how: 'continue' | 'fail'): Promise<void> {
  return commands.releaseRequests(part, how);
}

/** How many requests reached `path` (made by {@link serveInTurn} or held by {@link holdRequests}). */
export function routeHits(path: string): Promise<number> {
  return commands.routeHits(path);
}

/** Stops answering (or holding) `path`. */
export function unroute(path: string): Promise<void> {
  return commands.unroute(path);
}

/** A 200 response with `data` as JSON. */
export const json = (data: unknown): RouteAnswer => ({ status: 200, body: JSON.stringify(data) });
