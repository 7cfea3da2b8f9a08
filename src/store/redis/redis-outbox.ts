/**
 * The outbox in Redis: each delivery a JSON string, and sorted sets for what is due (by next
 * attempt), what is pending (by creation) and what each guild has waiting. Every write is one Lua
 * script, so the record and its index entries change together or not at all; a change to an
 * existing delivery is compare-and-set against the record it was computed from.
 */
import { StoreError } from '../../shared/errors.ts';
import type { Guard } from '../store-errors.ts';
import type { Delivery, FenceRef, Outbox } from '../types.ts';
import { applyChanges, byAge, SETTLED_TTL_MS, time, uniqueById } from '../outbox-rules.ts';
import { FENCE_CHECK, fenceToken, leaseKey, type RedisLike } from './redis-client.ts';
import { RedisPart } from './redis-part.ts';

/** Attempts of a compare-and-set before giving up (only a concurrent writer makes it retry). */
const CAS_TRIES = 5;

/** Shared by the writing scripts: ARGV[2] is the key prefix, ARGV[3] the settled TTL. */
const INDEX = `
local P = ARGV[2]
local TTL = ARGV[3]
local function store(id, json, state, created, nxt, guild, pointer)
  if state == 'pending' then
    redis.call('SET', P .. 'd:' .. id, json)
    redis.call('ZADD', P .. 'due', nxt, id)
    redis.call('ZADD', P .. 'created', created, id)
    redis.call('ZADD', P .. 'guild:' .. guild, created, id)
  else
    redis.call('SET', P .. 'd:' .. id, json, 'PX', TTL)
    redis.call('ZREM', P .. 'due', id)
    redis.call('ZREM', P .. 'created', id)
    redis.call('ZREM', P .. 'guild:' .. guild, id)
  end
  -- A settled post's alert pointer lives as long as the post does.
  if pointer ~= '' and state ~= 'pending' and redis.call('GET', P .. pointer) == id then redis.call('PEXPIRE', P .. pointer, TTL) end
end
local function point(id, state, pointer)
  if pointer == '' then return end
  if state == 'pending' then redis.call('SET', P .. pointer, id) else redis.call('SET', P .. pointer, id, 'PX', TTL) end
end
`;

const ENQUEUE = `${FENCE_CHECK}${INDEX}
local fresh = {}
for i = 4, #ARGV, 7 do
  local id = ARGV[i]
  if redis.call('EXISTS', P .. 'd:' .. id) == 0 then
    store(id, ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5], ARGV[i + 6])
    point(id, ARGV[i + 2], ARGV[i + 6])
    fresh[#fresh + 1] = id
  end
end
return fresh`;

/** Writes deliveries whatever they held; a post points its alert key at itself. */
const UPDATE = `${FENCE_CHECK}${INDEX}
for i = 4, #ARGV, 7 do
  store(ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5], ARGV[i + 6])
  point(ARGV[i], ARGV[i + 2], ARGV[i + 6])
end
return 1`;

/** Writes each delivery only if its record is still exactly what the change was computed from. */
const SWAP = `${FENCE_CHECK}${INDEX}
local done = 0
for i = 4, #ARGV, 8 do
  if redis.call('GET', P .. 'd:' .. ARGV[i]) == ARGV[i + 1] then
    store(ARGV[i], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5], ARGV[i + 6], ARGV[i + 7])
    done = done + 1
  end
end
return done`;

/** Due pending deliveries, oldest first: ARGV[1] prefix, ARGV[2] now, ARGV[3] limit. */
const DUE = `
local P = ARGV[1]
local ids = redis.call('ZRANGEBYSCORE', P .. 'due', '-inf', ARGV[2])
local rows = {}
for _, id in ipairs(ids) do
  rows[#rows + 1] = { id = id, created = tonumber(redis.call('ZSCORE', P .. 'created', id)) or 0, nxt = tonumber(redis.call('ZSCORE', P .. 'due', id)) }
end
table.sort(rows, function(a, b)
  if a.created ~= b.created then return a.created < b.created end
  if a.nxt ~= b.nxt then return a.nxt < b.nxt end
  return a.id < b.id
end)
local out = {}
for i = 1, math.min(#rows, tonumber(ARGV[3])) do
  local body = redis.call('GET', P .. 'd:' .. rows[i].id)
  if body then out[#out + 1] = body end
end
return out`;

export class RedisOutbox extends RedisPart implements Outbox {
  private readonly prefix: string;
  private readonly fence: FenceRef;
  private readonly leasePrefix: string;

  constructor(client: RedisLike, prefix: string, fence: FenceRef, guard: Guard) {
    super(client, guard);
    this.prefix = `${prefix}outbox:`;
    this.fence = fence;
    this.leasePrefix = prefix;
  }

