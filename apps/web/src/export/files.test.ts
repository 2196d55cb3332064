import { emptyDocument, insertTemplate } from '@stackdraft/patterns';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { handleExportRequest } from './export-job';
import { languageFor, MAX_CANVAS_SIDE, pngSize, zipFiles } from './files';

describe('languageFor', () => {
  it('highlights each generated file type', () => {
    expect(languageFor('main.tf')).toBe('hcl');
    expect(languageFor('lib/us-east-1-stack.ts')).toBe('typescript');
    expect(languageFor('k8s/orders.yaml')).toBe('yaml');
    expect(languageFor('cdk.json')).toBe('javascript');
    expect(languageFor('design.drawio')).toBe('xml');
    expect(languageFor('design.svg')).toBe('xml');
    expect(languageFor('README.md')).toBe('markdown');
    expect(languageFor('design.mmd')).toBe('plaintext');
  });
});

describe('zipFiles', () => {
  it('keeps every path and content', () => {
    const files = [
      { path: 'main.tf', content: 'resource "aws_sqs_queue" "q" {}\n' },
      { path: 'lib/stack.ts', content: "export const label = 'Ünïcode ✓';\n" },
    ];
    const back = unzipSync(zipFiles(files));
    expect(Object.keys(back).sort()).toEqual(['lib/stack.ts', 'main.tf']);
    expect(strFromU8(back['lib/stack.ts'] as Uint8Array)).toBe(files[1]?.content);
  });
});

describe('pngSize', () => {
  it('reads width and height, or the viewBox', () => {
    expect(pngSize('<svg xmlns="x" width="400" height="300">', 2)).toEqual({
      width: 400,
      height: 300,
      scale: 2,
    });
    expect(pngSize('<svg viewBox="0 0 640 480">', 1)).toEqual({ width: 640, height: 480, scale: 1 });
  });

  it('scales huge drawings down to what a canvas can hold', () => {
    const { width, scale } = pngSize('<svg width="20000" height="1000">', 2);
    expect(width * scale).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
  });
});

describe('handleExportRequest', () => {
  it('lists every registry format and exports Terraform of a template', async () => {
    const list = await handleExportRequest({ op: 'list' });
    if (list.op !== 'list') throw new Error('wrong answer');
    expect(list.formats.map((f) => f.format)).toEqual(
      expect.arrayContaining(['terraform', 'cdk', 'k8s', 'asl', 'mermaid', 'drawio', 'svg', 'json', 'yaml']),
    );
    const doc = insertTemplate(emptyDocument(), 'queue-processing').document;
    const r = await handleExportRequest({ op: 'export', format: 'terraform', doc });
    if (r.op !== 'export') throw new Error('wrong answer');
    expect(r.files.some((f) => f.content.includes('resource "aws_sqs_queue"'))).toBe(true);
  });

  it('names an unknown format', async () => {
    await expect(handleExportRequest({ op: 'export', format: 'nope', doc: emptyDocument() })).rejects.toThrow(
      /"nope"/,
    );
  });
});
