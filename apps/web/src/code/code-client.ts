import type { ArchitectureDocument } from '@stackdraft/patterns';
import type { CodeRequest, CodeResponse } from './code-text';
import { type Rpc, workerRpc } from './worker-rpc';

/** Serializes and parses designs for the code view, somewhere off the typing path. */
export interface CodeText {
  serialize(doc: ArchitectureDocument): Promise<string>;
  parse(text: string): Promise<Extract<CodeResponse, { op: 'parse' }>>;
}

function over(rpc: Rpc<CodeRequest, CodeResponse>): CodeText {
  return {
    async serialize(doc) {
      const r = await rpc({ op: 'serialize', doc });
      if (r.op !== 'serialize') throw new Error('the code worker answered the wrong request');
      return r.text;
    },
    async parse(text) {
      const r = await rpc({ op: 'parse', text });
      if (r.op !== 'parse') throw new Error('the code worker answered the wrong request');
      return r;
    },
  };
}

/** The browser's: a module worker started when the code view first opens. */
export function workerCodeText(): CodeText {
  return over(
    workerRpc(
      () =>
        new Worker(new URL('./code.worker.ts', import.meta.url), { type: 'module', name: 'stackdraft-code' }),
    ),
  );
}

/** In-process (tests, and browsers without module workers). */
export function inlineCodeText(): CodeText {
  return over(async (request) => (await import('./code-text')).handleCodeRequest(request));
}
