import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'cli',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // --sample tests generate and analyse the whole sample company; on a 2-core CI machine running every
    // package's tests at once that takes well over the 5 s default.
    // 30 s was not enough: under a load of 10 a sync-and-resume test took 18 s and a first import 27 s.
    testTimeout: 120_000,
    // The SQL sync tests start a Postgres (PGlite, WASM) and DuckDB in their hooks.
    hookTimeout: 60_000,
  },
});
