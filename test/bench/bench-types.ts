/** One measured quantity, ours beside the baseline measured in the same run. */
export interface BenchRow {
  /** What was measured, e.g. "10 clients". */
  case: string;
  /** e.g. "p99 latency". */
  metric: string;
  unit: string;
  ours: number;
  /** The baseline's value from the same run, or null where there is no baseline for this row. */
  baseline: number | null;
  /** Whether smaller values are better (latency, memory) or larger (throughput). */
  better: 'lower' | 'higher';
  /** The target, in words, e.g. "≤ 1.5× baseline". */
  target?: string;
  /** Whether the target was met (undefined where there is none). */
  met?: boolean;
}

/** A benchmark: measures ours and its named baseline in the same run. */
export interface Benchmark {
  name: string;
  /** The named baseline, e.g. "stock y-websocket server utilities, in memory". */
  baseline: string;
  run(): Promise<BenchRow[]>;
}
