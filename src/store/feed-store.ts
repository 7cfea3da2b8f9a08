import type { FeedRecord, FeedStore } from './types.ts';
import type { KeyValue } from './key-value.ts';
import { IdIndex, keyFor, readIndexed } from './keys.ts';

/**
 * Feeds by URL. The poller is the one process that writes feeds (admins' /feeds commands run in
 * the same process), so the index's read-modify-write needs no cross-process lock.
 */
export class KeyValueFeedStore implements FeedStore {
  private readonly kv: KeyValue;
  private readonly index: IdIndex;

  constructor(kv: KeyValue) {
    this.kv = kv;
    this.index = new IdIndex(kv, 'index:feeds');
  }

  get(url: string): Promise<FeedRecord | undefined> {
    return this.kv.get<FeedRecord>(keyFor('feed', url));
  }

  async list(): Promise<FeedRecord[]> {
    return readIndexed<FeedRecord>(this.kv, 'feed', await this.index.list());
  }

  async put(feed: FeedRecord): Promise<void> {
    await this.kv.set(keyFor('feed', feed.url), feed);
    await this.index.add([feed.url]);
  }

  async remove(url: string): Promise<void> {
    await this.kv.delete(keyFor('feed', url));
    await this.index.remove([url]);
  }
}
