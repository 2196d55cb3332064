import type { ArchitectureDocument } from '@stackdraft/patterns';
import { type Rpc, workerRpc } from '../code/worker-rpc';
import type { ExportedFiles, ExportRequest, ExportResponse, FormatInfo } from './export-job';

/** Lists formats and runs exporters, off the main thread in the browser. */
export interface Exports {
  formats(): Promise<FormatInfo[]>;
  run(format: string, doc: ArchitectureDocument): Promise<ExportedFiles>;
}

function over(rpc: Rpc<ExportRequest, ExportResponse>): Exports {
  return {
    async formats() {
      const r = await rpc({ op: 'list' });
      if (r.op !== 'list') throw new Error('the export worker answered the wrong request');
      return r.formats;
    },
    async run(format, doc) {
      const r = await rpc({ op: 'export', format, doc });
      if (r.op !== 'export') throw new Error('the export worker answered the wrong request');
      return r;
    },
  };
}

let shared: Exports | undefined;

/** The app's exporter: one module worker, started when Export is first used. */
export function exports(): Exports {
  if (!shared) {
    shared =
      typeof Worker === 'undefined'
        ? over(async (request) => (await import('./export-job')).handleExportRequest(request))
        : over(
            workerRpc(
              () =>
                new Worker(new URL('./export.worker.ts', import.meta.url), {
                  type: 'module',
                  name: 'stackdraft-export',
                }),
            ),
          );
  }
  return shared;
}
