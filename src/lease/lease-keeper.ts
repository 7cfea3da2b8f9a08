/**
 * Holds a lease in the store for as long as this process runs: waits as a standby until the lease
 * is free, then renews it every third of its time to live. Whoever holds it is the one process
 * that polls feeds and delivers alerts; its outbox writes carry the lease's fence, so a process
 * that lost the lease (paused, cut off) cannot record anything once another has taken over.
 *
 * One lease per role name: today one role does both jobs ("poll-deliver"); separate pollers and
 * delivery workers, or several of them over shards, would each take a lease of their own name.
 */
import type { Logger } from '../shared/logger.ts';
import type { Fence, FenceRef, LeaseStore } from '../store/types.ts';
import { isDeadHereHolder, newHolderId } from './holder.ts';

export const POLL_DELIVER_LEASE = 'poll-deliver';
export const DEFAULT_LEASE_TTL_MS = 30_000;

export interface LeaseKeeperOptions {
  leases: LeaseStore;
  /** Set to the fence once the lease is held; left at the old fence when it is lost. */
  fence: FenceRef;
  name: string;
  ttlMs: number;
  logger: Logger;
  /**
   * Take over at once from a holder on this machine whose process is gone. Right for SQLite, whose
   * file only processes on one machine share; a networked store waits for the lease to expire.
   */
  takeOverFromDeadHere?: boolean;
  holder?: string;
}

export class LeaseKeeper {
  readonly holder: string;
  readonly #o: LeaseKeeperOptions;
  readonly #log: Logger;
  #fence: Fence | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #wake: (() => void) | undefined;

  constructor(options: LeaseKeeperOptions) {
    this.#o = options;
    this.holder = options.holder ?? newHolderId();
    this.#log = options.logger.child({ module: 'lease', lease: options.name, holder: this.holder });
  }

  get renewEveryMs(): number {
    return Math.floor(this.#o.ttlMs / 3);
  }

  /** Resolves once this process holds the lease; undefined when stop() was called first. */
  async acquire(): Promise<Fence | undefined> {
    let announced = false;
    while (!this.#stopped) {
      let waitMs = this.renewEveryMs;
      try {
        let claim = await this.#o.leases.claim(this.#o.name, this.holder, this.#o.ttlMs);
        if (!claim.held && this.#o.takeOverFromDeadHere && isDeadHereHolder(claim.holder)) {
          this.#log.info({ previous: claim.holder }, 'the process that held the lease is gone from this machine; taking over now');
          claim = await this.#o.leases.claim(this.#o.name, this.holder, this.#o.ttlMs, claim.holder);
        }
        if (claim.held) {
          this.#fence = claim.fence;
          this.#o.fence.current = claim.fence;
          this.#log.info({ epoch: claim.fence.epoch, ttlMs: this.#o.ttlMs }, announced ? 'took over the lease: this process now polls and delivers' : 'holding the lease: this process polls and delivers');
          return claim.fence;
        }
        if (!announced) {
          announced = true;
          this.#log.info({ current: claim.holder, epoch: claim.epoch, ttlMs: this.#o.ttlMs }, `standby: another process (${claim.holder}) polls and delivers; waiting to take over if it stops`);
        }
        // Ask again when its lease would run out unrenewed, and at least every renewal period.
        waitMs = Math.min(Math.max(claim.expiresInMs + 25, 25), this.renewEveryMs);
      } catch (error) {
        this.#log.warn({ err: error }, 'could not ask the store for the lease; trying again');
      }
      await this.#sleep(waitMs);
    }
    return undefined;
  }

  /**
   * Renews the lease until stop(). `onLost` is called once when it was taken over, or when it
   * could not be renewed and is about to run out (a standby may take it from then on).
   */
  keep(onLost: (reason: string) => void): void {
    const fence = this.#fence;
    if (fence === undefined) throw new Error('keep() before the lease was acquired');
    let lastRenewed = Date.now();
    const lost = (reason: string): void => {
      if (this.#stopped) return;
      this.#stopped = true;
      this.#log.error({ epoch: fence.epoch, reason }, `lost the lease: ${reason}`);
      onLost(reason);
    };
    const tick = async (): Promise<void> => {
      const started = Date.now();
      try {
        if (await this.#o.leases.renew(fence, this.#o.ttlMs)) lastRenewed = started;
        else return lost('another process took it over');
      } catch (error) {
        this.#log.warn({ err: error }, 'could not renew the lease; trying again');
      }
      // Stop acting before the lease can expire unrenewed: from then on a standby may hold it.
      if (Date.now() >= lastRenewed + this.#o.ttlMs - this.renewEveryMs / 2) return lost('the store did not answer in time to renew it');
      if (!this.#stopped) this.#timer = setTimeout(() => void tick(), this.#retryDelay(lastRenewed));
    };
    this.#timer = setTimeout(() => void tick(), this.renewEveryMs);
  }

  /** Stops renewing (and waiting); gives the lease up so a standby can take over at once. */
  async release(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#wake?.();
    const fence = this.#fence;
    if (fence === undefined) return;
    try {
      await this.#o.leases.release(fence);
      this.#log.info({ epoch: fence.epoch }, 'released the lease');
    } catch (error) {
      this.#log.warn({ err: error }, 'could not release the lease; a standby takes over when it expires');
    }
  }

  /** The next renewal: on schedule after a success, sooner after a failure. */
  #retryDelay(lastRenewed: number): number {
    return Date.now() - lastRenewed < this.renewEveryMs ? this.renewEveryMs : Math.min(1000, this.renewEveryMs);
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = undefined;
        resolve();
      }, ms);
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
    });
  }
}