  async enqueue(deliveries: Delivery[]): Promise<Delivery[]> {
    const unique = uniqueById(deliveries);
    if (unique.length === 0) return [];
    const fresh = (await this.write(ENQUEUE, unique.flatMap((d) => fields(d)))) as string[];
    const ids = new Set(fresh);
    return unique.filter((d) => ids.has(d.id));
  }

  async due(now: Date, limit: number): Promise<Delivery[]> {
    if (limit <= 0) return [];
    const bodies = (await this.script(DUE, [], [this.prefix, now.getTime(), limit])) as string[];
    return bodies.map((b) => JSON.parse(b) as Delivery);
  }

  async get(id: string): Promise<Delivery | undefined> {
    const body = await this.command(['GET', `${this.prefix}d:${id}`]);
    return typeof body === 'string' ? (JSON.parse(body) as Delivery) : undefined;
  }

  async update(delivery: Delivery): Promise<void> {
    await this.write(UPDATE, fields(delivery));
  }

  async settle(id: string, changes: Partial<Delivery>): Promise<boolean> {
    for (let tries = 0; tries < CAS_TRIES; tries += 1) {
      const raw = await this.raw(id);
      if (raw === undefined) return false;
      const current = JSON.parse(raw) as Delivery;
      if (current.state !== 'pending') return false;
      const swapped = await this.write(SWAP, swapFields(raw, applyChanges(current, id, changes)));
      if (Number(swapped) === 1) return true;
    }
    throw new StoreError(`store unavailable: redis — delivery ${id} kept changing under a concurrent writer`);
  }

  async findPosted(channelId: string, alertKey: string): Promise<Delivery | undefined> {
    const delivery = await this.findAlert(channelId, alertKey);
    return delivery?.state === 'sent' && delivery.messageId !== undefined ? delivery : undefined;
  }

  async findAlert(channelId: string, alertKey: string): Promise<Delivery | undefined> {
    const id = await this.command(['GET', `${this.prefix}${pointerOf(channelId, alertKey)}`]);
    return typeof id === 'string' ? this.get(id) : undefined;
  }

  async waiting(guildId: string): Promise<Delivery[]> {
    return (await this.pendingOf(guildId)).map(([, d]) => d).sort(byAge);
  }

  async dropGuild(guildId: string, reason: string): Promise<number> {
    let dropped = 0;
    for (let tries = 0; tries < CAS_TRIES; tries += 1) {
      const pending = await this.pendingOf(guildId);
      if (pending.length === 0) return dropped;
      const at = new Date().toISOString();
      const args = pending.flatMap(([raw, d]) => swapFields(raw, { ...d, state: 'dropped', lastError: reason, updatedAt: at }));
      dropped += Number(await this.write(SWAP, args));
    }
    return dropped;
  }

  /** A guild's pending deliveries with the exact stored text of each (for compare-and-set). */
  private async pendingOf(guildId: string): Promise<Array<[string, Delivery]>> {
    const ids = (await this.command(['ZRANGE', `${this.prefix}guild:${guildId}`, '0', '-1'])) as string[];
    if (ids.length === 0) return [];
    const raws = (await this.command(['MGET', ...ids.map((id) => `${this.prefix}d:${id}`)])) as Array<string | null>;
    return raws
      .filter((raw): raw is string => typeof raw === 'string')
      .map((raw): [string, Delivery] => [raw, JSON.parse(raw) as Delivery])
      .filter(([, d]) => d.state === 'pending');
  }

  private async raw(id: string): Promise<string | undefined> {
    const body = await this.command(['GET', `${this.prefix}d:${id}`]);
    return typeof body === 'string' ? body : undefined;
  }

  private write(script: string, args: Array<string | number>): Promise<unknown> {
    const fence = this.fence.current;
    const lease = fence === undefined ? `${this.leasePrefix}lease:none` : leaseKey(this.leasePrefix, fence.lease);
    return this.script(script, [lease], [fenceToken(fence), this.prefix, SETTLED_TTL_MS, ...args], fence);
  }
}

function pointerOf(channelId: string, alertKey: string): string {
  return `alert:${channelId}|${alertKey}`;
}

/** id, json, state, created, next, guild, pointer ('' unless a post). */
function fields(d: Delivery): Array<string | number> {
  return [d.id, JSON.stringify(d), d.state, time(d.createdAt), time(d.nextAttemptAt), d.guildId, d.action === 'post' ? pointerOf(d.channelId, d.alertKey) : ''];
}

function swapFields(expected: string, next: Delivery): Array<string | number> {
  const [id, ...rest] = fields(next);
  return [id ?? next.id, expected, ...rest];
}
