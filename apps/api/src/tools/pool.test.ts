import { generateLargeDocument } from '@stackdraft/patterns/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../domain/document-input';
import { ToolPool } from './pool';
import { runTool, type ToolJob } from './run-tool';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const job = (tool: ToolJob['tool'], body: unknown): ToolJob => ({
  tool,
  body: bytes(body),
  limits: DEFAULT_LIMITS,
});

describe('ToolPool', () => {
  const pool = new ToolPool(2);
  afterAll(() => pool.close());

  it('gives the same answers on worker threads as on the calling thread, for many jobs at once', async () => {
    const docs = [
      generateLargeDocument(50, 60),
      generateLargeDocument(300, 400),
      { stackdraft: 1, name: '' },
    ];
    const jobs = docs.flatMap((d) => [job('validate', { document: d }), job('cost', { document: d })]);
    const expected = jobs.map((j) => runTool({ ...j, body: j.body.slice() }));
    const outcomes = await Promise.all(jobs.map((j) => pool.run(j)));
    expect(outcomes).toEqual(expected);
    expect(outcomes.map((o) => (o.ok ? 200 : o.status))).toEqual([200, 200, 200, 200, 422, 422]);
  });

  it('answers garbage with the same errors as the routes', async () => {
    const outcome = await pool.run({
      tool: 'validate',
      body: new TextEncoder().encode('{"document":'),
      limits: DEFAULT_LIMITS,
    });
    expect(outcome).toMatchObject({ ok: false, status: 400, error: { error: { code: 'invalid-json' } } });
  });

  it('refuses work after close with a 500, never a hang', async () => {
    const closing = new ToolPool(1);
    await closing.close();
    expect(await closing.run(job('validate', { document: {} }))).toMatchObject({ ok: false, status: 500 });
  });
});
