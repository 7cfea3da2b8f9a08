/**
 * Paces requests so that no window of one second ever holds more than the configured rate, at
 * the moment each request is handed to the network. It replaces a token bucket whose burst let
 * the rate be exceeded for a moment after any quiet spell.
 *
 * Two rules, both on the times requests were actually let through (not when they asked):
 *  - a sliding window: at most `ratePerSecond` grants in any `windowMs` (1 s plus a small margin
 *    for the time a request spends on the wire, so the receiving end sees the same promise);
 *  - a minimum spacing of half the mean interval, so the window fills evenly rather than in one
 *    burst, while a grant that came late (a busy event loop) can still be caught up on.
 * Waiters are served one at a time, first come first served, so no caller starves.
 */
import type { Sleep } from './timing.ts';

export interface RequestPacerOptions {
  ratePerSecond: number;
  now: () => number;
  sleep: Sleep;
  /** The window the rate applies to (default 1 s + WIRE_MARGIN_MS). */
  windowMs?: number;
}

/** How much later than it was let through a request may reach Discord (event loop, socket) and still not crowd the next second. */
export const WIRE_MARGIN_MS = 20;

export class RequestPacer {
  readonly #rate: number;
  readonly #windowMs: number;
  readonly #spacingMs: number;
  readonly #now: () => number;
  readonly #sleep: Sleep;
  /** Grant times of the last `rate` requests, oldest first. */
  readonly #granted: number[] = [];
  #queue: Promise<unknown> = Promise.resolve();
  #grants = 0;
  /** Bumped by cancelWaiting(): a waiter from an older generation is turned away. */
  #generation = 0;

  constructor(options: RequestPacerOptions) {
    if (!(options.ratePerSecond >= 1)) throw new RangeError('the request rate must be at least 1 per second');
    this.#rate = Math.floor(options.ratePerSecond);
    this.#windowMs = options.windowMs ?? 1000 + WIRE_MARGIN_MS;
    this.#spacingMs = 1000 / this.#rate / 2;
    this.#now = options.now;
    this.#sleep = options.sleep;
  }

  get ratePerSecond(): number {
    return this.#rate;
  }

  /** Requests let through so far. */
  get grants(): number {
    return this.#grants;
  }

  /** Waits for a turn; false when `signal` aborted or cancelWaiting() came first (nothing may be sent then). */
  take(signal?: AbortSignal): Promise<boolean> {
    const generation = this.#generation;
    const turn = this.#queue.then(() => this.#acquire(signal, generation));
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  /** How long until a request could go, 0 when it could go now. */
  #waitMs(now: number): number {
    let wait = 0;
    const last = this.#granted.at(-1);
    if (last !== undefined) wait = Math.max(wait, last + this.#spacingMs - now);
    if (this.#granted.length >= this.#rate) {
      const oldest = this.#granted[this.#granted.length - this.#rate] ?? now;
      wait = Math.max(wait, oldest + this.#windowMs - now);
    }
    return wait;
  }

  /**
   * Turns away every request still waiting for its turn (they were not sent); later ones are
   * served as usual. Used when delivery stops: what is on the wire finishes, nothing new starts.
   */
  cancelWaiting(): void {
    this.#generation += 1;
  }

  async #acquire(signal: AbortSignal | undefined, generation: number): Promise<boolean> {
    for (;;) {
      if (signal?.aborted || generation !== this.#generation) return false;
      const now = this.#now();
      const wait = this.#waitMs(now);
      if (wait <= 0) {
        this.#granted.push(now);
        if (this.#granted.length > this.#rate) this.#granted.splice(0, this.#granted.length - this.#rate);
        this.#grants += 1;
        return true;
      }
      // Timers may fire a little early; the loop checks again rather than trusting them.
      await this.#sleep(Math.max(1, Math.ceil(wait)), signal);
    }
  }
}
