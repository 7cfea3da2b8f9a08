import path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { processItems } from '../../src/engine/process-items.ts';
import { createExclusive } from '../../src/engine/serial.ts';
import { FactLedger } from '../../src/facts/ledger-store.ts';
import { loadShowPack, type ShowPack } from '../../src/facts/show-pack.ts';
import type { FactEvent } from '../../src/facts/types.ts';
import type { FeedItem } from '../../src/feeds/types.ts';
import { openStores } from '../../src/store/index.ts';
import type { FactStore, Stores } from '../../src/store/types.ts';

let pack: ShowPack;
let stores: Stores;

beforeAll(async () => {
  pack = await loadShowPack(path.join('config', 'shows', 'all-of-us-are-dead.json'));
});

afterEach(async () => {
  await stores?.close();
});

function item(id: string, outlet: string, published: string): FeedItem {
  return {
    feedUrl: `https://${outlet}.example/feed`,
    id,
    link: `https://${outlet}.example/${id}`,
    title: 'Netflix confirms All of Us Are Dead season 2 will have eight episodes',
    text: 'Netflix confirmed on Monday that the second season of All of Us Are Dead will have eight episodes.',
    published,
    outlet,
  };
}

const changes = (events: FactEvent[]) => events.filter((e) => e.type === 'fact-change' && e.kind === 'episodes');

describe('processItems', () => {
  test('two feeds carrying the same news at once make one change and one corroboration', async () => {
    stores = await openStores('sqlite://:memory:');
    const ledger = new FactLedger(stores.facts);
    const exclusive = createExclusive();
    const deps = { pack, ledger, items: stores.items, exclusive };
    const [a, b] = await Promise.all([
      processItems([item('a1', 'wire', '2026-09-01T10:00:00Z')], deps),
      processItems([item('b1', 'desk', '2026-09-01T10:05:00Z')], deps),
    ]);
    const events = [...a.events, ...b.events].filter((e) => e.kind === 'episodes');
    expect(changes(events)).toHaveLength(1);
    expect(events.map((e) => e.type).sort()).toEqual(['corroboration', 'fact-change']);
  });

  test('an item already processed is not judged again', async () => {
    stores = await openStores('sqlite://:memory:');
    const deps = { pack, ledger: new FactLedger(stores.facts), items: stores.items };
    const first = await processItems([item('a1', 'wire', '2026-09-01T10:00:00Z')], deps);
    const again = await processItems([item('a1', 'wire', '2026-09-01T10:00:00Z')], deps);
    expect(changes(first.events)).toHaveLength(1);
    expect(again).toMatchObject({ processed: 0, events: [] });
  });

  test('a first fetch learns old articles silently and announces new ones', async () => {
    stores = await openStores('sqlite://:memory:');
    const deps = { pack, ledger: new FactLedger(stores.facts), items: stores.items };
    const report = await processItems([item('old', 'wire', '2026-01-01T00:00:00Z')], deps, { silentBefore: '2026-06-01T00:00:00Z' });
    expect(changes(report.events)).toHaveLength(1);
    expect(changes(report.events)[0]?.silent).toBe(true);
    expect((await stores.facts.getFact('episodes', null))?.value).toBe('8');
  });

  test('a crash after the outbox write but before the facts are saved replays to the same events', async () => {
    stores = await openStores('sqlite://:memory:');
    const ledger = new FactLedger(stores.facts);
    const outbox: FactEvent[][] = [];
    const real = stores.facts;
    const failingFacts: FactStore = {
      getFact: (kind, subject) => real.getFact(kind, subject),
      listFacts: () => real.listFacts(),
      listEvents: (filter) => real.listEvents(filter),
      putFact: () => Promise.reject(new Error('disk full')),
      appendEvents: () => Promise.reject(new Error('disk full')),
    };
    const crashing = { pack, ledger: new FactLedger(failingFacts), items: stores.items, onEvents: async (e: FactEvent[]) => void outbox.push(e) };
    await expect(processItems([item('a1', 'wire', '2026-09-01T10:00:00Z')], crashing)).rejects.toThrow('disk full');
    // Nothing was recorded as processed, so the next poll judges the article again.
    const retry = await processItems([item('a1', 'wire', '2026-09-01T10:00:00Z')], { pack, ledger, items: stores.items, onEvents: async (e: FactEvent[]) => void outbox.push(e) });
    expect(outbox).toHaveLength(2);
    const strip = (events: FactEvent[]) => events.map(({ at: _at, ...rest }) => rest);
    expect(strip(outbox[1]!)).toEqual(strip(outbox[0]!));
    expect(changes(retry.events)).toHaveLength(1);
  });
});

describe('processItems on a first fetch', () => {
  test('an undated article is treated as news, not caught up silently', async () => {
    stores = await openStores('sqlite://:memory:');
    const deps = { pack, ledger: new FactLedger(stores.facts), items: stores.items };
    const { published: _published, ...undated } = item('u1', 'wire', '2026-01-01T00:00:00Z');
    const report = await processItems([undated], deps, { silentBefore: '2026-06-01T00:00:00Z' });
    expect(changes(report.events)).toHaveLength(1);
    expect(changes(report.events)[0]?.silent).toBeUndefined();
  });
});
