/**
 * The small key/value layer every store is written against. It is the one place that talks to
 * keyv, so it is also the one place that guarantees "a failing store is an exception, never
 * emptiness": every call is bounded by a timeout and every failure becomes a StoreError.
 *
 * Only records live here (facts, settings, feed state, processed items, meta). Anything that must
 * change together — the outbox, the lists, the history, leases — is a native structure of the
 * backend (structures.ts), where one write is one transaction or one script.
 */
import type { Keyv } from 'keyv';
import { StoreError } from '../shared/errors.ts';
import { toStoreError, withTimeout } from './store-errors.ts';

export interface KeyValue {
  /** e.g. "redis 127.0.0.1:6379"; used in error messages. */
  readonly backend: string;
  get<T>(key: string): Promise<T | undefined>;
  getMany<T>(keys: string[]): Promise<Array<T | undefined>>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  setMany(entries: Array<{ key: string; value: unknown }>): Promise<void>;
  delete(key: string): Promise<void>;
  deleteMany(keys: string[]): Promise<void>;
  /** Deletes every key of this namespace. */
  clear(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface KeyvKeyValueOptions {
  backend: string;
  timeoutMs: number;
  /** The last error the driver emitted; some drivers throw a generic one and emit the real one. */
  lastEmittedError?: () => unknown;
  /** Runs before every call, e.g. to (re)connect once instead of letting each call race to. */
  beforeCall?: () => Promise<void>;
  /** Extra clean-up after keyv disconnects. */
  onClose?: () => Promise<void>;
}

export class KeyvKeyValue implements KeyValue {
  readonly backend: string;
  private readonly keyv: Keyv;
  private readonly options: KeyvKeyValueOptions;
  private closedFlag = false;

  /** Whether close() was called: the structures sharing this connection refuse calls too. */
  get closed(): boolean {
    return this.closedFlag;
  }

  constructor(keyv: Keyv, options: KeyvKeyValueOptions) {
    this.keyv = keyv;
    this.options = options;
    this.backend = options.backend;
  }

  async get<T>(key: string): Promise<T | undefined> {
    return this.call(async () => (await this.keyv.get<T>(key)) ?? undefined);
  }

  async getMany<T>(keys: string[]): Promise<Array<T | undefined>> {
    if (keys.length === 0) return [];
    return this.call(async () => {
      const values = await this.keyv.getMany<T>(keys);
      if (!Array.isArray(values) || values.length !== keys.length) {
        throw new Error(`backend answered ${Array.isArray(values) ? values.length : 'no'} values for ${keys.length} keys`);
      }
      return values.map((value) => (value === null ? undefined : value));
    });
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    await this.call(async () => {
      if ((await this.keyv.set(key, value, ttlMs)) === false) throw new Error(`write of ${key} was refused`);
    });
  }

  async setMany(entries: Array<{ key: string; value: unknown }>): Promise<void> {
    if (entries.length === 0) return;
    // One write per key, the last one winning, as separate sets would: PostgreSQL refuses a batch
    // upsert that names the same row twice.
    const unique = [...new Map(entries.map((e) => [e.key, e])).values()];
    await this.call(async () => {
      const results = await this.keyv.setMany(unique);
      if (Array.isArray(results) && results.some((ok) => ok === false)) throw new Error('a batch write was refused');
    });
  }

  async delete(key: string): Promise<void> {
    await this.call(() => this.keyv.delete(key));
  }

  async deleteMany(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.call(() => this.keyv.deleteMany(keys));
  }

  async clear(): Promise<void> {
    await this.call(() => this.keyv.clear());
  }

  async ping(): Promise<void> {
    // A read of a key that never exists: it proves the round trip without writing anything.
    await this.get('ping:probe');
  }

  async close(): Promise<void> {
    if (this.closedFlag) return;
    this.closedFlag = true;
    try {
      await withTimeout(this.keyv.disconnect(), this.options.timeoutMs);
      await this.options.onClose?.();
    } catch (error) {
      throw toStoreError(this.backend, error, this.options.lastEmittedError?.());
    }
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    if (this.closedFlag) throw new StoreError(`store unavailable: ${this.backend} — already closed`);
    try {
      const { beforeCall } = this.options;
      return await withTimeout(beforeCall ? beforeCall().then(work) : work(), this.options.timeoutMs);
    } catch (error) {
      throw toStoreError(this.backend, error, this.options.lastEmittedError?.());
    }
  }
}
