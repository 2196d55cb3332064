import { parse } from '@cdktf/hcl2json';
import type { ImportResult } from '@stackdraft/exporters';
import { emptyDocument } from '@stackdraft/patterns';
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { editorStore } from '../store/editor-store';
import { ImportReportDialog } from './ImportReportDialog';
import { importTerraformFiles } from './import-terraform';

const PIPELINE = `
resource "aws_sqs_queue" "dlq" {
  name = "orders-dlq"
}
resource "aws_sqs_queue" "orders" {
  name           = "orders"
  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn, maxReceiveCount = 4 })
}
resource "aws_iam_user" "ci" {
  name = "ci"
}
`;

// Node's hcl2json stands in for the browser WASM loader (tested on its own in hcl-parser.test.ts).
const parser = async () => parse;
const commit = async (doc: ImportResult['document'], label: string) =>
  editorStore.getState().commit(label, { ok: true, doc, select: { nodes: [], edges: [] } });

beforeEach(() => {
  editorStore.getState().commit('Start', { ok: true, doc: { ...emptyDocument('Before'), nodes: [] } });
});
afterEach(() => vi.restoreAllMocks());

describe('Import Terraform in the web app', () => {
  it('replaces the design as one undo step and shows the report', async () => {
    const show = vi.fn();
    const ok = await importTerraformFiles([{ path: 'queues.tf', content: PIPELINE }], {
      parser,
      open: commit,
      show,
    });
    expect(ok).toBe(true);
    const { doc } = editorStore.getState();
    expect(doc.name).toBe('Imported from queues.tf');
    expect(doc.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['dlq', 'dead-letter-queue'],
      ['orders', 'queue'],
    ]);
    expect(show).toHaveBeenCalledOnce();
    const [result] = show.mock.calls[0] as [ImportResult];
    expect(result.report.unmapped.map((u) => u.address)).toEqual(['aws_iam_user.ci']);
    editorStore.getState().undo();
    expect(editorStore.getState().doc.name).toBe('Before');
  });

  it('leaves the design unchanged on malformed HCL and says where', async () => {
    const open = vi.fn(commit);
    const ok = await importTerraformFiles([{ path: 'bad.tf', content: 'resource "a" "b" {\n  x = \n}\n' }], {
      parser,
      open,
      show: vi.fn(),
    });
    expect(ok).toBe(false);
    expect(open).not.toHaveBeenCalled();
    expect(editorStore.getState().doc.name).toBe('Before');
    const notice = editorStore.getState().notices.at(-1);
    expect(notice?.tone).toBe('error');
    expect(notice?.text).toMatch(
      /^Terraform import failed: bad\.tf:2:7: Invalid expression.*Your design was not changed\.$/,
    );
  });

  it('lists what was not mapped, grouped, in an accessible dialog', () => {
    render(
      <ImportReportDialog
        fileNames={['main.tf']}
        nodeCount={2}
        edgeCount={1}
        report={{
          mapped: [{ address: 'aws_sqs_queue.orders', nodeId: 'orders', kind: 'queue' }],
          unmapped: [
            {
              address: 'aws_iam_user.ci',
              reason: 'no catalog kind for aws_iam_user, and no mapped resource uses it',
            },
            {
              address: 'aws_sqs_queue_policy.orders',
              reason: 'supporting resource of orders (queue)',
              supports: 'orders',
            },
          ],
          warnings: [{ message: 'a warning', address: 'aws_sqs_queue.orders' }],
        }}
        onClose={() => undefined}
      />,
    );
    expect(screen.getByRole('dialog', { name: 'Terraform imported' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Not mapped (1)' }).textContent).toContain(
      'aws_iam_user.ci: no catalog kind',
    );
    expect(screen.getByRole('region', { name: 'Supporting resources (1)' }).textContent).toContain(
      'orders: aws_sqs_queue_policy.orders',
    );
    expect(screen.getByRole('region', { name: 'Warnings (1)' }).textContent).toContain(
      'aws_sqs_queue.orders: a warning',
    );
  });
});
