import type { RetryEvent } from '@cskit/connectors/stripe';
import type { CliOutput } from './cli-io.js';

/**
 * A sync's status on a terminal: one line rewritten in place, ended with a line break by `end()`.
 * Counts pages and retries and shows the current wait, which every source's sync reports alike.
 */
export interface StatusLine {
  /** Counts a committed page. */
  readonly page: () => void;
  /** Counts a retry; its wait shows until the next event. */
  readonly retry: (event: RetryEvent) => void;
  /** Rewrites the line: `source: phase · counts · pages · retries`, then the wait if one is on. */
  readonly show: (phase: string, counts: readonly string[]) => void;
  readonly end: () => void;
}

export function statusLine(source: string, out: CliOutput): StatusLine {
  let pages = 0;
  let retries = 0;
  let wait = '';
  let shown = false;
  return {
    page: () => {
      pages += 1;
    },
    retry: (event) => {
      retries += 1;
      wait = ` · ${event.reason}, waiting ${seconds(event.waitMs)}`;
    },
    show: (phase, counts) => {
      const parts = [...counts, `${pages} pages`, `${retries} retries`];
      // \r and "erase line": the status replaces itself instead of scrolling.
      out.write(`\r\x1b[2K${source}: ${phase} · ${parts.join(' · ')}${wait}`);
      wait = '';
      shown = true;
    },
    end: () => {
      if (shown) out.write('\n');
      shown = false;
    },
  };
}

/** A wait for progress output: `1.5 s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
