/**
 * Leases as keys that expire by Redis's own clock. The epoch comes from a counter that never
 * expires, so a new holder always carries a higher fence than every holder before it.
 */
import type { Guard } from '../store-errors.ts';
import type { Fence, LeaseClaim, LeaseStore } from '../types.ts';
import { fenceToken, leaseKey, type RedisLike } from './redis-client.ts';
import { RedisPart } from './redis-part.ts';

/** KEYS: lease, epoch counter. ARGV: holder, ttl, dead holder ('' for none). Returns {held, holder, epoch, ms left}. */
const CLAIM = `
local current = redis.call('GET', KEYS[1])
if current then
  local bar = string.find(current, '|', 1, true)
  local epoch = string.sub(current, 1, bar - 1)
  local holder = string.sub(current, bar + 1)
  if holder == ARGV[1] then
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    return { 1, holder, epoch, ARGV[2] }
  end
  if ARGV[3] == '' or holder ~= ARGV[3] then return { 0, holder, epoch, redis.call('PTTL', KEYS[1]) } end
end
local epoch = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], epoch .. '|' .. ARGV[1], 'PX', ARGV[2])
return { 1, ARGV[1], epoch, ARGV[2] }`;

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export class RedisLeaseStore extends RedisPart implements LeaseStore {
  private readonly prefix: string;

  constructor(client: RedisLike, prefix: string, guard: Guard) {
    super(client, guard);
    this.prefix = prefix;
  }

  async claim(lease: string, holder: string, ttlMs: number, replacing?: string): Promise<LeaseClaim> {
    const key = leaseKey(this.prefix, lease);
    const reply = (await this.script(CLAIM, [key, `${key}:epoch`], [holder, ttlMs, replacing ?? ''])) as unknown[];
    const [held, who, epoch, left] = reply;
    if (Number(held) === 1) return { held: true, fence: { lease, holder, epoch: Number(epoch) }, expiresInMs: Number(left) };
    return { held: false, holder: String(who), epoch: Number(epoch), expiresInMs: Number(left) };
  }

  async renew(fence: Fence, ttlMs: number): Promise<boolean> {
    const reply = await this.script(RENEW, [leaseKey(this.prefix, fence.lease)], [fenceToken(fence), ttlMs]);
    return Number(reply) === 1;
  }

  async release(fence: Fence): Promise<void> {
    await this.script(RELEASE, [leaseKey(this.prefix, fence.lease)], [fenceToken(fence)]);
  }
}
