import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from '../../tools/chromium.js';

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
        // The wrappers in a real browser, rendered by react-dom/client.
        extends: true,
        test: {
          name: 'react',
          include: ['src/**/*.browser.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
