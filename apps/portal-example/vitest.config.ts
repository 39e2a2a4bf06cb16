import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Node drives Debian's Chromium through Playwright; the backend runs in the test's process.
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Page loads, the sample company's JSON and Chromium's start take seconds on CI's 2 busy cores, and
    // tens of seconds when every package's tests run at once there (a test takes about 2 s when idle).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
