import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, validate } from './engine';
import { design, edge, findingsOfRule, node } from './test-support';

const messy = (suppressions?: { rule: string; nodeId?: string; edgeId?: string; reason: string }[]) =>
  design({
    nodes: [
      node('users', 'client'),
      node('db', 'sql-database'),
      node('q', 'queue'),
      node('fn', 'function'),
      node('lonely', 'cache'),
    ],
    edges: [edge('users', 'db', 'sync'), edge('q', 'fn', 'trigger')],
    ...(suppressions ? { suppressions } : {}),
  });

describe('validate', () => {
  it('lists errors first, then warnings, then notes, by rule', () => {
    const { findings } = validate(messy());
    expect(findings.map((f) => `${f.severity}:${f.rule}`)).toEqual([
      'error:public-database',
      'warning:orphan-node',
      'warning:queue-without-dlq',
      'warning:single-az-database',
    ]);
  });

  it('returns plain JSON with a stable key per finding', () => {
    const result = validate(messy());
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.findings.map((f) => f.key)).toContain('public-database:db');
    expect(new Set(result.findings.map((f) => f.key)).size).toBe(result.findings.length);
  });

  it('runs once per document object', () => {
    const doc = messy();
    expect(findingsOf(doc)).toBe(findingsOf(doc));
  });

  it('keeps suppressed findings, with the reason, and does not count them in the score', () => {
    const plain = validate(messy());
    const accepted = validate(
      messy([{ rule: 'orphan-node', nodeId: 'lonely', reason: 'wired up in the next sprint' }]),
    );
    const orphan = accepted.findings.find((f) => f.rule === 'orphan-node');
    expect(orphan?.suppressed).toEqual({ reason: 'wired up in the next sprint' });
    expect(accepted.findings).toHaveLength(plain.findings.length);
    const oe = (r: typeof plain) => r.score.pillars.find((p) => p.pillar === 'operational-excellence')?.score;
    expect(oe(plain)).toBeLessThan(100);
    expect(oe(accepted)).toBe(100);
    expect(accepted.score.counts).toEqual({ error: 1, warning: 2, info: 0, suppressed: 1 });
  });

  it('matches a suppression on the node or edge it names, and only the same rule', () => {
    const byEdge = messy([{ rule: 'public-database', edgeId: 'e-users-db', reason: 'demo only' }]);
    expect(findingsOfRule(byEdge, 'public-database')[0]?.suppressed).toEqual({ reason: 'demo only' });
    const otherNode = messy([{ rule: 'single-az-database', nodeId: 'fn', reason: 'wrong node' }]);
    expect(findingsOfRule(otherNode, 'single-az-database')[0]?.suppressed).toBeUndefined();
    const otherRule = messy([{ rule: 'orphan-node', nodeId: 'db', reason: 'wrong rule' }]);
    expect(findingsOfRule(otherRule, 'single-az-database')[0]?.suppressed).toBeUndefined();
  });

  it('does not throw on a design with no nodes', () => {
    expect(validate(design({ nodes: [] }))).toMatchObject({ findings: [], score: { overall: 100 } });
  });
});

describe('applyFix', () => {
  it('returns the document unchanged for a finding that is gone, has no fix, or an unknown rule', () => {
    const doc = messy();
    const fixed = applyFix(doc, findingsOfRule(doc, 'queue-without-dlq')[0] as never);
    expect(fixed).not.toBe(doc);
    expect(applyFix(fixed, findingsOfRule(doc, 'queue-without-dlq')[0] as never)).toBe(fixed);
    expect(applyFix(doc, findingsOfRule(doc, 'orphan-node')[0] as never)).toBe(doc);
    expect(applyFix(doc, { rule: 'no-such-rule', key: 'no-such-rule:x' })).toBe(doc);
  });

  it('fixes what the current document holds when given a finding from an older version', () => {
    const doc = messy();
    const old = findingsOfRule(doc, 'single-az-database')[0];
    const renamed = {
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === 'db' ? { ...n, label: 'Orders DB' } : n)),
    };
    const fixed = applyFix(renamed, old as never);
    expect(fixed.nodes.find((n) => n.id === 'db')).toMatchObject({
      label: 'Orders DB',
      config: { multiAz: true },
    });
  });
});
