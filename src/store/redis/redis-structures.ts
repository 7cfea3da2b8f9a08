import type { Guard } from '../store-errors.ts';
import type { NativeStructures } from '../structures.ts';
import type { FenceRef } from '../types.ts';
import { prefixOf, type RedisLike } from './redis-client.ts';
import { RedisLeaseStore } from './redis-lease.ts';
import { RedisEventLog, RedisIdList, RedisRecentIndex } from './redis-lists.ts';
import { RedisOutbox } from './redis-outbox.ts';

export function redisStructures(client: RedisLike, ns: string, guard: Guard): NativeStructures {
  const prefix = prefixOf(ns);
  return {
    outbox: (fence: FenceRef) => new RedisOutbox(client, prefix, fence, guard),
    idList: (name: string) => new RedisIdList(client, prefix, name, guard),
    recent: new RedisRecentIndex(client, prefix, guard),
    events: new RedisEventLog(client, prefix, guard),
    leases: new RedisLeaseStore(client, prefix, guard),
    ready: async () => {
      await guard(() => client.sendCommand(['PING']));
    },
    clear: () =>
      guard(async () => {
        let cursor = '0';
        do {
          const [next, keys] = (await client.sendCommand(['SCAN', cursor, 'MATCH', `${prefix}*`, 'COUNT', '1000'])) as [string, string[]];
          cursor = next;
          if (keys.length > 0) await client.sendCommand(['UNLINK', ...keys]);
        } while (cursor !== '0');
      }),
  };
}
