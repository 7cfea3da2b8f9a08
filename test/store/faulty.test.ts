import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/shared/errors.ts';
import { openFaultyMemoryStores, type FaultyStores } from './helpers/failing-store.ts';
import { makeFact, makeGuild } from './helpers/fixtures.ts';

describe('FaultyStores', () => {
  let stores: FaultyStores;

  beforeEach(async () => {
    stores = await openFaultyMemoryStores();
    await stores.facts.putFact(makeFact());
  });

  afterEach(async () => {
    stores.heal();
    await stores.close();
  });

  it('passes calls through to the real stores until told otherwise', async () => {
    expect(await stores.facts.listFacts()).toEqual([makeFact()]);
    expect(stores.calls).toEqual(['facts.putFact', 'facts.listFacts']);
  });

  it('makes a chosen method throw StoreError while others keep working', async () => {
    stores.fail('facts.listFacts');
    await expect(stores.facts.listFacts()).rejects.toBeInstanceOf(StoreError);
    await expect(stores.facts.listFacts()).rejects.toThrow('injected fault in facts.listFacts');
    expect(await stores.facts.getFact('production', null)).toEqual(makeFact());
    stores.heal('facts.listFacts');
    expect(await stores.facts.listFacts()).toHaveLength(1);
  });

  it('fails only the next n calls when asked', async () => {
    stores.fail('guilds.put', 'throw', { times: 1 });
    await expect(stores.guilds.put(makeGuild('g1'))).rejects.toBeInstanceOf(StoreError);
    await stores.guilds.put(makeGuild('g1'));
    expect((await stores.guilds.list()).map((g) => g.guildId)).toEqual(['g1']);
  });

  it('throws a custom error when given one', async () => {
    stores.fail('meta.get', 'throw', { error: () => new Error('disk on fire') });
    await expect(stores.meta.get('x')).rejects.toThrow('disk on fire');
  });

  it('hangs a method until healed, then completes the real call', async () => {
    stores.fail('outbox.due', 'hang');
    let settled = false;
    const pending = stores.outbox.due(new Date(), 5).then((result) => {
      settled = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).toBe(false);
    expect(stores.hanging).toBe(1);
    stores.heal();
    expect(await pending).toEqual([]);
    expect(stores.hanging).toBe(0);
  });

  it('fails every method at once, ping included, as a backend outage', async () => {
    stores.failAll();
    await expect(stores.ping()).rejects.toBeInstanceOf(StoreError);
    await expect(stores.items.recent(5)).rejects.toBeInstanceOf(StoreError);
    await expect(stores.feeds.list()).rejects.toBeInstanceOf(StoreError);
    stores.heal();
    await expect(stores.ping()).resolves.toBeUndefined();
  });
});
