/**
 * One global request budget for everything the worker sends. Discord allows 50 requests a second
 * per bot; staying at 40 with a small burst leaves room for the command replies and the gateway
 * side of the bot, which share the same budget.
 */
import type { Sleep } from './timing.ts';

export interface TokenBucketOptions {
  ratePerSecond: number;
  /** Most requests allowed back to back after a quiet spell. */
  burst: number;
  now: () => Date;
  sleep: Sleep;
}

export class TokenBucket {
  readonly #rate: number;
  readonly #burst: number;
  readonly #now: () => Date;
  readonly #sleep: Sleep;
  #tokens: number;
  #last: number;
  /** Waiters go one at a time, first come first served, so no lane starves. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0) || !(options.burst >= 1)) throw new RangeError('token bucket needs a positive rate and a burst of at least 1');
    this.#rate = options.ratePerSecond;
    this.#burst = options.burst;
    this.#now = options.now;
    this.#sleep = options.sleep;
    this.#tokens = options.burst;
    this.#last = options.now().getTime();
  }

  /** Waits for a token; false when `signal` aborted first (nothing may be sent then). */
  take(signal?: AbortSignal): Promise<boolean> {
    const turn = this.#queue.then(() => this.#acquire(signal));
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  #refill(): void {
    const now = this.#now().getTime();
    if (now > this.#last) {
      this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#last) * this.#rate) / 1000);
      this.#last = now;
    }
  }

  async #acquire(signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) return false;
      this.#refill();
      if (this.#tokens >= 1 - 1e-9) {
        this.#tokens = Math.max(0, this.#tokens - 1);
        return true;
      }
      await this.#sleep(Math.ceil(((1 - this.#tokens) * 1000) / this.#rate), signal);
    }
  }
}
