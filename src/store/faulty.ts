/**
 * Fault injection for tests: wraps real Stores and makes chosen methods throw a StoreError or
 * hang on demand, so callers can prove that a failing store never looks like an empty one.
 *
 *   const stores = new FaultyStores(await openStores('sqlite://:memory:'));
 *   stores.fail('facts.listFacts');            // next calls reject with StoreError
 *   stores.fail('outbox.due', 'hang');         // next calls never settle until heal()
 *   stores.heal();                             // back to normal; hung calls then proceed
 */
import { StoreError } from '../shared/errors.ts';
import type { FactStore, FeedStore, FenceRef, GuildStore, ItemStore, LeaseStore, MetaStore, Outbox, Stores } from './types.ts';

type Methods<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? K : never }[keyof T] & string;

interface StoreShapes {
  facts: FactStore;
  items: ItemStore;
  feeds: FeedStore;
  guilds: GuildStore;
  outbox: Outbox;
  meta: MetaStore;
  leases: LeaseStore;
}

/** "facts.listFacts", "outbox.due", … or "ping" / "close". */
export type StoreMethodPath = { [S in keyof StoreShapes]: `${S}.${Methods<StoreShapes[S]>}` }[keyof StoreShapes] | 'ping' | 'close';

export type FaultMode = 'throw' | 'hang';

interface Fault {
  mode: FaultMode;
  /** Calls left to affect; Infinity until healed. */
  remaining: number;
  error: () => Error;
}

export class FaultyStores implements Stores {
  readonly facts: FactStore;
  readonly items: ItemStore;
  readonly feeds: FeedStore;
  readonly guilds: GuildStore;
  readonly outbox: Outbox;
  readonly meta: MetaStore;
  readonly leases: LeaseStore;
  /** The real stores' fence: the lease holder sets it through either. */
  readonly fence: FenceRef;
  /** Every call made through the wrapper, in order, e.g. "facts.getFact". */
  readonly calls: StoreMethodPath[] = [];
  private readonly inner: Stores;
  private readonly faults = new Map<string, Fault>();
  private allFault: Fault | undefined;
  private readonly hung = new Set<() => void>();

  constructor(inner: Stores) {
    this.inner = inner;
    this.facts = this.wrap('facts', inner.facts);
    this.items = this.wrap('items', inner.items);
    this.feeds = this.wrap('feeds', inner.feeds);
    this.guilds = this.wrap('guilds', inner.guilds);
    this.outbox = this.wrap('outbox', inner.outbox);
    this.meta = this.wrap('meta', inner.meta);
    this.leases = this.wrap('leases', inner.leases);
    this.fence = inner.fence;
  }

  /** Makes `path` fail (every call, or only the next `times` calls). */
  fail(path: StoreMethodPath, mode: FaultMode = 'throw', options: { times?: number; error?: () => Error } = {}): this {
    this.faults.set(path, makeFault(path, mode, options));
    return this;
  }

  /** Makes every method fail, as when the backend is down. */
  failAll(mode: FaultMode = 'throw', options: { error?: () => Error } = {}): this {
    this.allFault = makeFault('every method', mode, options);
    return this;
  }

  /** Removes one fault, or all of them; calls that were hanging then go through to the real store. */
  heal(path?: StoreMethodPath): this {
    if (path === undefined) {
      this.faults.clear();
      this.allFault = undefined;
    } else {
      this.faults.delete(path);
    }
    for (const release of [...this.hung]) release();
    return this;
  }

  /** How many calls are hanging right now. */
  get hanging(): number {
    return this.hung.size;
  }

  ping(): Promise<void> {
    return this.invoke('ping', () => this.inner.ping());
  }

  close(): Promise<void> {
    return this.invoke('close', () => this.inner.close());
  }

  private wrap<S extends keyof StoreShapes>(name: S, store: StoreShapes[S]): StoreShapes[S] {
    return new Proxy(store, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        const path = `${name}.${property}` as StoreMethodPath;
        return (...args: unknown[]) => this.invoke(path, () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      },
    });
  }

  private async invoke<T>(path: StoreMethodPath, real: () => Promise<T>): Promise<T> {
    this.calls.push(path);
    const fault = this.takeFault(path);
    if (fault?.mode === 'throw') throw fault.error();
    if (fault?.mode === 'hang') {
      await new Promise<void>((release) => {
        const done = (): void => {
          this.hung.delete(done);
          release();
        };
        this.hung.add(done);
      });
      return real();
    }
    return real();
  }

  private takeFault(path: StoreMethodPath): Fault | undefined {
    const fault = this.faults.get(path) ?? this.allFault;
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) {
      if (this.faults.get(path) === fault) this.faults.delete(path);
      if (this.allFault === fault) this.allFault = undefined;
    }
    return fault;
  }
}

function makeFault(path: string, mode: FaultMode, options: { times?: number; error?: () => Error }): Fault {
  return {
    mode,
    remaining: options.times ?? Number.POSITIVE_INFINITY,
    error: options.error ?? (() => new StoreError(`store unavailable: injected fault in ${path}`)),
  };
}
