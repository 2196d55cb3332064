import './zod-jitless';
import { type ArchitectureDocument, loadDocument } from '@stackdraft/patterns';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { inlineAnalyzer, startAnalysis, workerAnalyzer } from './analysis/analysis-store';
import { canvasApi } from './canvas/canvas-api';
import { layoutInputOf, layoutInWorker, prewarmLayout } from './layout/auto-layout';
import { createAutosave } from './persistence/autosave';
import { setAutosave } from './persistence/instance';
import { bootRoute } from './share/boot';
import { queryClient } from './share/query';
import { editorStore } from './store/editor-store';
import type { Theme } from './store/ui-slice';
import './index.css';

function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem('stackdraft:theme');
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage may be blocked; fall back to the system preference.
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Dev and test builds expose the store and a loader, so end-to-end tests and benchmarks can seed designs. */
function installTestHook() {
  const w = window as unknown as { __stackdraft?: unknown };
  w.__stackdraft = {
    store: editorStore,
    canvas: canvasApi,
    /** Replaces the design with `raw` (checked like a file); throws with the errors when invalid. */
    load(raw: unknown) {
      const r = loadDocument(raw);
      if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
      canvasApi.fitDocument(r.document);
      editorStore.getState().replaceDocument(r.document);
    },
    /** Lays out a (valid) design in the layout worker; resolves with the worker's time, applies nothing. */
    async layout(doc: ArchitectureDocument) {
      const { ms } = await layoutInWorker(layoutInputOf(doc));
      return ms;
    },
  };
}

async function start() {
  editorStore.getState().setTheme(initialTheme());
  // `/` edits the local design; `/d/<id>` a shared one (its copy in this browser, then the server's).
  const boot = bootRoute();
  const autosave = createAutosave({
    store: editorStore,
    storage: boot.storage,
    ...(boot.channel ? { channel: boot.channel } : {}),
    ...(boot.backup ? { backup: boot.backup } : {}),
  });
  setAutosave(autosave);
  // Restore before the first render, so the canvas opens on the saved design (no empty flash).
  const restored = await autosave.restore();
  autosave.start();
  await boot.afterRestore(restored === 'restored');
  startAnalysis(editorStore, typeof Worker === 'undefined' ? inlineAnalyzer : workerAnalyzer());
  if (import.meta.env.DEV || import.meta.env.VITE_TEST_HOOKS === '1') installTestHook();

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
  prewarmLayout();
}

void start();
