import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { loadJson } from './load-json.js';

/**
 * Loads an element's `src` as JSON: a `@lit/task` Task that also aborts the request when the element
 * leaves the page, and loads again when it comes back before the data arrived. A new `src` aborts the
 * previous request (Task does that). An aborted request is not an error: the task goes back to its
 * initial state, so the element shows "loading" and nothing is logged or rejected.
 *
 * A detached element does not start a request either (Lit still updates detached elements): the
 * update is remembered and the task looks at `src` again once the element is back.
 *
 * `src` returns the URL to load, or `''` when there is nothing to load (no `src`, or `data` is set).
 */
export class SrcLoader extends Task<readonly [string], unknown> {
  private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode };
  private connected = false;
  /** The Retry button had focus when pressed: give it back if the new attempt fails too. */
  private refocus = false;
  /** A request was aborted by the disconnect: load again on reconnect. */
  private interrupted = false;
  /** The element updated while detached: check `src` on reconnect. */
  private stale = false;

  constructor(host: ReactiveControllerHost & { readonly renderRoot: ParentNode }, src: () => string) {
    super(host, {
      task: async ([url], { signal }) => {
        if (!url) return undefined;
        try {
          return await loadJson(url, signal);
        } catch (error) {
          if (signal.aborted) return initialState;
          throw error;
        }
      },
      args: () => [src()] as const,
    });
    this.host = host;
  }

  /**
   * Loads `src` again: the error state's "Retry" button. The task shows "loading" meanwhile, then the
   * data or the error of the new attempt.
   */
  retry(): void {
    const active = (this.host.renderRoot as Partial<DocumentOrShadowRoot>).activeElement;
    this.refocus = active?.matches('[part~="retry"]') ?? false;
    void this.run();
  }

  /** After a failed retry, focus stays on the Retry button instead of falling back to the page. */
  override hostUpdated(): void {
    super.hostUpdated();
    if (!this.refocus || this.status === TaskStatus.PENDING) return;
    this.refocus = false;
    if (this.status === TaskStatus.ERROR) this.host.renderRoot.querySelector<HTMLElement>('[part~="retry"]')?.focus();
  }

  override hostUpdate(): void {
    if (this.connected) super.hostUpdate();
    else this.stale = true;
  }

  hostConnected(): void {
    this.connected = true;
    if (this.interrupted) void this.run();
    else if (this.stale) this.host.requestUpdate();
    this.interrupted = this.stale = false;
  }

  hostDisconnected(): void {
    this.connected = false;
    if (this.status !== TaskStatus.PENDING) return;
    this.interrupted = true;
    this.abort();
  }
}
