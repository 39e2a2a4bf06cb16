import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from '../../tools/chromium.js';

const here = path.dirname(fileURLToPath(import.meta.url));

// Every story is a test: it must render without errors, pass its play function and have no axe violations.
export default defineConfig({
  plugins: [storybookTest({ configDir: path.join(here, '.storybook') })],
  test: {
    name: 'storybook',
    // Stories of the whole sample company and their axe runs take seconds on CI's 2 busy cores.
    testTimeout: 30_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
