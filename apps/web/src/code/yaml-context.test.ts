import { describe, expect, it } from 'vitest';
import { cursorContext as contextIn, hoverTarget as hoverIn, linesOf } from './yaml-context';

const cursorContext = (text: string, line: number, column: number) => contextIn(linesOf(text), line, column);
const hoverTarget = (text: string, line: number, word: string) => hoverIn(linesOf(text), line, word);

const DOC = [
  'stackdraft: 1', // 1
  'name: Orders',
  'nodes:',
  '  - id: q',
  '    kind: queue', // 5
  '    label: Orders queue',
  '    config:',
  '      visibilityTimeoutS: 30',
  '      ',
  '  - id: f', // 10
  '    kind: function',
  '    parent: ',
  '    config: { memoryMb: 512, ',
  'edges:',
  '  - source: q', // 15
  '    target: ',
  '    kind: tr',
].join('\n');

/** Position just after the last character of 1-based `line` in DOC. */
function endOf(line: number): [number, number] {
  return [line, (DOC.split('\n')[line - 1] ?? '').length + 1];
}

describe('cursorContext', () => {
  it('offers node kinds after kind: in nodes and edge kinds in edges', () => {
    expect(cursorContext(DOC, ...endOf(5))).toEqual({ type: 'node-kind', prefix: 'queue' });
    expect(cursorContext(DOC, ...endOf(17))).toEqual({ type: 'edge-kind', prefix: 'tr' });
  });

  it('offers node ids after source, target and parent', () => {
    expect(cursorContext(DOC, ...endOf(12))).toEqual({ type: 'node-ref', field: 'parent', prefix: '' });
    expect(cursorContext(DOC, ...endOf(16))).toEqual({ type: 'node-ref', field: 'target', prefix: '' });
    expect(cursorContext(DOC, ...endOf(15))).toEqual({ type: 'node-ref', field: 'source', prefix: 'q' });
  });

  it('offers config keys of the enclosing node kind in a block mapping, minus those written', () => {
    expect(cursorContext(DOC, ...endOf(9))).toEqual({
      type: 'config-key',
      kind: 'queue',
      prefix: '',
      present: ['visibilityTimeoutS'],
    });
  });

  it('offers config keys in a one-line mapping too', () => {
    expect(cursorContext(DOC, ...endOf(13))).toEqual({
      type: 'config-key',
      kind: 'function',
      prefix: '',
      present: ['memoryMb'],
    });
  });

  it('offers values of a config key', () => {
    expect(cursorContext(DOC, ...endOf(8))).toEqual({
      type: 'config-value',
      kind: 'queue',
      key: 'visibilityTimeoutS',
      prefix: '30',
    });
  });

  it('offers nothing for top-level keys or labels', () => {
    expect(cursorContext(DOC, ...endOf(2))).toEqual({ type: 'none' });
    expect(cursorContext(DOC, ...endOf(6))).toEqual({ type: 'none' });
  });
});

describe('hoverTarget', () => {
  it('finds kinds, config keys and node references', () => {
    expect(hoverTarget(DOC, 5, 'queue')).toEqual({ type: 'kind', id: 'queue' });
    expect(hoverTarget(DOC, 8, 'visibilityTimeoutS')).toEqual({
      type: 'config-key',
      kind: 'queue',
      key: 'visibilityTimeoutS',
    });
    expect(hoverTarget(DOC, 13, 'memoryMb')).toEqual({
      type: 'config-key',
      kind: 'function',
      key: 'memoryMb',
    });
    expect(hoverTarget(DOC, 15, 'q')).toEqual({ type: 'node-ref', id: 'q' });
    expect(hoverTarget(DOC, 6, 'Orders')).toBeUndefined();
  });
});
