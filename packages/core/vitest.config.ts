import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'core',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Property tests and sample-company tests run for seconds when CI's 2 cores run every package's tests
    // at once; the 5 s default made them flaky there.
    testTimeout: 30_000,
  },
});
