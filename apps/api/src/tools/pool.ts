import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { ApiError } from '../http/errors';
import type { ToolJob, ToolOutcome } from './run-tool';

interface Pending {
  id: number;
  job: ToolJob;
  resolve: (outcome: ToolOutcome) => void;
}

interface Slot {
  worker: Worker;
  busy?: Pending;
}

const internal = (): ToolOutcome => ({
  ok: false,
  status: 500,
  error: new ApiError(500, 'internal', 'Something went wrong on the server. Please try again.').toBody(),
});

/** The worker script next to this module: `.ts` under tsx and vitest, `.mjs` in the built bundle. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./worker.ts', import.meta.url)
    : new URL('./worker.mjs', import.meta.url);
}

/** Worker threads for a CPU-bound pool: one per core, at most 8. */
export const defaultToolWorkers = () => Math.max(1, Math.min(8, availableParallelism()));

/**
 * Worker threads for the document tools (validate, cost, export). Checking a 2,000-node design
 * takes tens of milliseconds of CPU; on the event loop it would stall every other request (reads,
 * saves) for that long. Here the main thread only moves bytes: the raw body goes to a worker
 * (transferred, not copied) and a finished JSON string or zip comes back. Jobs queue when every
 * worker is busy; a worker that dies fails its job with a 500 and is replaced.
 */
export class ToolPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    size: number = defaultToolWorkers(),
    private readonly logger?: Logger,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const url = workerUrl();
    // Running from TypeScript source (tsx, vitest), the worker registers tsx's loader itself:
    // loader hooks of the main thread do not reach worker threads.
    const worker = url.pathname.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`,
          { eval: true },
        )
      : new Worker(url);
    const slot: Slot = { worker };
    worker.on('message', (msg: { id: number; outcome?: ToolOutcome; crash?: string }) => {
      const job = slot.busy;
      if (!job || job.id !== msg.id) return;
      slot.busy = undefined;
      worker.unref();
      if (msg.crash) this.logger?.error({ err: msg.crash, tool: job.job.tool }, 'tool failed');
      job.resolve(msg.outcome ?? internal());
      this.dispatch();
    });
    worker.on('error', (err) => this.logger?.error({ err }, 'tool worker crashed'));
    worker.on('exit', () => {
      const job = slot.busy;
      slot.busy = undefined;
      job?.resolve(internal());
      if (this.closed) return;
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots[index] = this.spawn();
      this.dispatch();
    });
    // Idle workers must not keep a stopping process alive; a busy one does (see dispatch).
    worker.unref();
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const next = this.queue.shift();
      if (!next) return;
      slot.busy = next;
      slot.worker.ref();
      const transfer =
        next.job.body.byteOffset === 0 && next.job.body.byteLength === next.job.body.buffer.byteLength;
      slot.worker.postMessage(
        { id: next.id, job: next.job },
        transfer ? [next.job.body.buffer as ArrayBuffer] : [],
      );
    }
  }

  /** Runs a job on the next free worker. */
  run = (job: ToolJob): Promise<ToolOutcome> => {
    if (this.closed) return Promise.resolve(internal());
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, job, resolve });
      this.dispatch();
    });
  };

  /** Stops the workers (after the HTTP server has drained, so no job is lost). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
