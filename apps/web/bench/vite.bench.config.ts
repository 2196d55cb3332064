import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const web = fileURLToPath(new URL('..', import.meta.url));

/** Both benchmark pages in one build: the editor (with its test hook) and the bare React Flow page. */
export default defineConfig({
  root: web,
  plugins: [react(), tailwindcss()],
  worker: { format: 'es' },
  define: { 'import.meta.env.VITE_TEST_HOOKS': JSON.stringify('1') },
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    minify: process.env.BENCH_NO_MINIFY !== '1',
    rollupOptions: {
      input: { editor: `${web}index.html`, bare: `${web}bench/bare.html` },
    },
  },
});
