import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'warehouse',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // The differential tests start real engines (DuckDB, PGlite, chDB) and run hundreds of datasets.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
