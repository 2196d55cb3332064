import { describe, expect, it } from 'vitest';
import type { Finding, Pillar, Severity } from '../rules/types';
import { scoreFindings } from './score';

let n = 0;
const finding = (rule: string, pillar: Pillar, severity: Severity, suppressed?: string): Finding => ({
  rule,
  key: `${rule}:${n++}`,
  severity,
  pillar,
  nodeIds: ['x'],
  edgeIds: [],
  message: `${rule} found`,
  ...(suppressed ? { suppressed: { reason: suppressed } } : {}),
});
const pillar = (s: ReturnType<typeof scoreFindings>, p: Pillar) => s.pillars.find((x) => x.pillar === p);

describe('scoreFindings', () => {
  it('gives 100 everywhere to a design with no open findings', () => {
    const s = scoreFindings([]);
    expect(s.overall).toBe(100);
    expect(s.pillars.map((p) => p.score)).toEqual([100, 100, 100, 100, 100, 100]);
    expect(s.pillars.map((p) => p.label)).toEqual([
      'Operational excellence',
      'Security',
      'Reliability',
      'Performance efficiency',
      'Cost optimization',
      'Sustainability',
    ]);
  });

  it('takes points by severity from the finding’s pillar, and explains them', () => {
    const s = scoreFindings([
      finding('gateway-without-auth', 'security', 'warning'),
      finding('x', 'security', 'info'),
    ]);
    expect(pillar(s, 'security')).toMatchObject({
      score: 90,
      deductions: [
        {
          rule: 'gateway-without-auth',
          severity: 'warning',
          points: 8,
          message: 'gateway-without-auth found',
        },
        { rule: 'x', severity: 'info', points: 2 },
      ],
    });
    expect(s.overall).toBe(98); // (5 x 100 + 90) / 6 = 98.3
  });

  it('counts repeats of one rule less and less', () => {
    const s = scoreFindings([1, 2, 3].map(() => finding('orphan-node', 'operational-excellence', 'warning')));
    expect(pillar(s, 'operational-excellence')?.deductions.map((d) => d.points)).toEqual([8, 4, 2]);
    expect(pillar(s, 'operational-excellence')?.score).toBe(86);
  });

  it('lowers the pillars a rule also affects by half as much', () => {
    const s = scoreFindings([finding('sync-chain', 'reliability', 'warning')]);
    expect(pillar(s, 'reliability')?.score).toBe(92);
    expect(pillar(s, 'performance-efficiency')?.score).toBe(96);
  });

  it('ignores suppressed findings but counts them', () => {
    const s = scoreFindings([finding('public-database', 'security', 'error', 'demo data only')]);
    expect(s.overall).toBe(100);
    expect(s.counts).toEqual({ error: 0, warning: 0, info: 0, suppressed: 1 });
  });

  it('holds the overall score at 60 while an error is open, and never goes below 0', () => {
    const s = scoreFindings([finding('public-database', 'security', 'error')]);
    expect(pillar(s, 'security')?.score).toBe(80);
    expect(s).toMatchObject({ overall: 60, cappedByErrors: true });
    const many = scoreFindings(['a', 'b', 'c', 'd', 'e', 'f'].map((r) => finding(r, 'security', 'error')));
    expect(pillar(many, 'security')?.score).toBe(0);
  });
});
