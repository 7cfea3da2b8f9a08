import type { ItemStore, ProcessedItem, RecentIndex } from './types.ts';
import type { KeyValue } from './key-value.ts';
import { keyFor, readIndexed } from './keys.ts';

/**
 * How many items the "recent" index remembers. /news shows a handful; every item stays stored
 * (for `seen`) whatever this is.
 */
export const RECENT_ITEMS_KEPT = 2000;

/**
 * How long a processed item is remembered. Long past any feed's window: an item that outlives it
 * and is read again is judged again, and the ledger finds its claims already known (same article)
 * — nothing is announced twice — while thousands of feeds' items do not pile up for ever.
 */
export const ITEM_TTL_MS = 180 * 24 * 3600 * 1000;

/**
 * Processed items as key/value records with a time to live, and a native index of the newest
 * (by published date) for /news. The index is written first: an entry whose item is missing is
 * skipped, so a write cut short never shows half an item.
 */
export class KeyValueItemStore implements ItemStore {
  private readonly kv: KeyValue;
  private readonly index: RecentIndex;

  constructor(kv: KeyValue, index: RecentIndex) {
    this.kv = kv;
    this.index = index;
  }

  async seen(ids: string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    const values = await this.kv.getMany<ProcessedItem>(unique.map((id) => keyFor('item', id)));
    return new Set(unique.filter((_, i) => values[i] !== undefined));
  }

  async record(items: ProcessedItem[]): Promise<void> {
    if (items.length === 0) return;
    const latest = [...new Map(items.map((item) => [item.id, item])).values()];
    await this.index.add(latest.map((item) => ({ id: item.id, sortMs: sortTime(item), relevant: item.relevant })), RECENT_ITEMS_KEPT);
    await Promise.all(latest.map((item) => this.kv.set(keyFor('item', item.id), item, ITEM_TTL_MS)));
  }

  async recent(limit: number, options: { includeIrrelevant?: boolean } = {}): Promise<ProcessedItem[]> {
    if (limit <= 0) return [];
    const ids = await this.index.newest(limit, options.includeIrrelevant === true);
    return readIndexed<ProcessedItem>(this.kv, 'item', ids);
  }
}

/** Published date when the feed gave a readable one, else when we processed it. */
function sortTime(item: ProcessedItem): number {
  const published = item.published === undefined ? Number.NaN : Date.parse(item.published);
  if (!Number.isNaN(published)) return published;
  const processed = Date.parse(item.processedAt);
  return Number.isNaN(processed) ? 0 : processed;
}
