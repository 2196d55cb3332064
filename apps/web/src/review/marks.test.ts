import {
  analysisTargets,
  analyzeFailure,
  emptyDocument,
  insertTemplate,
  walkFlow,
} from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { failureSpotlight } from './failure-marks';
import { walkSpotlight } from './WalkthroughPanel';

const design = (template: string) => insertTemplate(emptyDocument('Test'), template).document;

describe('walkthrough marks', () => {
  it('marks the hops walked so far, the current one apart, and dims the rest', () => {
    const doc = design('queue-processing');
    const [start] = analysisTargets(doc).entryIds;
    if (!start) throw new Error('the template has no entry node');
    const walk = walkFlow(doc, start);
    expect(walk.hops.length).toBeGreaterThan(2);
    const spot = walkSpotlight(walk.hops, 1);
    const [first, second, third] = walk.hops;
    expect(spot.dimOthers).toBe(true);
    expect(spot.nodes.get(first?.nodeId ?? '')).toBe('focus');
    expect(spot.nodes.get(second?.nodeId ?? '')).toBe('current');
    expect(spot.edges.get(second?.edgeId ?? '')).toBe('current');
    if (third && third.nodeId !== first?.nodeId && third.nodeId !== second?.nodeId)
      expect(spot.nodes.has(third.nodeId)).toBe(false);
  });
});

describe('failure marks', () => {
  it('draws a lost region: its nodes failed, every path edge in its status colour, nothing dimmed', () => {
    const doc = design('multi-region-active-active');
    const [region] = analysisTargets(doc).regions;
    if (!region) throw new Error('the template has no region');
    const analysis = analyzeFailure(doc, { regions: [region.id] });
    const spot = failureSpotlight(analysis);
    expect(spot.dimOthers).toBe(false);
    const failed = analysis.impacts.filter((i) => i.state === 'failed').map((i) => i.nodeId);
    expect(failed.length).toBeGreaterThan(0);
    for (const id of failed) expect(spot.nodes.get(id)).toBe('failed');
    // Every edge of every route is marked with the best status of the routes through it: the
    // edges only the lost region's routes use are broken, the shared ones still work.
    const routes = analysis.paths.flatMap((p) => p.routes);
    const working = new Set(routes.filter((r) => r.status === 'working').flatMap((r) => r.edgeIds));
    const broken = routes.filter((r) => r.status === 'broken').flatMap((r) => r.edgeIds);
    expect(broken.length).toBeGreaterThan(0);
    expect(working.size).toBeGreaterThan(0);
    for (const id of working) expect(spot.edges.get(id)).toBe('ok');
    const onlyBroken = broken.filter((id) => !working.has(id));
    expect(onlyBroken.length).toBeGreaterThan(0);
    for (const id of onlyBroken) expect(spot.edges.get(id)).toBe('broken');
  });
});
