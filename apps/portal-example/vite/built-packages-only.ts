import type { Plugin } from 'vite';

const WORKSPACE_SOURCE = /[\\/]packages[\\/][^\\/]+[\\/]src[\\/]/;

/**
 * Fails the build when a module from a workspace package's `src` gets into the pages: they must use
 * the built packages (`dist`, through each package's `exports`), as an app that installed them does,
 * so that the end-to-end tests test what users get.
 */
export function builtPackagesOnly(): Plugin {
  return {
    name: 'built-packages-only',
    load(id) {
      if (WORKSPACE_SOURCE.test(id)) {
        this.error(`${id} is a package's source: import the package by name, which resolves to its dist`);
      }
      return null;
    },
  };
}
