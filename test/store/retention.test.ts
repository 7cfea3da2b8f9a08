/**
 * What the stores keep for ever and what expires: the fact history stays, settled alert
 * deliveries and processed items are written with a time to live.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { openBackend, createStores } from '../../src/store/index.ts';
import type { KeyValue } from '../../src/store/index.ts';
import { ITEM_TTL_MS } from '../../src/store/item-store.ts';
import { SETTLED_TTL_MS } from '../../src/store/outbox.ts';
import { makeDelivery, makeEvent, makeItem } from './helpers/fixtures.ts';

/** The real SQLite key/value store, recording the time to live of every single-key write. */
async function recordingBackend(): Promise<{ kv: KeyValue; ttls: Map<string, number | undefined> }> {
  const real = await openBackend('sqlite://:memory:');
  const ttls = new Map<string, number | undefined>();
  const kv: KeyValue = Object.create(real) as KeyValue;
  kv.set = async (key, value, ttlMs) => {
    ttls.set(key, ttlMs);
    await real.set(key, value, ttlMs);
  };
  return { kv, ttls };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

describe('retention', () => {
  test('a pending delivery is kept until settled; once sent it and its alert pointer expire', async () => {
    const { kv, ttls } = await recordingBackend();
    const stores = createStores(kv);
    close = () => stores.close();
    const d = makeDelivery('r1', { channelId: 'c-r', alertKey: 'episodes::8' });
    await stores.outbox.enqueue([d]);
    await stores.outbox.update({ ...d, attempts: 1, lastError: '502' });
    expect([...ttls.entries()].filter(([k]) => k.includes('r1')).map(([, t]) => t)).toEqual([undefined]);
    await stores.outbox.update({ ...d, state: 'sent', messageId: '1' });
    const settled = [...ttls.entries()].filter(([k]) => k.includes('r1') || k.includes('c-r'));
    expect(settled.length).toBeGreaterThanOrEqual(2);
    expect(settled.every(([, t]) => t === SETTLED_TTL_MS)).toBe(true);
    expect(await stores.outbox.findPosted('c-r', 'episodes::8')).toMatchObject({ id: 'r1' });
  });

  test('processed items expire; the fact history is kept for ever', async () => {
    const { kv, ttls } = await recordingBackend();
    const stores = createStores(kv);
    close = () => stores.close();
    await stores.items.record([makeItem('i1')]);
    expect([...ttls.entries()].find(([k]) => k.includes('i1'))?.[1]).toBe(ITEM_TTL_MS);
    expect(await stores.items.seen(['i1'])).toEqual(new Set(['i1']));
    await stores.facts.appendEvents([makeEvent('release', '2027-H1', '2026-01-01T00:00:00.000Z')]);
    const historyWrites = [...ttls.entries()].filter(([k]) => k.includes('event'));
    expect(historyWrites.every(([, t]) => t === undefined)).toBe(true);
    expect(await stores.facts.listEvents()).toHaveLength(1);
  });
});
