import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import type { BrowserCommand } from 'vitest/node';
import { chromiumArgs, chromiumPath } from '../../tools/chromium.js';
import type { MediaFeatures } from './src/test-support/media.js';

/**
 * Emulates `prefers-color-scheme` / `prefers-reduced-motion` for the test page (Playwright's
 * `page.emulateMedia`); tests call it through src/test-support/media.ts, which types it.
 */
const emulateMedia: BrowserCommand<[features: MediaFeatures]> = async ({ page }, features) => {
  await page.emulateMedia(features);
};

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
      commands: { emulateMedia },
    },
  },
});
