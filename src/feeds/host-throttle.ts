/**
 * Politeness towards the outlets whose pages we read: one request per host at a time, and a
 * minimum gap between the starts of two requests to the same host.
 */
export interface HostThrottleOptions {
  minGapMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_MIN_GAP_MS = 2000;

export class HostThrottle {
  private readonly minGapMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastStart = new Map<string, number>();

  constructor(options: HostThrottleOptions = {}) {
    this.minGapMs = options.minGapMs ?? DEFAULT_MIN_GAP_MS;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Runs `task` when the host is free and the gap has passed; tasks for one host run in call order. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const key = host.toLowerCase();
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(async () => {
      const last = this.lastStart.get(key);
      const wait = last === undefined ? 0 : last + this.minGapMs - this.now();
      if (wait > 0) await this.sleep(wait);
      this.lastStart.set(key, this.now());
      return task();
    });
    // The chain must survive a failed task, or every later request to the host would fail with it.
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
