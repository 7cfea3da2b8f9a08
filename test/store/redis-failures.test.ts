import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/shared/errors.ts';
import { openBackend } from '../../src/store/backends.ts';
import { createStores, openStores } from '../../src/store/open-stores.ts';
import { REDIS_URL, requireServer, uniqueNamespace } from './helpers/backends.ts';
import { makeFact } from './helpers/fixtures.ts';
import { startBlackHole, TcpProxy } from './helpers/tcp-proxy.ts';

describe('Redis store failures', () => {
  const target = new URL(REDIS_URL);
  const proxy = new TcpProxy(target.hostname, Number(target.port || 6379));
  let blackHole: Awaited<ReturnType<typeof startBlackHole>>;

  beforeAll(async () => {
    await requireServer('Redis', REDIS_URL);
    await proxy.start();
    blackHole = await startBlackHole();
  });

  afterAll(async () => {
    await proxy.stop();
    await blackHole.close();
  });

  it('throws StoreError quickly for a closed port, never undefined', async () => {
    const stores = await openStores('redis://127.0.0.1:1', { namespace: uniqueNamespace() });
    const started = Date.now();
    const error = await stores.facts.getFact('release', null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toBe('store unavailable: redis 127.0.0.1:1 — connection refused');
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(stores.facts.listFacts()).rejects.toBeInstanceOf(StoreError);
    await expect(stores.outbox.due(new Date(), 10)).rejects.toBeInstanceOf(StoreError);
    await expect(stores.ping()).rejects.toBeInstanceOf(StoreError);
    await stores.close();
  });

  it('times out with StoreError when the server accepts but never answers', async () => {
    const stores = await openStores(`redis://127.0.0.1:${blackHole.port}`, { namespace: uniqueNamespace(), timeoutMs: 400 });
    const started = Date.now();
    const error = await stores.meta.get('lastRound').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/^store unavailable: redis 127\.0\.0\.1:\d+ — /);
    expect(Date.now() - started).toBeLessThan(2000);
    await stores.close().catch(() => undefined);
  });

  it('throws while Redis is away and works again once it is back, without reopening', async () => {
    const kv = await openBackend(`redis://127.0.0.1:${proxy.port}`, { namespace: uniqueNamespace(), timeoutMs: 1000 });
    const stores = createStores(kv);
    try {
      await stores.facts.putFact(makeFact());
      expect((await stores.facts.listFacts()).map((f) => f.value)).toEqual(['filming']);

      await proxy.stop();
      const whileAway = await stores.facts.listFacts().catch((e: unknown) => e);
      expect(whileAway).toBeInstanceOf(StoreError);
      expect((whileAway as Error).message).toMatch(/^store unavailable: redis 127\.0\.0\.1:\d+ — /);
      await expect(stores.facts.getFact('production', null)).rejects.toBeInstanceOf(StoreError);
      await expect(stores.facts.putFact(makeFact({ value: 'wrapped' }))).rejects.toBeInstanceOf(StoreError);

      await proxy.start();
      expect(await stores.facts.getFact('production', null)).toEqual(makeFact());
      await stores.facts.putFact(makeFact({ value: 'wrapped' }));
      expect((await stores.facts.listFacts()).map((f) => f.value)).toEqual(['wrapped']);
    } finally {
      await kv.clear().catch(() => undefined);
      await stores.close().catch(() => undefined);
    }
  });
});
