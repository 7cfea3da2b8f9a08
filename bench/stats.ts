/**
 * Small statistics for benchmark samples. Medians and spreads rather than means: one slow run
 * (a GC pause, the other core busy) should widen the spread, not move the headline figure.
 */
export interface Summary {
  runs: number;
  median: number;
  min: number;
  max: number;
  /** (max − min) / median, as a percentage: how far apart the runs were. */
  spreadPct: number;
}

export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarise: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const median = percentile(sorted, 0.5, 'interpolate');
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  return { runs: sorted.length, median, min, max, spreadPct: median === 0 ? 0 : ((max - min) / median) * 100 };
}

/**
 * Percentile of an ascending list. 'nearest-rank' matches how the bot's own latency recorder
 * reports p50/p99 (so the figures compare); 'interpolate' gives the usual median of an even count.
 */
export function percentile(sorted: readonly number[], p: number, method: 'nearest-rank' | 'interpolate' = 'nearest-rank'): number {
  if (sorted.length === 0) return 0;
  if (method === 'nearest-rank') {
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
    return sorted[rank] as number;
  }
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/** Ratio of two medians; the figure that stays comparable across machines. */
export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? Number.POSITIVE_INFINITY : numerator / denominator;
}
