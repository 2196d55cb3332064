import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Integration tests start databases (PGlite: ~3 s for a new directory) and server processes.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
