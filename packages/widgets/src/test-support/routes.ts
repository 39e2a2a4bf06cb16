import { commands } from 'vitest/browser';

/** One answer of a route: a network failure, or a response with a status and a body. */
export type RouteAnswer = { readonly fail: 'network' } | { readonly status: number; readonly body: string };

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Defined in vitest.config.ts: Playwright's `page.route`, answering in turn (the last answer repeats). */
    serveInTurn: (path: string, answers: readonly RouteAnswer[]) => Promise<void>;
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

/** How many requests reached `path` (made by {@link serveInTurn}). */
export function routeHits(path: string): Promise<number> {
  return commands.routeHits(path);
}

/** Stops answering `path`. */
export function unroute(path: string): Promise<void> {
  return commands.unroute(path);
}

/** A 200 response with `data` as JSON. */
export const json = (data: unknown): RouteAnswer => ({ status: 200, body: JSON.stringify(data) });
