import { FencedError } from '../store-errors.ts';
import type { Fence } from '../types.ts';
import { q, type SqlDialect, type SqlWork } from './sql-db.ts';

/**
 * Inside a write transaction: refuses it unless `fence` still holds its lease. On PostgreSQL the
 * lease row is share-locked until the write commits, so a takeover cannot slip in between.
 */
export function* checkFence(dialect: SqlDialect, ns: string, fence: Fence | undefined): SqlWork<void> {
  if (fence === undefined) return;
  const rows = yield* q(
    `SELECT epoch FROM hyosan_lease WHERE ns = ? AND name = ? AND holder = ? AND epoch = ? AND expires_ms > ${dialect.nowMs}${dialect.forShare}`,
    ns, fence.lease, fence.holder, fence.epoch,
  );
  if (rows.length === 0) throw new FencedError(fence);
}
