/**
 * Start-up's first step on a shared store: open it and wait for the poll-and-deliver lease. While
 * another process holds it this one is a standby (it logs so once) and has not connected to
 * Discord, so it neither polls, delivers nor answers commands twice.
 */
import type { Config } from '../config/env.ts';
import { logger } from '../shared/logger.ts';
import { importOldLayout } from '../store/import-old-layout.ts';
import { createStores, openBackend } from '../store/index.ts';
import type { Stores } from '../store/types.ts';
import { LeaseKeeper, POLL_DELIVER_LEASE } from './lease-keeper.ts';

/** A standby asked to stop before it ever held the lease. */
export class StandbyEnded extends Error {
  constructor() {
    super('stopped while waiting as a standby');
    this.name = 'StandbyEnded';
  }
}

/** Keepers still waiting as standby: shutdown ends their wait. */
const waiting = new Set<LeaseKeeper>();

/** Ends a standby's wait (SIGTERM while waiting): waitForLease then rejects with StandbyEnded. */
export async function stopWaiting(): Promise<void> {
  await Promise.all([...waiting].map((k) => k.release()));
}

/** Resolves once this process holds the lease, with the stores fenced by it. */
export async function waitForLease(config: Config): Promise<{ keeper: LeaseKeeper; stores: Stores }> {
  const backend = await openBackend(config.storeUrl, { namespace: config.storeNamespace });
  const stores = createStores(backend);
  let keeper: LeaseKeeper | undefined;
  try {
    await stores.ping();
    keeper = new LeaseKeeper({
      leases: stores.leases,
      fence: stores.fence,
      name: POLL_DELIVER_LEASE,
      ttlMs: config.leaseTtlMs,
      logger,
      // A SQLite file is shared only on one machine, where a dead holder's pid can be checked.
      takeOverFromDeadHere: config.storeUrl.toLowerCase().startsWith('sqlite://'),
    });
    waiting.add(keeper);
    const fence = await keeper.acquire().finally(() => keeper && waiting.delete(keeper));
    if (fence === undefined) throw new StandbyEnded();
    // Only the holder moves an earlier version's data, so two processes never do it at once.
    await importOldLayout(backend, stores.fence, logger);
    return { keeper, stores };
  } catch (error) {
    await keeper?.release();
    await stores.close().catch(() => undefined);
    throw error;
  }
}
