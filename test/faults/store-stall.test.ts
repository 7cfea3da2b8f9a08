/**
 * Redis behind a proxy that holds every byte for 6 s — longer than the store's 5 s timeout — in
 * the middle of a delivery round and of a fan-out. Calls time out while their commands are still
 * on their way and land when the stall ends. Every write is one script, so each either happened
 * whole or not at all: no pending alert is lost, none is posted twice, and the outbox's indexes
 * agree with its records.
 */
import { createClient } from '@keyv/redis';
import { afterEach, describe, expect, test } from 'vitest';
import { deliveryId } from '../../src/alerts/delivery-identity.ts';
import { planDeliveries } from '../../src/alerts/fan-out.ts';
import { openBackend } from '../../src/store/backends.ts';
import { DEFAULT_TIMEOUT_MS } from '../../src/store/index.ts';
import { createStores } from '../../src/store/open-stores.ts';
import type { Backend } from '../../src/store/structures.ts';
import type { Stores } from '../../src/store/types.ts';
import { REDIS_URL, requireServer, uniqueNamespace } from '../store/helpers/backends.ts';
import { TcpProxy } from '../store/helpers/tcp-proxy.ts';
import { releaseEvent, startDeliveryRig, type DeliveryRig } from './helpers/delivery-rig.ts';

const STALL_MS = 6_000;
const GUILDS = 8;

let rig: DeliveryRig | undefined;
let proxy: TcpProxy | undefined;
/** The same namespace reached straight, past the proxy: what the store holds. */
let direct: Stores | undefined;
let directBackend: Backend | undefined;

afterEach(async () => {
  await rig?.close().catch(() => undefined);
  await proxy?.stop();
  await directBackend?.clear().catch(() => undefined);
  await direct?.close().catch(() => undefined);
  rig = undefined;
  proxy = undefined;
  direct = undefined;
  directBackend = undefined;
});

/** Reads Redis directly (not through the proxy): the outbox's pending records and its indexes. */
async function outboxOnDisk(namespace: string): Promise<{ pending: string[]; dueIndex: string[]; createdIndex: string[] }> {
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  try {
    const prefix = `{${namespace}}:outbox:`;
    const dueIndex = await redis.zRange(`${prefix}due`, 0, -1);
    const createdIndex = await redis.zRange(`${prefix}created`, 0, -1);
    const pending: string[] = [];
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}d:*`, COUNT: 500 })) {
      for (const key of keys) {
        const body = await redis.get(key);
        if (body !== null && (JSON.parse(body) as { state: string }).state === 'pending') pending.push(key.slice(`${prefix}d:`.length));
      }
    }
    return { pending: pending.sort(), dueIndex: dueIndex.sort(), createdIndex: createdIndex.sort() };
  } finally {
    redis.destroy();
  }
}

describe('a Redis that stalls for 6 s', () => {
  test('mid-round and mid-fan-out: every alert is posted exactly once, and no write is half done', async () => {
    await requireServer('Redis', REDIS_URL);
    const target = new URL(REDIS_URL);
    proxy = new TcpProxy(target.hostname, Number(target.port || 6379));
    await proxy.start();
    const namespace = uniqueNamespace();
    const backend = await openBackend(`redis://127.0.0.1:${proxy.port}`, { namespace });
    directBackend = await openBackend(REDIS_URL, { namespace });
    direct = createStores(directBackend);
    const view = direct;
    const stores = createStores(backend);
    // Outbox writes are fenced, as in the running bot.
    const claim = await stores.leases.claim('poll-deliver', 'stall-test:1:aa', 60_000);
    if (!claim.held) throw new Error('could not take the lease');
    stores.fence.current = claim.fence;

    rig = await startDeliveryRig({
      stores,
      emulator: { guilds: Array.from({ length: GUILDS }, (_, i) => ({ name: `Hyosan stall club ${i + 1}`, channels: [{ name: 'announcements' }] })) },
      restTimeoutMs: 2_000,
    });
    const r = rig;
    // Each post takes a while, so answers come back while the store is stalled.
    r.emulator.injectFault({ method: 'POST', path: /^\/channels\/\d+\/messages$/, delayMs: 150, times: Infinity });
    const first = releaseEvent();
    const second = releaseEvent();
    expect(await planDeliveries(first, r.settings, stores.outbox)).toHaveLength(GUILDS);

    r.worker.start();
    await r.emulator.until(() => r.emulator.requests().some((q) => q.method === 'POST' && q.path.endsWith('/messages')), 10_000);
    const stall = proxy.stall(STALL_MS);
    // A fan-out during the stall: its one script either lands when the stall ends or never does.
    const started = Date.now();
    const during = await planDeliveries(second, r.settings, stores.outbox).then(() => 'queued', (error: unknown) => error);
    if (during !== 'queued') {
      expect(String(during)).toMatch(/store unavailable: redis 127\.0\.0\.1:\d+ — no answer within 5000 ms/);
      expect(Date.now() - started).toBeLessThan(DEFAULT_TIMEOUT_MS + 3_000);
    }
    await stall;

    // Whole or nothing: right after the stall, the second event is queued for every channel or for none.
    const secondIds = r.channels.map((c) => deliveryId(second, c));
    const stored = await Promise.all(secondIds.map((id) => view.outbox.get(id)));
    const present = stored.filter((d) => d !== undefined).length;
    expect([0, GUILDS]).toContain(present);
    // The poller's next round queues it again when it did not land; a repeat is a no-op when it did.
    await planDeliveries(second, r.settings, stores.outbox);

    await r.emulator.until(() => r.channels.every((c) => r.alerts(c).length >= 2), 60_000);
    await r.drainUntilSettled(30_000);
    for (const c of r.channels) {
      const texts = r.alerts(c).map((m) => JSON.stringify(m));
      expect(texts, c).toHaveLength(2);
    }
    for (const id of [...r.channels.map((c) => deliveryId(first, c)), ...secondIds]) {
      expect((await view.outbox.get(id))?.state, id).toBe('sent');
    }
    const disk = await outboxOnDisk(namespace);
    expect(disk).toEqual({ pending: [], dueIndex: [], createdIndex: [] });
    expect(r.logs.join('')).toMatch(/no answer within 5000 ms/);
  }, 120_000);
});
