/** A store written by an earlier version: its JSON lists move into the native structures, once. */
import { describe, expect, test } from 'vitest';
import { openBackend } from '../../src/store/backends.ts';
import { importOldLayout } from '../../src/store/import-old-layout.ts';
import { createStores } from '../../src/store/open-stores.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { makeDelivery, makeEvent, makeFeed, makeGuild, makeItem } from './helpers/fixtures.ts';

describe('importing the old key/value layout', () => {
  test('lists, recent items, the history and pending deliveries arrive in order, and the old keys are gone', async () => {
    const backend = await openBackend('sqlite://:memory:');
    const { kv } = backend;
    const stores = createStores(backend);
    try {
      await kv.set('feed:https://news.example/a.xml', makeFeed('https://news.example/a.xml'));
      await kv.set('feed:https://news.example/b.xml', makeFeed('https://news.example/b.xml'));
      await kv.set('index:feeds', ['https://news.example/b.xml', 'https://news.example/a.xml']);
      await kv.set('guild:g1', makeGuild('g1'));
      await kv.set('index:guilds', ['g1']);
      await kv.set('item:i1', makeItem('i1'));
      await kv.set('index:items:recent', [['i1', Date.parse('2025-06-01T00:00:00Z'), true]]);
      await kv.set('event:0', makeEvent('production', 'filming', '2025-01-01T00:00:00.000Z'));
      await kv.set('event:1', makeEvent('production', 'wrapped', '2025-02-01T00:00:00.000Z'));
      await kv.set('events:count', 2);
      const pending = makeDelivery('d1');
      const sent = makeDelivery('d2', { state: 'sent', messageId: '9' });
      await kv.set('delivery:d1', pending);
      await kv.set('delivery:d2', sent);
      await kv.set('index:outbox:pending:7', [['d1', 1, 1], ['d2', 1, 1]]);

      await importOldLayout(backend, stores.fence, createLogger({ level: 'silent' }));
      expect((await stores.feeds.list()).map((f) => f.url)).toEqual(['https://news.example/b.xml', 'https://news.example/a.xml']);
      expect((await stores.guilds.list()).map((g) => g.guildId)).toEqual(['g1']);
      expect((await stores.items.recent(5)).map((i) => i.id)).toEqual(['i1']);
      expect((await stores.facts.listEvents()).map((e) => e.value)).toEqual(['wrapped', 'filming']);
      expect((await stores.outbox.due(new Date('2030-01-01'), 10)).map((d) => d.id)).toEqual(['d1']);
      for (const key of ['index:feeds', 'index:guilds', 'index:items:recent', 'events:count', 'event:0', 'index:outbox:pending:7']) {
        expect(await kv.get(key), key).toBeUndefined();
      }

      // A second start finds nothing left to move and changes nothing.
      await importOldLayout(backend, stores.fence, createLogger({ level: 'silent' }));
      expect(await stores.facts.listEvents()).toHaveLength(2);
    } finally {
      await stores.close();
    }
  });
});
