import type { FeedRecord, FeedStore } from './types.ts';
import type { KeyValue } from './key-value.ts';
import type { IdList } from './types.ts';
import { keyFor, readIndexed } from './keys.ts';

/** Feeds by URL (records in key/value), and the list of them (a native structure). */
export class KeyValueFeedStore implements FeedStore {
  private readonly kv: KeyValue;
  private readonly index: IdList;

  constructor(kv: KeyValue, index: IdList) {
    this.kv = kv;
    this.index = index;
  }

  get(url: string): Promise<FeedRecord | undefined> {
    return this.kv.get<FeedRecord>(keyFor('feed', url));
  }

  async list(): Promise<FeedRecord[]> {
    return readIndexed<FeedRecord>(this.kv, 'feed', await this.index.list());
  }

  async put(feed: FeedRecord): Promise<void> {
    await this.index.add([feed.url]);
    await this.kv.set(keyFor('feed', feed.url), feed);
  }

  async remove(url: string): Promise<void> {
    await this.kv.delete(keyFor('feed', url));
    await this.index.remove([url]);
  }
}
