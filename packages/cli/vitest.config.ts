import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The CI machine has 2 shared cores; timing belongs in benchmarks, so tests get room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
