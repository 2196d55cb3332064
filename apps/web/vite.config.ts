import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { proxy: { '/api': 'http://localhost:8080' } },
  // The layout worker is an ES module worker: it is code-split and loaded on first use.
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // ELK (~440 KB gzip) lives in the worker chunk; nothing heavy is in the entry.
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    // The CI machine has 2 shared cores; timing belongs in benchmarks, so tests get room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    setupFiles: ['src/test/setup.ts'],
  },
});
