import type { ItemStore, ProcessedItem } from './types.ts';
import type { KeyValue } from './key-value.ts';
import { keyFor, readIndexed } from './keys.ts';

const RECENT_KEY = 'index:items:recent';
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

/** [id, sort time in ms, relevant] — enough to order and filter without loading items. */
type RecentEntry = [string, number, boolean];

/**
 * Processed items. Only the poller records items, so the recent index's read-modify-write under
 * an in-process lock is safe.
 */
export class KeyValueItemStore implements ItemStore {
  private readonly kv: KeyValue;

  constructor(kv: KeyValue) {
    this.kv = kv;
  }

  async seen(ids: string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    const values = await this.kv.getMany<ProcessedItem>(unique.map((id) => keyFor('item', id)));
    return new Set(unique.filter((_, i) => values[i] !== undefined));
  }

  async record(items: ProcessedItem[]): Promise<void> {
    if (items.length === 0) return;
    await Promise.all(items.map((item) => this.kv.set(keyFor('item', item.id), item, ITEM_TTL_MS)));
    const fresh = new Map(items.map((item) => [item.id, [item.id, sortTime(item), item.relevant] as RecentEntry]));
    await this.kv.update<RecentEntry[]>(RECENT_KEY, (current) => {
      const kept = (current ?? []).filter(([id]) => !fresh.has(id));
      return [...kept, ...fresh.values()].sort(newestFirst).slice(0, RECENT_ITEMS_KEPT);
    });
  }

  async recent(limit: number, options: { includeIrrelevant?: boolean } = {}): Promise<ProcessedItem[]> {
    if (limit <= 0) return [];
    const entries = (await this.kv.get<RecentEntry[]>(RECENT_KEY)) ?? [];
    const ids = entries
      .filter(([, , relevant]) => relevant || options.includeIrrelevant === true)
      .slice(0, limit)
      .map(([id]) => id);
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

function newestFirst(a: RecentEntry, b: RecentEntry): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}
