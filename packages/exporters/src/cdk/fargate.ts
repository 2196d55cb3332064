/** The CPU / memory pairs Fargate accepts: CPU units and the memory range (GB) with its step. */
const SIZES: { cpu: number; min: number; max: number; step: number }[] = [
  { cpu: 256, min: 0.5, max: 2, step: 0.5 },
  { cpu: 512, min: 1, max: 4, step: 1 },
  { cpu: 1024, min: 2, max: 8, step: 1 },
  { cpu: 2048, min: 4, max: 16, step: 1 },
  { cpu: 4096, min: 8, max: 30, step: 1 },
  { cpu: 8192, min: 16, max: 60, step: 4 },
  { cpu: 16384, min: 32, max: 120, step: 8 },
];

/**
 * The smallest Fargate task size with at least `vcpu` and `memoryGb` (a design may ask for any
 * pair; Fargate rejects all but these). `exact` says whether the request was already valid.
 */
export function fargateSize(
  vcpu: number,
  memoryGb: number,
): { cpu: number; memoryMiB: number; exact: boolean } {
  for (const s of SIZES) {
    if (s.cpu < vcpu * 1024 - 1e-9 || s.max < memoryGb) continue;
    let mem = s.min;
    while (mem < memoryGb - 1e-9) mem += s.step;
    const exact = s.cpu === Math.round(vcpu * 1024) && Math.abs(mem - memoryGb) < 1e-9;
    return { cpu: s.cpu, memoryMiB: Math.round(mem * 1024), exact };
  }
  return { cpu: 16384, memoryMiB: 120 * 1024, exact: false };
}
