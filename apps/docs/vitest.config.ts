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
          // One pass opens every story and docs page; on CI it takes minutes, on a machine shared with
          // other builds much longer. Each page has its own 20 s limit, so a hang is still found.
          hookTimeout: 1_800_000,
        },
      },
    ],
  },
});
