import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ANCESTOR_THEME_ATTRIBUTE } from './theme-property.js';

/** The connected hosts, and the one observer that serves them all while there are any. */
const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

/**
 * Re-renders its element when a `lang` or `data-cs-theme` attribute anywhere in the document changes,
 * so an element that takes its locale from the nearest `lang` (see `resolveLocale`) or its theme from
 * the nearest `data-cs-theme` (see `AncestorThemeController`) follows it. One MutationObserver on
 * `<html>` (subtree, those two attributes only) serves every element; it is disconnected when the last
 * element leaves the page. Changes inside other shadow roots are not seen.
 */
export class LangController implements ReactiveController {
  private readonly host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    if (observer) return;
    observer = new MutationObserver(() => {
      for (const host of hosts) host.requestUpdate();
    });
    observer.observe(document.documentElement, { subtree: true, attributeFilter: ['lang', ANCESTOR_THEME_ATTRIBUTE] });
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    if (hosts.size > 0) return;
    observer?.disconnect();
    observer = undefined;
  }
}
