/**
 * What every Redis-backed structure holds, as SqlPart does for SQL: the client and the call guard,
 * and the two ways it talks to Redis (a command, or a Lua script that runs atomically), each
 * through the guard so a slow or failing Redis surfaces as the store's own error.
 */
import type { Guard } from '../store-errors.ts';
import type { Fence } from '../types.ts';
import { evalScript, type RedisLike } from './redis-client.ts';

export abstract class RedisPart {
  protected readonly client: RedisLike;
  protected readonly guard: Guard;

  constructor(client: RedisLike, guard: Guard) {
    this.client = client;
    this.guard = guard;
  }

  protected command(args: string[]): Promise<unknown> {
    return this.guard(() => this.client.sendCommand(args));
  }

  protected script(lua: string, keys: string[], args: Array<string | number>, fence?: Fence): Promise<unknown> {
    return this.guard(() => evalScript(this.client, lua, keys, args, fence));
  }
}
