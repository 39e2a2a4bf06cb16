import type { PropertyDeclaration } from 'lit';

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
