import { generateLargeDocument } from '@stackdraft/patterns/testing';
import { renderSvg } from '../src/svg/index';

/** The targets for SVG of a 2,000-node design: render time and file size. */
export const SVG_TARGET_MS = 80;
export const SVG_TARGET_BYTES = 1_000_000;

/**
 * The SVG measurement block of the exporters benchmark: renders a generated 2,000-node design
 * (3 regions, ~3,200 edges) and reports its size next to the timing. `measure` is the harness's
 * function (passed in so this block works with whichever harness the benchmark file uses).
 */
export function svgBenchmark<M>(
  measure: (
    name: string,
    fn: () => unknown,
    baseline: { name: string; fn: () => unknown },
    options?: { runs?: number; warmup?: number; targetMs?: number },
  ) => M,
): {
  timing: M;
  timingWithLayout: M;
  nodes: number;
  edges: number;
  bytes: number;
  targetBytes: number;
  withinSize: boolean;
} {
  const doc = generateLargeDocument(2000, 15_000);
  // The same design as imported from elsewhere: no positions, so the exporter lays it out.
  const unplaced = { ...doc, nodes: doc.nodes.map(({ position: _position, ...n }) => n) };
  const bytes = Math.max(
    Buffer.byteLength(renderSvg(doc), 'utf8'),
    Buffer.byteLength(renderSvg(unplaced), 'utf8'),
  );
  const baseline = { name: 'JSON.stringify of the same document', fn: () => JSON.stringify(doc) };
  const options = { runs: 15, warmup: 3, targetMs: SVG_TARGET_MS };
  const label = `${doc.nodes.length} nodes / ${doc.edges.length} edges`;
  // A fresh document object each run: the graph index is cached per object, and an export of a
  // new design pays for building it.
  const timing = measure(`svg export, ${label}`, () => renderSvg({ ...doc }), baseline, options);
  const timingWithLayout = measure(
    `svg export with layout, ${label}`,
    () => renderSvg({ ...unplaced }),
    baseline,
    options,
  );
  return {
    timing,
    timingWithLayout,
    nodes: doc.nodes.length,
    edges: doc.edges.length,
    bytes,
    targetBytes: SVG_TARGET_BYTES,
    withinSize: bytes < SVG_TARGET_BYTES,
  };
}
