import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'connectors',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Property tests and sample-company tests run for seconds when CI's 2 cores run every package's tests
    // at once; the 5 s default made them flaky there.
    // 30 s was not enough: under a load of 10 a sync-and-resume test took 18 s and a first import 27 s.
    testTimeout: 120_000,
    // The SQL tests start a Postgres (PGlite, WASM) and DuckDB in their hooks: 1–3 s alone, more on shared cores.
    hookTimeout: 60_000,
  },
});
