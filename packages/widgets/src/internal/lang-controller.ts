import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { hasTranslations, languageFor, loadTranslations, type Language } from './messages.js';
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
 *
 * It also holds the element back until its language's strings are loaded: see `translationsReady`.
 */
export class LangController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  /** The language whose strings this host waits for, so that renders while it loads wait only once. */
  private awaited: Language | undefined;

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

  /**
   * Whether the strings of `locale`'s language are here (English always is), so the host can render
   * text. When they are not, the host renders its loading state instead — never English — while this
   * loads them (one load per language for the whole page) and updates the host when they arrive, or
   * when they could not be loaded and English stands in.
   */
  translationsReady(locale: string): boolean {
    const language = languageFor(locale);
    if (hasTranslations(language)) return true;
    if (this.awaited !== language) {
      this.awaited = language;
      void loadTranslations(language).then(() => {
        if (this.awaited === language) this.awaited = undefined;
        this.host.requestUpdate();
      });
    }
    return false;
  }
}
