/** The lease keeper: a standby that waits and takes over, and a holder that notices it lost the lease. */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import { LeaseKeeper } from '../../src/lease/lease-keeper.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { openStores } from '../../src/store/open-stores.ts';
import type { FenceRef, Stores } from '../../src/store/types.ts';

let stores: Stores | undefined;
afterEach(async () => {
  await stores?.close();
  stores = undefined;
});

function keeper(s: Stores, logs: string[], holder: string, fence: FenceRef = { current: undefined }): LeaseKeeper {
  const sink = new Writable({ write(chunk: Buffer, _enc, done) { logs.push(chunk.toString()); done(); } });
  return new LeaseKeeper({ leases: s.leases, fence, name: 'poll-deliver', ttlMs: 3000, logger: createLogger({ level: 'info', destination: sink }), holder });
}

describe('LeaseKeeper', () => {
  test('a standby logs that it waits and takes over when the holder gives the lease up', async () => {
    const s = (stores = await openStores('sqlite://:memory:'));
    const logs: string[] = [];
    const fenceA: FenceRef = { current: undefined };
    const a = keeper(s, logs, 'here:1:aaaa0001', fenceA);
    const first = await a.acquire();
    expect(fenceA.current).toEqual(first);
    a.keep(() => undefined);

    const fenceB: FenceRef = { current: undefined };
    const b = keeper(s, logs, 'here:2:bbbb0002', fenceB);
    const waiting = b.acquire();
    await expect.poll(() => logs.join(''), { timeout: 10_000 }).toMatch(/standby: another process \(here:1:aaaa0001\) polls and delivers/);
    await a.release();
    const second = await waiting;
    expect(second?.epoch).toBeGreaterThan(first?.epoch ?? Infinity);
    expect(logs.join('')).toMatch(/took over the lease: this process now polls and delivers/);
    await b.release();
  });

  test('a holder whose lease was taken over is told once, and keeps its old fence so its writes are refused', async () => {
    const s = (stores = await openStores('sqlite://:memory:'));
    const logs: string[] = [];
    const fence: FenceRef = { current: undefined };
    const a = keeper(s, logs, 'here:1:aaaa0001', fence);
    const held = await a.acquire();
    const lost = new Promise<string>((resolve) => a.keep(resolve));
    const claim = await s.leases.claim('poll-deliver', 'elsewhere:9:cccc0009', 600, 'here:1:aaaa0001');
    expect(claim.held).toBe(true);
    expect(await lost).toBe('another process took it over');
    expect(fence.current).toEqual(held);
    expect(logs.join('')).toMatch(/lost the lease: another process took it over/);
  });
});
