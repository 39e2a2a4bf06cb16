import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from '../../tools/chromium.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  test: {
    // Stories of the whole sample company and their axe runs take seconds on CI's 2 busy cores.
    testTimeout: 30_000,
    projects: [
      {
        // Every story is a test in dev mode: it must render without errors, pass its play function and
        // have no axe violations.
        extends: true,
        plugins: [storybookTest({ configDir: path.join(here, '.storybook') })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        // The built site (`pnpm docs:build`, a production bundle) served as users get it: dev mode cannot
        // see what the production bundle drops.
        extends: true,
        test: {
          name: 'static-site',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
