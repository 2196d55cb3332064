import { findRule } from '../rules/registry';
import { type Finding, PILLARS, type Pillar, type Severity } from '../rules/types';

/** Points one finding takes from its pillar; further findings of the same rule take half as much each. */
export const SEVERITY_POINTS: Readonly<Record<Severity, number>> = { error: 20, warning: 8, info: 2 };
/** A pillar a rule also affects (`alsoAffects`) loses this share of the points. */
export const SECONDARY_SHARE = 0.5;
/** The overall score stays at or below this while an error-level finding is open. */
export const ERROR_CAP = 60;

/** One finding's share in lowering a pillar. */
export interface Deduction {
  rule: string;
  key: string;
  severity: Severity;
  message: string;
  nodeIds: string[];
  points: number;
}

export interface PillarScore {
  pillar: Pillar;
  label: string;
  /** 0-100: 100 minus the deductions. */
  score: number;
  /** The open findings that lowered it, largest first. */
  deductions: Deduction[];
}

/** The review score: plain JSON, explained by the deductions of each pillar. */
export interface ReviewScore {
  /** Mean of the six pillar scores, at most `ERROR_CAP` while an error-level finding is open. */
  overall: number;
  /** True when the overall score was capped because of an open error. */
  cappedByErrors: boolean;
  pillars: PillarScore[];
  /** Open findings by severity, and how many are suppressed (accepted). */
  counts: { error: number; warning: number; info: number; suppressed: number };
}

/**
 * Scores findings per Well-Architected pillar. Each open (unsuppressed) finding takes points from
 * its pillar by severity; repeats of one rule count less and less (a design with the same gap in
 * twenty places has one problem to fix, twenty times), so a score stays meaningful on big designs.
 * Suppressed findings take nothing.
 */
export function scoreFindings(findings: readonly Finding[]): ReviewScore {
  const counts = { error: 0, warning: 0, info: 0, suppressed: 0 };
  const byPillar = new Map<Pillar, Deduction[]>(PILLARS.map((p) => [p.id, []]));
  const repeats = new Map<string, number>(); // `${pillar}|${rule}` -> findings counted so far
  const deduct = (pillar: Pillar, f: Finding, share: number) => {
    const k = `${pillar}|${f.rule}`;
    const n = repeats.get(k) ?? 0;
    repeats.set(k, n + 1);
    const points = SEVERITY_POINTS[f.severity] * share * 0.5 ** n;
    if (points < 0.01) return; // keeps the list short on designs with thousands of repeats
    byPillar.get(pillar)?.push({
      rule: f.rule,
      key: f.key,
      severity: f.severity,
      message: f.message,
      nodeIds: f.nodeIds,
      points: Math.round(points * 100) / 100,
    });
  };
  for (const f of findings) {
    if (f.suppressed) {
      counts.suppressed++;
      continue;
    }
    counts[f.severity]++;
    deduct(f.pillar, f, 1);
    for (const p of findRule(f.rule)?.alsoAffects ?? []) if (p !== f.pillar) deduct(p, f, SECONDARY_SHARE);
  }
  const pillars = PILLARS.map((p): PillarScore => {
    const deductions = (byPillar.get(p.id) ?? []).sort((a, b) => b.points - a.points);
    const lost = deductions.reduce((s, d) => s + d.points, 0);
    return { pillar: p.id, label: p.label, score: clampScore(100 - lost), deductions };
  });
  const mean = pillars.reduce((s, p) => s + p.score, 0) / pillars.length;
  const cappedByErrors = counts.error > 0 && mean > ERROR_CAP;
  return { overall: cappedByErrors ? ERROR_CAP : Math.round(mean), cappedByErrors, pillars, counts };
}

function clampScore(n: number): number {
  return Math.max(0, Math.min(100, Math.round(n)));
}
