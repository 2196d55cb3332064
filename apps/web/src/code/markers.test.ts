import { type Finding, parseDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { errorMarkers, findingMarkers, nodeIdLines } from './markers';

const VALID = [
  'stackdraft: 1',
  'name: Orders',
  'nodes:',
  '  - id: q',
  '    kind: queue',
  '    label: Orders queue',
  "  - id: 'f'",
  '    kind: function',
  '    label: Worker',
  '    config: { memoryMb: 512 }',
  'edges:',
  '  - id: q',
  '    source: q',
  '    target: f',
  '',
].join('\n');

describe('errorMarkers', () => {
  it('puts a schema error on the line and column of the bad value, with its message', () => {
    const text = VALID.replace('memoryMb: 512', 'memoryMb: lots');
    const r = parseDocument(text, { format: 'yaml' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const [m] = errorMarkers(text, r.errors);
    expect(m?.severity).toBe('error');
    expect(m?.startLine).toBe(10);
    expect(text.split('\n')[9]?.slice((m?.startColumn ?? 1) - 1, (m?.endColumn ?? 1) - 1)).toBe('lots');
    expect(m?.message).toContain('memoryMb');
  });

  it('puts a YAML syntax error on its line', () => {
    const text = VALID.replace('    label: Worker', '    label: [Worker');
    const r = parseDocument(text, { format: 'yaml' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const markers = errorMarkers(text, r.errors);
    expect(markers.length).toBeGreaterThan(0);
    expect(markers[0]?.startLine).toBeGreaterThanOrEqual(9);
    expect(markers[0]?.message).toMatch(/invalid YAML/);
  });

  it('keeps errors without a position on line 1, inside the text', () => {
    const [m] = errorMarkers('a\n', [{ code: 'not-an-object', message: 'empty', path: '', segments: [] }]);
    expect(m).toMatchObject({ startLine: 1, startColumn: 1, endColumn: 2 });
  });
});

describe('findingMarkers', () => {
  it('maps node ids to their - id: lines in nodes only (not edge ids), quoted or not', () => {
    expect([...nodeIdLines(VALID)]).toEqual([
      ['q', 4],
      ['f', 7],
    ]);
  });

  it('puts a finding on each of its nodes as a warning or note, skipping suppressed ones', () => {
    const base: Finding = {
      rule: 'queue-without-dlq',
      key: 'queue-without-dlq:q',
      severity: 'error',
      pillar: 'reliability',
      nodeIds: ['q', 'f'],
      edgeIds: [],
      message: 'The queue has no dead-letter queue.',
    };
    const info: Finding = { ...base, key: 'x', severity: 'info', nodeIds: ['f'] };
    const suppressed: Finding = { ...base, key: 'y', suppressed: { reason: 'accepted' } };
    const markers = findingMarkers(VALID, [base, info, suppressed]);
    expect(markers.map((m) => [m.startLine, m.severity, m.source])).toEqual([
      [4, 'warning', 'queue-without-dlq'],
      [7, 'warning', 'queue-without-dlq'],
      [7, 'info', 'queue-without-dlq'],
    ]);
    expect(markers[0]).toMatchObject({ startColumn: 3, endColumn: 10 });
  });
});
