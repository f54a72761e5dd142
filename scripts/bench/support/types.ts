/**
 * A benchmark module exports `run(): Promise<BenchMeasurement[]>`. Each measurement carries its repeated
 * samples and, where the issue asks for one, the samples of a raw baseline measured in the same run, so
 * that the figure survives a slower or faster machine as a ratio.
 */
export interface BenchMeasurement {
  /** Metric name as the issues give it, e.g. `intake.save.p95_ms`. */
  metric: string;
  unit: string;
  /** One value per repetition. */
  samples: number[];
  /** The raw baseline's value per repetition, in the same unit. */
  baseline?: number[];
  /**
   * How the ratio is formed: `value/baseline` (costs, lower is better) or `baseline/value` (a
   * throughput expressed as a time, where 1 means as fast as the baseline). Default `value/baseline`.
   */
  ratio?: 'value/baseline' | 'baseline/value';
  /** The target as the issue states it, e.g. `≤ 50` or `≥ 0.7`, shown beside the figure. */
  target?: string;
  note?: string;
}

export type BenchModule = { run: () => Promise<BenchMeasurement[]> };
