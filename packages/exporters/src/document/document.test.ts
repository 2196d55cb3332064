import { parseDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { templateDocument } from '../test/hostile';
import { documentFileName, jsonExporter, yamlExporter } from './index';

describe('document export', () => {
  const d = { ...templateDocument('queue-processing'), name: 'Orders: platform / v2' };

  it.each([
    ['json', jsonExporter],
    ['yaml', yamlExporter],
  ] as const)('writes %s that reads back to the same document', (format, exporter) => {
    const [file] = exporter.export(d).files;
    expect(file?.path).toBe(`orders-platform-v2.stackdraft.${format}`);
    const back = parseDocument(file?.content ?? '', { format });
    expect(back.ok && back.document).toEqual(d);
  });

  it('names the file after the design, or "design" when the name has no usable character', () => {
    expect(documentFileName({ ...d, name: '🚀' }, 'yaml')).toBe('design.stackdraft.yaml');
  });
});
