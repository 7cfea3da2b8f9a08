/** Wall clock and CPU time of one piece of work, measured the same way in every section. */
import { performance } from 'node:perf_hooks';

export interface Timed<T> {
  value: T;
  wallMs: number;
  /** User + system CPU of this process while the work ran (all threads, so libuv's pool too). */
  cpuMs: number;
}

export async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** A collection between runs so one run's garbage is not charged to the next; a no-op without --expose-gc. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
