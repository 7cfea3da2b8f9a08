import type { FenceRef, Stores } from './types.ts';
import { openBackend, type OpenOptions } from './backends.ts';
import type { Backend } from './structures.ts';
import { KeyValueFactStore } from './fact-store.ts';
import { KeyValueFeedStore } from './feed-store.ts';
import { KeyValueGuildStore } from './guild-store.ts';
import { KeyValueItemStore } from './item-store.ts';
import { KeyValueMetaStore } from './meta-store.ts';

/**
 * Opens the stores named by a store URL (sqlite://, redis://, rediss://, postgres://,
 * postgresql://). Throws UserFacingError for an unsupported URL and StoreError when the backend
 * cannot be opened; a backend that is merely down fails on first use (ping() checks at once).
 */
export async function openStores(storeUrl: string, options: OpenOptions = {}): Promise<Stores> {
  return createStores(await openBackend(storeUrl, options));
}

/** All stores over one backend; closing them closes the backend. */
export function createStores(backend: Backend): Stores {
  const { kv, native } = backend;
  const fence: FenceRef = { current: undefined };
  return {
    facts: new KeyValueFactStore(kv, native.idList('facts'), native.events),
    items: new KeyValueItemStore(kv, native.recent),
    feeds: new KeyValueFeedStore(kv, native.idList('feeds')),
    guilds: new KeyValueGuildStore(kv, native.idList('guilds')),
    outbox: native.outbox(fence),
    meta: new KeyValueMetaStore(kv),
    leases: native.leases,
    fence,
    ping: () => backend.ping(),
    close: () => backend.close(),
  };
}
