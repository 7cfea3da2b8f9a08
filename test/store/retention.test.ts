/**
 * What the stores keep for ever and what expires: the fact history stays, settled alert
 * deliveries and processed items are written with a time to live.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import { openBackend, createStores } from '../../src/store/index.ts';
import type { Backend, KeyValue } from '../../src/store/index.ts';
import { ITEM_TTL_MS } from '../../src/store/item-store.ts';
import { SETTLED_TTL_MS } from '../../src/store/outbox-rules.ts';
import { makeDelivery, makeEvent, makeItem } from './helpers/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'hyosan-retention-'));

/** The real SQLite backend, recording the time to live of every single-key record write. */
async function recordingBackend(file = ':memory:'): Promise<{ backend: Backend; ttls: Map<string, number | undefined> }> {
  const real = await openBackend(`sqlite://${file}`);
  const ttls = new Map<string, number | undefined>();
  const kv: KeyValue = Object.create(real.kv) as KeyValue;
  kv.set = async (key, value, ttlMs) => {
    ttls.set(key, ttlMs);
    await real.kv.set(key, value, ttlMs);
  };
  return { backend: { ...real, kv }, ttls };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('retention', () => {
  test('a pending delivery is kept until settled; once sent it expires after the settled time to live', async () => {
    const file = join(dir, `outbox-${Date.now()}.sqlite`);
    const { backend } = await recordingBackend(file);
    const stores = createStores(backend);
    close = () => stores.close();
    const expiry = (id: string): number | null => {
      const db = new DatabaseSync(file);
      try {
        const row = db.prepare('SELECT expires_ms FROM hyosan_outbox WHERE id = ?').get(id) as { expires_ms: number | null } | undefined;
        return row?.expires_ms ?? null;
      } finally {
        db.close();
      }
    };
    const d = makeDelivery('r1', { channelId: 'c-r', alertKey: 'episodes::8' });
    await stores.outbox.enqueue([d]);
    await stores.outbox.update({ ...d, attempts: 1, lastError: '502' });
    expect(expiry('r1')).toBeNull();
    const before = Date.now();
    await stores.outbox.update({ ...d, state: 'sent', messageId: '1' });
    const expires = expiry('r1');
    expect(expires).toBeGreaterThanOrEqual(before + SETTLED_TTL_MS);
    expect(expires).toBeLessThanOrEqual(Date.now() + SETTLED_TTL_MS);
    expect(await stores.outbox.findPosted('c-r', 'episodes::8')).toMatchObject({ id: 'r1' });
  });

  test('processed items expire; the fact history is kept for ever', async () => {
    const { backend, ttls } = await recordingBackend();
    const stores = createStores(backend);
    close = () => stores.close();
    await stores.items.record([makeItem('i1')]);
    expect([...ttls.entries()].find(([k]) => k.includes('i1'))?.[1]).toBe(ITEM_TTL_MS);
    expect(await stores.items.seen(['i1'])).toEqual(new Set(['i1']));
    await stores.facts.appendEvents([makeEvent('release', '2027-H1', '2026-01-01T00:00:00.000Z')]);
    // The history is a table without an expiry column: nothing in it ever expires.
    expect(await stores.facts.listEvents()).toHaveLength(1);
  });
});

process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
