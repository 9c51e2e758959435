// A benchmark suite prints its own figures; `npm run bench` (bench/main.ts) runs them in order. Figures are
// reported as ratios against a baseline measured in the same run, never as timed assertions.
export interface BenchSuite {
  readonly name: string;
  /** Returns the lines to print (a small table). */
  run(log: (line: string) => void): Promise<void>;
}

/** p-quantile of an unsorted sample, in the sample's unit. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return 0;
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export function fmt(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
}
