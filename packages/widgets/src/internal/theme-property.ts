import type { PropertyDeclaration, ReactiveController, ReactiveControllerHost } from 'lit';

/** An element's colour scheme: `light`, `dark`, or `''` to follow `prefers-color-scheme`. */
export type Theme = '' | 'light' | 'dark';

/**
 * The `theme` property of every element: reflected so the styles can match `:host([theme=…])`, but
 * the default `''` writes no attribute, so an untouched element carries no `theme=""` in the page.
 */
export const THEME_PROPERTY: PropertyDeclaration<Theme> = {
  reflect: true,
  converter: {
    fromAttribute: (value) => (value ?? '') as Theme,
    toAttribute: (value: Theme) => value || null,
  },
};

/** The attribute a page puts on any ancestor to set the theme of every element inside it. */
export const ANCESTOR_THEME_ATTRIBUTE = 'data-cs-theme';

/**
 * The theme the closest ancestor with `data-cs-theme` asks for, crossing shadow roots like `lang`
 * does; `''` (follow `prefers-color-scheme`) when there is none or its value is not `light`/`dark`.
 */
export function ancestorTheme(element: Element): Theme {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.hasAttribute(ANCESTOR_THEME_ATTRIBUTE)) {
      const value = node.getAttribute(ANCESTOR_THEME_ATTRIBUTE);
      return value === 'light' || value === 'dark' ? value : '';
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return '';
}

/**
 * Applies the theme an ancestor's `data-cs-theme` asks for, when the element has no `theme` of its
 * own, as the custom state `:state(light)` or `:state(dark)` the styles match next to `[theme=…]`.
 * A state, not an attribute, so the page's markup stays the page's. Re-evaluated on every update and
 * on connection; `LangController`'s document observer requests the update when a `data-cs-theme`
 * changes.
 */
export class AncestorThemeController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement & { theme: Theme };
  private readonly states: CustomStateSet;

  constructor(host: ReactiveControllerHost & HTMLElement & { theme: Theme }) {
    this.host = host;
    this.states = host.attachInternals().states;
    host.addController(this);
  }

  hostConnected(): void {
    this.apply();
  }

  hostUpdate(): void {
    this.apply();
  }

  private apply(): void {
    const inherited = this.host.theme ? '' : ancestorTheme(this.host);
    for (const theme of ['light', 'dark'] as const) {
      if (theme === inherited) this.states.add(theme);
      else this.states.delete(theme);
    }
  }
}
