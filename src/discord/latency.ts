/**
 * Command latency kept in a small ring per command, so p50/p99 can be logged or shown without
 * a metrics system. Old samples fall out; the numbers describe recent behaviour.
 */
export interface LatencySummary { count: number; p50: number; p99: number; max: number }

export class LatencyRecorder {
  private readonly samples = new Map<string, number[]>();
  private readonly capacity: number;

  constructor(capacity = 1000) {
    this.capacity = capacity;
  }

  record(name: string, ms: number): void {
    const list = this.samples.get(name) ?? [];
    list.push(ms);
    if (list.length > this.capacity) list.shift();
    this.samples.set(name, list);
  }

  summary(name: string): LatencySummary | undefined {
    const list = this.samples.get(name);
    if (!list || list.length === 0) return undefined;
    const sorted = [...list].sort((a, b) => a - b);
    return { count: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? 0 };
  }

  names(): string[] {
    return [...this.samples.keys()];
  }
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] ?? 0;
}
