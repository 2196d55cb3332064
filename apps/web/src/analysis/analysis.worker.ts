/// <reference lib="webworker" />
import '../zod-jitless';
import type { ArchitectureDocument } from '@stackdraft/patterns';
import { analyseDocument } from './engine';

/**
 * The analysis worker: validation and cost of each new version of the design run here, so a large
 * design never blocks a frame of the editor while it is checked.
 */
self.onmessage = (e: MessageEvent<{ id: number; doc: ArchitectureDocument }>) => {
  const { id, doc } = e.data;
  try {
    self.postMessage({ id, result: analyseDocument(doc) });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
