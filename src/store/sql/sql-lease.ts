/**
 * Leases as rows judged by the database's own clock. A row is never deleted, so its epoch only
 * grows: a new holder always carries a higher fence than every holder before it.
 */
import type { Fence, LeaseClaim, LeaseStore } from '../types.ts';
import { num, q } from './sql-db.ts';
import { SqlPart } from './sql-part.ts';

interface LeaseRow {
  holder: string;
  epoch: unknown;
  left_ms: unknown;
}

export class SqlLeaseStore extends SqlPart implements LeaseStore {
  claim(lease: string, holder: string, ttlMs: number, replacing?: string): Promise<LeaseClaim> {
    const { db, ns } = this;
    const now = db.dialect.nowMs;
    return this.guard(() =>
      db.write(function* (): Generator<{ sql: string; params: unknown[] }, LeaseClaim, unknown> {
        yield* q(`INSERT INTO hyosan_lease (ns, name, holder, epoch, expires_ms) VALUES (?, ?, '', 0, 0) ON CONFLICT (ns, name) DO NOTHING`, ns, lease);
        const [row] = yield* q<LeaseRow>(
          `SELECT holder, epoch, expires_ms - ${now} AS left_ms FROM hyosan_lease WHERE ns = ? AND name = ?${db.dialect.forUpdate}`,
          ns, lease,
        );
        if (row === undefined) throw new Error('lease row vanished');
        const left = num(row.left_ms);
        if (left > 0 && row.holder !== holder && row.holder !== replacing) return { held: false, holder: row.holder, epoch: num(row.epoch), expiresInMs: left };
        // Free, expired or its holder dead (or already ours after a lost answer): a new epoch fences off every earlier holder.
        const epoch = row.holder === holder && left > 0 ? num(row.epoch) : num(row.epoch) + 1;
        yield* q(`UPDATE hyosan_lease SET holder = ?, epoch = ?, expires_ms = ${now} + ? WHERE ns = ? AND name = ?`, holder, epoch, ttlMs, ns, lease);
        return { held: true, fence: { lease, holder, epoch }, expiresInMs: ttlMs };
      }),
    );
  }

  renew(fence: Fence, ttlMs: number): Promise<boolean> {
    const { db, ns } = this;
    const now = db.dialect.nowMs;
    return this.guard(() =>
      db.write(function* () {
        const rows = yield* q(
          `UPDATE hyosan_lease SET expires_ms = ${now} + ? WHERE ns = ? AND name = ? AND holder = ? AND epoch = ? AND expires_ms > ${now} RETURNING epoch`,
          ttlMs, ns, fence.lease, fence.holder, fence.epoch,
        );
        return rows.length > 0;
      }),
    );
  }

  async release(fence: Fence): Promise<void> {
    const { db, ns } = this;
    await this.guard(() =>
      db.write(function* () {
        yield* q(`UPDATE hyosan_lease SET expires_ms = 0 WHERE ns = ? AND name = ? AND holder = ? AND epoch = ?`, ns, fence.lease, fence.holder, fence.epoch);
      }),
    );
  }
}
