import type { Delivery, Outbox } from './types.ts';
import type { KeyValue } from './key-value.ts';
import { IdIndex, keyFor } from './keys.ts';

const OUTBOX_LOCK = 'outbox';

/**
 * The pending index is split into shards by delivery id. One alert to thousands of channels is
 * thousands of pending entries, and every send rewrites the index entry list it lives in: with one
 * list that is quadratic (5,000 channels cost 42 s of store time per round); with 64 it is not.
 */
const PENDING_SHARDS = 64;

function pendingKey(shard: number): string {
  return `index:outbox:pending:${shard}`;
}

/** A stable shard for an id (FNV-1a), so a delivery's entry is always looked for in one place. */
function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % PENDING_SHARDS;
}

/**
 * Settled deliveries (sent, failed, dropped) are kept this long, then expire: long enough for any
 * later "also reported by" edit of a posted alert and for an admin to see what happened, without
 * every alert to every channel being kept for ever.
 */
export const SETTLED_TTL_MS = 90 * 24 * 3600 * 1000;

const ttlOf = (d: Delivery): number | undefined => (d.state === 'pending' ? undefined : SETTLED_TTL_MS);

const ALL_SHARDS = Array.from({ length: PENDING_SHARDS }, (_, i) => pendingKey(i));

/** What due() needs to choose deliveries without loading every one: [id, createdAt ms, nextAttemptAt ms]. */
type PendingEntry = [string, number, number];

/**
 * Deliveries by id, with three indexes so that nothing scans every delivery:
 *  - the pending set (with due times) for due(),
 *  - per guild, its pending delivery ids for dropGuild(),
 *  - per (channel, alert key), the id of its post delivery for findAlert() and findPosted().
 *
 * All outbox writes run under one in-process lock: the bot process is the only writer (the
 * poller enqueues through the same process). A shared Redis deployment would replace this with
 * atomic claims (SET NX PX) behind KeyValue.
 */
export class KeyValueOutbox implements Outbox {
  private readonly kv: KeyValue;

  constructor(kv: KeyValue) {
    this.kv = kv;
  }

  async enqueue(deliveries: Delivery[]): Promise<Delivery[]> {
    const unique = [...new Map(deliveries.map((d) => [d.id, d])).values()];
    if (unique.length === 0) return [];
    return this.kv.exclusive(OUTBOX_LOCK, async () => {
      const existing = await this.kv.getMany<Delivery>(unique.map((d) => deliveryKey(d.id)));
      // An id already stored keeps its state: enqueueing the same change again is a no-op.
      const fresh = unique.filter((_, i) => existing[i] === undefined);
      if (fresh.length === 0) return [];
      await this.kv.setMany(fresh.map((d) => ({ key: deliveryKey(d.id), value: d })));
      await this.reindex(fresh);
      return fresh;
    });
  }

