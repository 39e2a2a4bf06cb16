import { createRequire } from 'node:module';
import path from 'node:path';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from '../../tools/chromium.js';

// A fresh object per project: Vitest names the instances it is given.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } }),
  instances: [{ browser: 'chromium' as const }],
});

/** Where an installed package lives (its folder), e.g. the React 18 installed as `react-18`. */
const packageDir = (name: string) => path.dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));

export default defineConfig({
  test: {
    // Building the sample company's reports takes seconds when CI's 2 cores run every package's tests.
    testTimeout: 30_000,
    projects: [
      {
        // What a server rendering React sees: Node, no DOM. Imports the built packages (dist), as users do.
        extends: true,
        test: { name: 'react-ssr', environment: 'node', include: ['src/**/*.node.test.ts'] },
      },
      {
        // The wrappers in a real browser, rendered by react-dom/client: React 19 (the devDependency)…
        extends: true,
        test: {
          name: 'react-19',
          include: ['src/**/*.browser.test.ts'],
          browser: browser(),
          provide: { reactMajor: 19 },
        },
      },
      {
        // …and React 18 (installed as react-18 / react-dom-18), which sets no properties on custom elements
        // and adds no listeners for their events: what @lit/react is for.
        extends: true,
        resolve: {
          alias: [
            { find: /^react(\/.*)?$/, replacement: `${packageDir('react-18')}$1` },
            { find: /^react-dom(\/.*)?$/, replacement: `${packageDir('react-dom-18')}$1` },
          ],
        },
        test: {
          name: 'react-18',
          include: ['src/**/*.browser.test.ts'],
          browser: browser(),
          provide: { reactMajor: 18 },
        },
      },
    ],
  },
});
