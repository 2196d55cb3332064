/// <reference lib="webworker" />
import ELK from 'elkjs/lib/elk.bundled.js';
import { type LayoutInput, layoutHierarchy } from './hierarchy';

/**
 * The auto-layout worker: ELK (about 440 KB gzip) is loaded here only, on the first layout, and
 * runs off the main thread so the editor stays responsive while a large design is laid out.
 */
const elk = new ELK();

// The bundled ELK claims `self.onmessage` when it loads inside a worker; this replaces that.
self.onmessage = async (e: MessageEvent<{ id: number; input: LayoutInput }>) => {
  const { id, input } = e.data;
  const started = performance.now();
  try {
    const result = await layoutHierarchy(elk, input);
    self.postMessage({ id, result, ms: performance.now() - started });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
