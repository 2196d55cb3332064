import { parentPort } from 'node:worker_threads';
import { runTool, type ToolJob, type ToolOutcome } from './run-tool';

/** A tool worker: runs jobs one at a time and posts each outcome back with the job's id. */
parentPort?.on('message', ({ id, job }: { id: number; job: ToolJob }) => {
  let outcome: ToolOutcome;
  try {
    outcome = runTool(job);
  } catch (err) {
    // An unexpected failure: the main thread logs it and answers 500 without detail.
    parentPort?.postMessage({ id, crash: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    return;
  }
  const transfer = outcome.ok && typeof outcome.body !== 'string' ? [outcome.body.buffer as ArrayBuffer] : [];
  parentPort?.postMessage({ id, outcome }, transfer);
});
