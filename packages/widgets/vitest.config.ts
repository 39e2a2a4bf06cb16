import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from '../../tools/chromium.js';

export default defineConfig({
  test: {
    name: 'widgets',
    include: ['src/**/*.test.ts'],
    // axe runs and sample-company reports take seconds when CI's 2 cores run every package's tests at once.
    testTimeout: 30_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