  async due(now: Date, limit: number): Promise<Delivery[]> {
    if (limit <= 0) return [];
    const cutoff = now.getTime();
    const pending = (await this.kv.getMany<PendingEntry[]>(ALL_SHARDS)).flatMap((entries) => entries ?? []);
    const ids = pending
      .filter(([, , nextAttemptAt]) => nextAttemptAt <= cutoff)
      .sort((a, b) => a[1] - b[1] || a[2] - b[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, limit)
      .map(([id]) => id);
    const found = await this.kv.getMany<Delivery>(ids.map(deliveryKey));
    return found.filter((d): d is Delivery => d !== undefined && d.state === 'pending');
  }

  get(id: string): Promise<Delivery | undefined> {
    return this.kv.get<Delivery>(deliveryKey(id));
  }

  async update(delivery: Delivery): Promise<void> {
    await this.kv.exclusive(OUTBOX_LOCK, async () => {
      await this.kv.set(deliveryKey(delivery.id), delivery, ttlOf(delivery));
      await this.reindex([delivery]);
    });
  }

  async settle(id: string, changes: Partial<Delivery>): Promise<boolean> {
    return this.kv.exclusive(OUTBOX_LOCK, async () => {
      const current = await this.get(id);
      if (!current || current.state !== 'pending') return false;
      const next: Delivery = { ...current, ...changes, id };
      await this.kv.set(deliveryKey(id), next, ttlOf(next));
      // The indexes hold state and due time only: a note such as firstTriedAt leaves them as they are.
      if (next.state !== current.state || next.nextAttemptAt !== current.nextAttemptAt || next.createdAt !== current.createdAt) {
        await this.reindex([next]);
      }
      return true;
    });
  }

  async findPosted(channelId: string, alertKey: string): Promise<Delivery | undefined> {
    const delivery = await this.findAlert(channelId, alertKey);
    return delivery?.state === 'sent' && delivery.messageId !== undefined ? delivery : undefined;
  }

  async findAlert(channelId: string, alertKey: string): Promise<Delivery | undefined> {
    const id = await this.kv.get<string>(postedKey(channelId, alertKey));
    return id === undefined ? undefined : this.get(id);
  }

  async waiting(guildId: string): Promise<Delivery[]> {
    const ids = await new IdIndex(this.kv, guildPendingKey(guildId)).list();
    const found = await this.kv.getMany<Delivery>(ids.map(deliveryKey));
    return found
      .filter((d): d is Delivery => d !== undefined && d.state === 'pending')
      .sort((a, b) => time(a.createdAt) - time(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async dropGuild(guildId: string, reason: string): Promise<number> {
    return this.kv.exclusive(OUTBOX_LOCK, async () => {
      const guildIndex = new IdIndex(this.kv, guildPendingKey(guildId));
      const ids = await guildIndex.list();
      const found = await this.kv.getMany<Delivery>(ids.map(deliveryKey));
      const now = new Date().toISOString();
      const dropped = found
        .filter((d): d is Delivery => d !== undefined && d.state === 'pending')
        .map((d): Delivery => ({ ...d, state: 'dropped', lastError: reason, updatedAt: now }));
      await Promise.all(dropped.map((d) => this.kv.set(deliveryKey(d.id), d, SETTLED_TTL_MS)));
      for (const [shard, group] of groupBy(ids, (id) => String(shardOf(id)))) {
        const gone = new Set(group);
        await this.kv.update<PendingEntry[]>(pendingKey(Number(shard)), (current) => withoutIds(current, gone));
      }
      await guildIndex.drop();
      return dropped.length;
    });
  }

  /** Brings the indexes in line with the given deliveries' states. Call under OUTBOX_LOCK. */
  private async reindex(deliveries: Delivery[]): Promise<void> {
    for (const [shard, group] of groupBy(deliveries, (d) => String(shardOf(d.id)))) {
      const pending = group.filter((d) => d.state === 'pending');
      // Every delivery of the group leaves its old entry; the pending ones come back with new times.
      const touched = new Set(group.map((d) => d.id));
      await this.kv.update<PendingEntry[]>(pendingKey(Number(shard)), (current) => {
        const kept = withoutIds(current, touched);
        if (pending.length === 0) return kept;
        return [...(kept ?? []), ...pending.map((d): PendingEntry => [d.id, time(d.createdAt), time(d.nextAttemptAt)])];
      });
    }

    for (const [guildId, group] of groupBy(deliveries, (d) => d.guildId)) {
      const index = new IdIndex(this.kv, guildPendingKey(guildId));
      const add = group.filter((d) => d.state === 'pending').map((d) => d.id);
      const remove = group.filter((d) => d.state !== 'pending').map((d) => d.id);
      if (add.length > 0) await index.add(add);
      if (remove.length > 0) await index.remove(remove);
    }

    // The alert of a key is its post, from the moment it is planned: edits may queue behind it.
    // The last post of a key in a batch wins, as separate writes would; its pointer lives as long as it does.
    const posts = [...new Map(deliveries.filter((d) => d.action === 'post').map((d) => [postedKey(d.channelId, d.alertKey), d])).entries()];
    await Promise.all(posts.map(([key, d]) => this.kv.set(key, d.id, ttlOf(d))));
  }
}

function deliveryKey(id: string): string {
  return keyFor('delivery', id);
}

function guildPendingKey(guildId: string): string {
  return keyFor('index:outbox:guild', guildId);
}

function postedKey(channelId: string, alertKey: string): string {
  return keyFor('outbox:posted', `${channelId}|${alertKey}`);
}

function withoutIds(entries: PendingEntry[] | undefined, ids: Set<string>): PendingEntry[] | undefined {
  if (entries === undefined) return undefined;
  const kept = entries.filter(([id]) => !ids.has(id));
  if (kept.length === entries.length) return entries;
  return kept.length === 0 ? undefined : kept;
}

function time(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}
