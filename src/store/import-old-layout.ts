/**
 * Moves what earlier versions kept as JSON lists in key/value (the lists of feeds, guilds and
 * facts, the recent-items index, the numbered fact history and the pending alert deliveries) into
 * the native structures, once, then deletes the old keys. Run by the lease holder at start, so two
 * processes never import at the same time.
 *
 * Pointers to alerts already sent are not carried over: a second source for a fact announced before
 * the upgrade cannot edit that older alert and is recorded as failed ("no posted alert to edit").
 */
import type { Logger } from '../shared/logger.ts';
import type { FactEvent } from '../facts/types.ts';
import type { Backend } from './structures.ts';
import type { Delivery, FenceRef } from './types.ts';
import { RECENT_ITEMS_KEPT } from './item-store.ts';

const OLD_LISTS = [
  ['index:feeds', 'feeds'],
  ['index:guilds', 'guilds'],
  ['index:facts', 'facts'],
] as const;
const OLD_PENDING_SHARDS = 64;
const EVENT_PAGE = 500;

export async function importOldLayout(backend: Backend, fence: FenceRef, logger: Logger): Promise<void> {
  const { kv, native } = backend;
  const log = logger.child({ module: 'store/import' });
  let moved = 0;

  for (const [oldKey, list] of OLD_LISTS) {
    const ids = await kv.get<string[]>(oldKey);
    if (ids === undefined) continue;
    await native.idList(list).add(ids);
    await kv.delete(oldKey);
    moved += ids.length;
  }

  const recent = await kv.get<Array<[string, number, boolean]>>('index:items:recent');
  if (recent !== undefined) {
    await native.recent.add(recent.map(([id, sortMs, relevant]) => ({ id, sortMs, relevant })), RECENT_ITEMS_KEPT);
    await kv.delete('index:items:recent');
    moved += recent.length;
  }

  const count = await kv.get<number>('events:count');
  if (count !== undefined) {
    // Oldest first, so the history keeps its order; the counter goes last, so an import cut short starts again.
    for (let start = 0; start < count; start += EVENT_PAGE) {
      const keys = Array.from({ length: Math.min(EVENT_PAGE, count - start) }, (_, i) => `event:${start + i}`);
      const events = (await kv.getMany<FactEvent>(keys)).filter((e): e is FactEvent => e !== undefined);
      await native.events.append(events);
    }
    await kv.delete('events:count');
    await kv.deleteMany(Array.from({ length: count }, (_, i) => `event:${i}`));
    moved += count;
  }

  const shards = Array.from({ length: OLD_PENDING_SHARDS }, (_, i) => `index:outbox:pending:${i}`);
  const entries = (await kv.getMany<Array<[string, number, number]>>(shards)).flatMap((e) => e ?? []);
  if (entries.length > 0) {
    const deliveries = await kv.getMany<Delivery>(entries.map(([id]) => `delivery:${id}`));
    const pending = deliveries.filter((d): d is Delivery => d !== undefined && d.state === 'pending');
    await native.outbox(fence).enqueue(pending);
    moved += pending.length;
  }
  const presentShards = (await kv.getMany<unknown>(shards)).some((v) => v !== undefined);
  if (presentShards) await kv.deleteMany(shards);

  if (moved > 0) log.info({ entries: moved }, 'moved lists, history and pending alerts from the old key/value layout into the store\'s own structures');
}
