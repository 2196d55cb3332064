/**
 * A request/response channel to a module worker: each call gets an id, the worker answers
 * `{ id, result }` or `{ id, error }`. A worker that fails to start rejects everything pending and
 * is started afresh on the next call.
 */
export type Rpc<Req, Res> = (request: Req) => Promise<Res>;

/** Wraps a worker factory (`() => new Worker(new URL(...))`) as an async function. */
export function workerRpc<Req, Res>(start: () => Worker): Rpc<Req, Res> {
  let worker: Worker | undefined;
  let seq = 0;
  const pending = new Map<number, { resolve(r: Res): void; reject(e: Error): void }>();
  const fail = (message: string) => {
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
    worker?.terminate();
    worker = undefined;
  };
  return (request) => {
    if (!worker) {
      worker = start();
      worker.onmessage = (e: MessageEvent<{ id: number; result?: Res; error?: string }>) => {
        const p = pending.get(e.data.id);
        pending.delete(e.data.id);
        if (e.data.error !== undefined) p?.reject(new Error(e.data.error));
        else p?.resolve(e.data.result as Res);
      };
      worker.onerror = (e) => fail(e.message || 'the worker could not start');
    }
    const id = ++seq;
    const w = worker;
    return new Promise<Res>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, request });
    });
  };
}

/** The worker side: answers each request with `handle`'s result or its error message. */
export function serveRpc<Req, Res>(handle: (request: Req) => Res | Promise<Res>): void {
  const scope = self as unknown as {
    onmessage: ((e: MessageEvent<{ id: number; request: Req }>) => void) | null;
    postMessage(message: unknown): void;
  };
  scope.onmessage = async (e) => {
    const { id, request } = e.data;
    try {
      scope.postMessage({ id, result: await handle(request) });
    } catch (err) {
      scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
    }
  };
}
