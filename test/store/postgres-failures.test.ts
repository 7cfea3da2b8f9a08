import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/shared/errors.ts';
import { openStores } from '../../src/store/open-stores.ts';
import { uniqueNamespace } from './helpers/backends.ts';

describe('PostgreSQL store failures', () => {
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
});
