import type { Stores } from './types.ts';
import type { KeyValue } from './key-value.ts';
import { openBackend, type OpenOptions } from './backends.ts';
import { KeyValueFactStore } from './fact-store.ts';
import { KeyValueFeedStore } from './feed-store.ts';
import { KeyValueGuildStore } from './guild-store.ts';
import { KeyValueItemStore } from './item-store.ts';
import { KeyValueMetaStore } from './meta-store.ts';
import { KeyValueOutbox } from './outbox.ts';

/**
 * Opens the stores named by a store URL (sqlite://, redis://, rediss://, postgres://,
 * postgresql://). Throws UserFacingError for an unsupported URL and StoreError when the backend
 * cannot be opened; a backend that is merely down fails on first use (ping() checks at once).
 */
export async function openStores(storeUrl: string, options: OpenOptions = {}): Promise<Stores> {
  return createStores(await openBackend(storeUrl, options));
}

/** All stores over one key/value backend; closing them closes the backend. */
export function createStores(kv: KeyValue): Stores {
  return {
    facts: new KeyValueFactStore(kv),
    items: new KeyValueItemStore(kv),
    feeds: new KeyValueFeedStore(kv),
    guilds: new KeyValueGuildStore(kv),
    outbox: new KeyValueOutbox(kv),
    meta: new KeyValueMetaStore(kv),
    ping: () => kv.ping(),
    close: () => kv.close(),
  };
}
