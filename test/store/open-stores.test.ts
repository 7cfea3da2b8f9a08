import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/shared/errors.ts';
import { openStores } from '../../src/store/open-stores.ts';

describe('openStores', () => {
  it.each(['mysql://root@127.0.0.1/db', 'mongodb://127.0.0.1', './data/hyosan.sqlite', '', 'sqlite:/missing-slashes.sqlite'])(
    'refuses %j with a message naming the accepted forms',
    async (url) => {
      const error = await openStores(url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserFacingError);
      expect((error as Error).message).toMatch(/sqlite:\/\/.*redis:\/\/.*rediss:\/\/.*postgres:\/\/.*postgresql:\/\//);
    },
  );

  it('does not repeat a password from a refused URL', async () => {
    const error = await openStores('mysql://admin:hunter22@db.example/hyosan').catch((e: unknown) => e);
    expect((error as Error).message).not.toContain('hunter22');
  });

  it('refuses a sqlite URL without a path', async () => {
    await expect(openStores('sqlite://')).rejects.toBeInstanceOf(UserFacingError);
  });

  it('opens an in-memory SQLite store that answers ping', async () => {
    const stores = await openStores('sqlite://:memory:');
    await expect(stores.ping()).resolves.toBeUndefined();
    await stores.close();
  });
});
