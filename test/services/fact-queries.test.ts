import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShowPack, type ShowPack } from '../../src/facts/show-pack.ts';
import type { FactEvent } from '../../src/facts/types.ts';
import { createFactQueries } from '../../src/services/fact-queries.ts';
import { openStores } from '../../src/store/index.ts';
import type { Stores } from '../../src/store/types.ts';

let stores: Stores;
let pack: ShowPack;

beforeAll(async () => {
  stores = await openStores('sqlite://:memory:');
  pack = await loadShowPack('config/shows/all-of-us-are-dead.json');
});
afterAll(async () => {
  await stores.close();
});

function event(type: FactEvent['type'], n: number): FactEvent {
  return {
    type,
    kind: 'production',
    subject: null,
    value: 'wrapped',
    previous: type === 'fact-change' ? 'filming' : 'wrapped',
    confidence: 'reported',
    sources: [{ itemUrl: `https://outlet${n}.example/wrap`, outlet: `Outlet ${n}`, sentence: 'Filming on the second season has wrapped.' }],
    at: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
  };
}

describe('fact queries: /history', () => {
  it('finds the change behind a long run of repeats of it', async () => {
    // One change, then thirty outlets repeating it: the change is far behind the newest events.
    await stores.facts.appendEvents([event('fact-change', 0)]);
    await stores.facts.appendEvents(Array.from({ length: 30 }, (_, i) => event(i % 2 ? 'corroboration' : 'ignored', i + 1)));
    const queries = createFactQueries(pack, stores);

    const history = await queries.history(undefined, 5);
    expect(history.map((e) => e.type)).toEqual(['fact-change']);
    expect(history[0]?.sources[0]?.outlet).toBe('Outlet 0');
    expect(await queries.history('production', 1)).toHaveLength(1);
    expect(await queries.history('release', 3)).toEqual([]);
  });
});
