import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/shared/errors.ts';
import { openBackend } from '../../src/store/backends.ts';
import { createStores, openStores } from '../../src/store/open-stores.ts';
import { DATABASE_URL, requireServer, uniqueNamespace } from './helpers/backends.ts';
import { makeGuild } from './helpers/fixtures.ts';
import { TcpProxy } from './helpers/tcp-proxy.ts';

describe('PostgreSQL store failures', () => {
  const target = new URL(DATABASE_URL);
  const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));

  beforeAll(async () => {
    await requireServer('PostgreSQL', DATABASE_URL);
    await proxy.start();
  });

  afterAll(async () => {
    await proxy.stop();
  });

  it('throws StoreError for a closed port, never undefined', async () => {
    const stores = await openStores('postgresql://postgres:secret@127.0.0.1:1/test', { namespace: uniqueNamespace(), timeoutMs: 2000 });
    const started = Date.now();
    const error = await stores.guilds.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toBe('store unavailable: postgres 127.0.0.1:1/test — connection refused');
    expect((error as Error).message).not.toContain('secret');
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(stores.feeds.get('https://news.example/feed.xml')).rejects.toBeInstanceOf(StoreError);
    await expect(stores.ping()).rejects.toBeInstanceOf(StoreError);
    await stores.close().catch(() => undefined);
  });

  it('closing one store leaves another on the same URL working', async () => {
    const a = await openStores(DATABASE_URL, { namespace: uniqueNamespace() });
    const bKv = await openBackend(DATABASE_URL, { namespace: uniqueNamespace() });
    const b = createStores(bKv);
    try {
      await a.ping();
      await b.guilds.put(makeGuild('g1'));
      await a.close();
      expect((await b.guilds.list()).map((g) => g.guildId)).toEqual(['g1']);
    } finally {
      await bKv.clear().catch(() => undefined);
      await b.close();
    }
  });

  it('throws while the server is away and works again once it is back, without crashing', async () => {
    const url = `postgres://${target.username}@127.0.0.1:${proxy.port}${target.pathname}`;
    const kv = await openBackend(url, { namespace: uniqueNamespace(), timeoutMs: 1500 });
    const stores = createStores(kv);
    try {
      await stores.guilds.put(makeGuild('g1'));
      await proxy.stop();
      // Idle pooled connections are cut here; that must not take the process down.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await expect(stores.guilds.list()).rejects.toBeInstanceOf(StoreError);
      await proxy.start();
      expect((await stores.guilds.list()).map((g) => g.guildId)).toEqual(['g1']);
    } finally {
      await kv.clear().catch(() => undefined);
      await stores.close().catch(() => undefined);
    }
  });
});
