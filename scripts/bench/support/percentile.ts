/** The nearest-rank percentile: the smallest value with at least a share `p` (0–1) of the values at or below it; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? 0;
}

/** The 95th percentile, the figure the counter's targets are stated in. */
export function p95(values: readonly number[]): number {
  return percentile(values, 0.95);
}
