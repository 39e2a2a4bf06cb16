// A server that renders React imports the wrappers, and through them the elements, in Node: no
// window, no document. Lit's `node` export condition brings its own small DOM shim
// (@lit-labs/ssr-dom-shim: `customElements`, `HTMLElement`), so the packages must touch nothing else of
// the DOM at import time. These tests import every entry point of the built packages, as users get them.
import { createRequire } from 'node:module';
import { createElement, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);

interface PackageJson {
  readonly exports: Readonly<Record<string, unknown>>;
}

interface Manifest {
  readonly modules: readonly { readonly declarations?: readonly { readonly tagName?: string }[] }[];
}

/** The module specifiers of a package's `exports` map, but its JSON files. */
function entryPoints(name: string): string[] {
  const { exports } = require(`${name}/package.json`) as PackageJson;
  return Object.keys(exports)
    .filter((key) => !key.endsWith('.json'))
    .map((key) => name + key.slice(1));
}

const widgetEntries = entryPoints('@cskit/widgets');
const reactEntries = entryPoints('@cskit/react');
const tags = (require('@cskit/widgets/custom-elements.json') as Manifest).modules
  .flatMap((module) => module.declarations ?? [])
  .flatMap((declaration) => (declaration.tagName ? [declaration.tagName] : []))
  .sort();

/** `cs-churn-chart` → `churn-chart`, the wrapper's entry point. */
const entryName = (tag: string) => tag.replace(/^cs-/, '');
/** `cs-churn-chart` → `ChurnChart`, the wrapper's name. */
const componentName = (tag: string) =>
  entryName(tag).replace(/(?:^|-)([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/** The first import transforms Lit and the elements from cold: 27 s were seen on a CI machine with a load of 10. */
const IMPORT_TIMEOUT = 120_000;

beforeAll(() => {
  // Else these tests would prove nothing: a DOM environment would hide access to window and document.
  expect(typeof window).toBe('undefined');
  expect(typeof document).toBe('undefined');
});

describe('in Node, without a DOM', () => {
  it('finds the entry points it imports', () => {
    // Every element has a registering entry and a class-only one, and a wrapper with its own entry.
    expect(tags.length).toBeGreaterThanOrEqual(6);
    // …and the widgets' one entry that is no element: `preloadLocale`.
    expect(widgetEntries.sort()).toEqual(
      [
        '@cskit/widgets/locales',
        ...tags.flatMap((tag) => [`@cskit/widgets/${entryName(tag)}`, `@cskit/widgets/${entryName(tag)}/class`]),
      ].sort(),
    );
    expect(reactEntries.sort()).toEqual(
      ['@cskit/react', ...tags.map((tag) => `@cskit/react/${entryName(tag)}`)].sort(),
    );
  });

  it.each(widgetEntries)(
    'imports %s',
    async (entry) => {
      const module: Record<string, unknown> = await import(entry);
      expect(Object.keys(module).length).toBeGreaterThan(0);
    },
    IMPORT_TIMEOUT,
  );

  it('preloads a language, whose module touches no DOM either', async () => {
    const { preloadLocale } = await import('@cskit/widgets/locales');
    const warn = vi.spyOn(console, 'warn');
    await preloadLocale('es-MX');
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it.each(reactEntries)(
    'imports %s',
    async (entry) => {
      const module: Record<string, unknown> = await import(entry);
      expect(Object.keys(module).length).toBeGreaterThan(0);
    },
    IMPORT_TIMEOUT,
  );

  it.each(tags)('renders the wrapper of <%s> to a string, from the root and from its own entry', async (tag) => {
    const root: Record<string, unknown> = await import('@cskit/react');
    const own: Record<string, unknown> = await import(`@cskit/react/${entryName(tag)}`);
    const name = componentName(tag);
    expect(Object.keys(own)).toEqual([name]);
    expect(root[name]).toBe(own[name]);

    const Wrapper = own[name] as ComponentType<Record<string, unknown>>;
    const html = renderToString(
      createElement(Wrapper, {
        id: 'widget',
        className: 'portal-card',
        label: 'Numbers',
        data: { version: 1, months: [] },
        onCsDataError: () => undefined,
      }),
    );
    // The element's own rendering happens in the browser; the server sends the tag and its attributes.
    expect(html).toBe(`<${tag} id="widget" class="portal-card"></${tag}>`);
  });
});
