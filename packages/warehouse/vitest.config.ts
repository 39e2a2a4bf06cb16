import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'warehouse',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // The differential tests start real engines (DuckDB, PGlite, chDB) and run hundreds of datasets; CI runs every package at once on 2 cores, so the limits are generous.
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
