/**
 * Leases and fences on every backend: one holder at a time, a new epoch at every change of
 * holder, and outbox writes refused (whole) once the writer's lease has been taken over.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/store/backends.ts';
import { createStores } from '../../src/store/open-stores.ts';
import { FencedError } from '../../src/store/store-errors.ts';
import type { Fence, LeaseClaim, Stores } from '../../src/store/types.ts';
import { DATABASE_URL, REDIS_URL, requireServer, uniqueNamespace } from './helpers/backends.ts';
import { makeDelivery } from './helpers/fixtures.ts';

const tempDir = mkdtempSync(join(tmpdir(), 'hyosan-lease-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

const BACKENDS = [
  { name: 'sqlite file', url: `sqlite://${join(tempDir, 'lease.sqlite')}`, server: false },
  { name: 'redis', url: REDIS_URL, server: true },
  { name: 'postgres', url: DATABASE_URL, server: true },
];

function held(claim: LeaseClaim): Fence {
  if (!claim.held) throw new Error(`expected to hold the lease, but ${claim.holder} does`);
  return claim.fence;
}

describe.each(BACKENDS)('leases on $name', ({ name, url, server }) => {
  let namespace: string;
  let a: Stores;
  let b: Stores;

  beforeAll(async () => {
    if (server) await requireServer(name, url);
  });

  beforeEach(async () => {
    namespace = uniqueNamespace();
    // Two processes: two connections to one store.
    a = createStores(await openBackend(url, { namespace }));
    b = createStores(await openBackend(url, { namespace }));
  });

  afterEach(async () => {
    await a.close().catch(() => undefined);
    await b.close().catch(() => undefined);
    const cleaner = await openBackend(url, { namespace });
    await cleaner.clear();
    await cleaner.close();
  });

  it('has one holder at a time; a release lets the next take over with a higher epoch', async () => {
    const first = held(await a.leases.claim('poll-deliver', 'host:1:aa', 30_000));
    const refused = await b.leases.claim('poll-deliver', 'host:2:bb', 30_000);
    expect(refused).toMatchObject({ held: false, holder: 'host:1:aa', epoch: first.epoch });
    expect(refused.expiresInMs).toBeGreaterThan(20_000);
    // Asking again as the holder keeps the same epoch (a claim whose answer was lost).
    expect(held(await a.leases.claim('poll-deliver', 'host:1:aa', 30_000)).epoch).toBe(first.epoch);
    expect(await a.leases.renew(first, 30_000)).toBe(true);

    await a.leases.release(first);
    const second = held(await b.leases.claim('poll-deliver', 'host:2:bb', 30_000));
    expect(second.epoch).toBeGreaterThan(first.epoch);
    expect(await a.leases.renew(first, 30_000)).toBe(false);
    // Another role's lease is independent.
    expect((await a.leases.claim('another-role', 'host:1:aa', 30_000)).held).toBe(true);
  });

  it('lets a standby take an expired lease, and the old holder can no longer renew it', async () => {
    const first = held(await a.leases.claim('poll-deliver', 'host:1:aa', 300));
    let claim = await b.leases.claim('poll-deliver', 'host:2:bb', 300);
    expect(claim.held).toBe(false);
    // Ask again when the store says it runs out, as the keeper does.
    while (!claim.held) {
      await new Promise((r) => setTimeout(r, claim.expiresInMs + 10));
      claim = await b.leases.claim('poll-deliver', 'host:2:bb', 30_000);
    }
    expect(claim.fence.epoch).toBeGreaterThan(first.epoch);
    expect(await a.leases.renew(first, 30_000)).toBe(false);
  });

  it('takes a live lease only from the holder named as dead', async () => {
    const first = held(await a.leases.claim('poll-deliver', 'host:1:aa', 30_000));
    expect((await b.leases.claim('poll-deliver', 'host:2:bb', 30_000, 'host:9:zz')).held).toBe(false);
    const second = held(await b.leases.claim('poll-deliver', 'host:2:bb', 30_000, 'host:1:aa'));
    expect(second.epoch).toBeGreaterThan(first.epoch);
  });

  it('refuses outbox writes under a fence that was taken over, and leaves the outbox as it was', async () => {
    const first = held(await a.leases.claim('poll-deliver', 'host:1:aa', 30_000));
    a.fence.current = first;
    await a.outbox.enqueue([makeDelivery('f1', { guildId: 'gf' }), makeDelivery('f2', { guildId: 'gf' })]);
    expect(await a.outbox.settle('f1', { firstTriedAt: '2025-06-01T00:00:01.000Z' })).toBe(true);

    await a.leases.release(first);
    const second = held(await b.leases.claim('poll-deliver', 'host:2:bb', 30_000));
    b.fence.current = second;

    const writes = await Promise.allSettled([
      a.outbox.settle('f1', { state: 'sent', messageId: '1' }),
      a.outbox.update({ ...makeDelivery('f2', { guildId: 'gf' }), state: 'sent', messageId: '2' }),
      a.outbox.enqueue([makeDelivery('f3', { guildId: 'gf' })]),
      a.outbox.dropGuild('gf', 'refused'),
    ]);
    for (const write of writes) expect(write.status === 'rejected' ? write.reason : write.value).toBeInstanceOf(FencedError);
    expect(await b.outbox.get('f3')).toBeUndefined();
    expect((await b.outbox.waiting('gf')).map((d) => d.id)).toEqual(['f1', 'f2']);
    expect((await b.outbox.due(new Date('2030-01-01'), 10)).map((d) => d.id)).toEqual(['f1', 'f2']);
    // The new holder writes as usual.
    expect(await b.outbox.settle('f1', { state: 'sent', messageId: '1' })).toBe(true);
    expect((await b.outbox.due(new Date('2030-01-01'), 10)).map((d) => d.id)).toEqual(['f2']);
  });
});
