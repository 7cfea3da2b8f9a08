/** The id lists, the recent-items index and the fact history as Redis sorted sets and a list. */
import type { FactEvent, FactKind } from '../../facts/types.ts';
import type { Guard } from '../store-errors.ts';
import type { EventLog, IdList, RecentIndex } from '../types.ts';
import type { RedisLike } from './redis-client.ts';
import { RedisPart } from './redis-part.ts';

/** Events read per round trip when walking the history backwards for one kind. */
const EVENT_PAGE = 200;

/** Adds ids not yet listed, each scored by a counter: the set keeps insertion order. */
const ADD_IDS = `
for i = 1, #ARGV do
  if not redis.call('ZSCORE', KEYS[1], ARGV[i]) then redis.call('ZADD', KEYS[1], redis.call('INCR', KEYS[2]), ARGV[i]) end
end
return 1`;

export class RedisIdList extends RedisPart implements IdList {
  private readonly key: string;

  constructor(client: RedisLike, prefix: string, name: string, guard: Guard) {
    super(client, guard);
    this.key = `${prefix}ids:${name}`;
  }

  async add(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.script(ADD_IDS, [this.key, `${this.key}:seq`], [...new Set(ids)]);
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.command(['ZREM', this.key, ...new Set(ids)]);
  }

  async list(): Promise<string[]> {
    return (await this.command(['ZRANGE', this.key, '0', '-1'])) as string[];
  }
}

/**
 * Scores are minus the sort time, so ascending order is newest first and equal times fall back
 * to the id, as on the SQL stores. ARGV: keep, then (id, score, relevant) triples.
 */
const ADD_RECENT = `
local keep = tonumber(ARGV[1])
for i = 2, #ARGV, 3 do
  redis.call('ZADD', KEYS[1], ARGV[i + 1], ARGV[i])
  if ARGV[i + 2] == '1' then redis.call('ZADD', KEYS[2], ARGV[i + 1], ARGV[i]) else redis.call('ZREM', KEYS[2], ARGV[i]) end
end
local gone = redis.call('ZRANGE', KEYS[1], keep, -1)
for _, id in ipairs(gone) do redis.call('ZREM', KEYS[2], id) end
redis.call('ZREMRANGEBYRANK', KEYS[1], keep, -1)
return 1`;

export class RedisRecentIndex extends RedisPart implements RecentIndex {
  private readonly all: string;
  private readonly relevant: string;

  constructor(client: RedisLike, prefix: string, guard: Guard) {
    super(client, guard);
    this.all = `${prefix}recent:all`;
    this.relevant = `${prefix}recent:relevant`;
  }

  async add(entries: Array<{ id: string; sortMs: number; relevant: boolean }>, keep: number): Promise<void> {
    if (entries.length === 0) return;
    const args = [keep, ...entries.flatMap((e) => [e.id, -e.sortMs, e.relevant ? '1' : '0'])];
    await this.script(ADD_RECENT, [this.all, this.relevant], args);
  }

  async newest(limit: number, includeIrrelevant: boolean): Promise<string[]> {
    if (limit <= 0) return [];
    return (await this.command(['ZRANGE', includeIrrelevant ? this.all : this.relevant, '0', String(limit - 1)])) as string[];
  }
}

export class RedisEventLog extends RedisPart implements EventLog {
  private readonly key: string;

  constructor(client: RedisLike, prefix: string, guard: Guard) {
    super(client, guard);
    this.key = `${prefix}events`;
  }

  async append(events: FactEvent[]): Promise<void> {
    if (events.length === 0) return;
    // One RPUSH: the whole batch lands, in order, or none of it.
    await this.command(['RPUSH', this.key, ...events.map((e) => JSON.stringify(e))]);
  }

  async list(filter: { kind?: FactKind; limit?: number }): Promise<FactEvent[]> {
    const limit = filter.limit ?? Number.POSITIVE_INFINITY;
    if (limit <= 0) return [];
    const total = Number(await this.command(['LLEN', this.key]));
    const out: FactEvent[] = [];
    for (let end = total; end > 0 && out.length < limit; end -= EVENT_PAGE) {
      const start = Math.max(0, end - EVENT_PAGE);
      const page = (await this.command(['LRANGE', this.key, String(start), String(end - 1)])) as string[];
      for (const raw of page.reverse()) {
        const event = JSON.parse(raw) as FactEvent;
        if (filter.kind !== undefined && event.kind !== filter.kind) continue;
        out.push(event);
        if (out.length >= limit) break;
      }
    }
    return out;
  }
}
