import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  /** Median wall time of one run, in milliseconds. */
  medianMs: number;
  minMs: number;
  runs: number;
  /** What the figure is compared with, measured side by side in the same process. */
  baseline: string;
  baselineMedianMs: number;
  /** medianMs / baselineMedianMs: stable across machines of different speed, unlike the raw figure. */
  ratio: number;
  /** The target from the issue, when there is one. */
  targetMs?: number;
  withinTarget?: boolean;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Times `fn` and `baseline` alternately (so machine noise hits both alike) after warm-up runs. */
export function measure(
  name: string,
  fn: () => unknown,
  baseline: { name: string; fn: () => unknown },
  options: { runs?: number; warmup?: number; targetMs?: number } = {},
): Measurement {
  const runs = options.runs ?? 15;
  for (let i = 0; i < (options.warmup ?? 3); i++) {
    fn();
    baseline.fn();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    fn();
    a.push(performance.now() - t);
    t = performance.now();
    baseline.fn();
    b.push(performance.now() - t);
  }
  const medianMs = median(a);
  const baselineMedianMs = median(b);
  const m: Measurement = {
    name,
    medianMs: round(medianMs),
    minMs: round(Math.min(...a)),
    runs,
    baseline: baseline.name,
    baselineMedianMs: round(baselineMedianMs),
    ratio: round(medianMs / baselineMedianMs),
  };
  if (options.targetMs !== undefined) {
    m.targetMs = options.targetMs;
    m.withinTarget = medianMs <= options.targetMs;
  }
  return m;
}

const round = (n: number) => Math.round(n * 100) / 100;
