/**
 * The outbox as a table. Each method is one transaction: a write either happened whole or not at
 * all, whatever the timeout said. Writes are fenced by the lease when one is held.
 */
import type { Guard } from '../store-errors.ts';
import type { Delivery, FenceRef, Outbox } from '../types.ts';
import { applyChanges, expiresAt, time, uniqueById } from '../outbox-rules.ts';
import { checkFence } from './sql-fence.ts';
import { q, type SqlDb, type SqlWork } from './sql-db.ts';
import { SqlPart } from './sql-part.ts';

/** Rows per INSERT: far below both databases' parameter limits. */
const ROWS_PER_INSERT = 200;
/** Expired settled deliveries are deleted at most this often. */
const PURGE_EVERY_MS = 3600_000;

interface BodyRow {
  body: string;
}

export class SqlOutbox extends SqlPart implements Outbox {
  private readonly fence: FenceRef;
  private lastPurge = 0;

  constructor(db: SqlDb, ns: string, fence: FenceRef, guard: Guard) {
    super(db, ns, guard);
    this.fence = fence;
  }

  async enqueue(deliveries: Delivery[]): Promise<Delivery[]> {
    const unique = uniqueById(deliveries);
    if (unique.length === 0) return [];
    const { db, ns } = this;
    const fence = this.fence.current;
    const purge = Date.now() - this.lastPurge > PURGE_EVERY_MS;
    const freshIds = await this.guard(() =>
      db.write(function* () {
        yield* checkFence(db.dialect, ns, fence);
        const now = Date.now();
        if (purge) yield* purgeExpired(ns, now);
        const fresh = new Set<string>();
        for (let i = 0; i < unique.length; i += ROWS_PER_INSERT) {
          const chunk = unique.slice(i, i + ROWS_PER_INSERT);
          const values = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
          // An id already stored keeps its state (enqueueing a change again is a no-op), unless its
          // row has expired and merely not been purged yet.
          const rows = yield* q<{ id: string }>(
            `INSERT INTO hyosan_outbox (ns, id, guild_id, state, created_ms, next_ms, expires_ms, body) VALUES ${values}
             ON CONFLICT (ns, id) DO UPDATE SET guild_id = excluded.guild_id, state = excluded.state, created_ms = excluded.created_ms,
               next_ms = excluded.next_ms, expires_ms = excluded.expires_ms, body = excluded.body
             WHERE hyosan_outbox.expires_ms IS NOT NULL AND hyosan_outbox.expires_ms <= ?
             RETURNING id`,
            ...chunk.flatMap((d) => rowValues(ns, d, now)),
            now,
          );
          for (const row of rows) fresh.add(row.id);
        }
        // The alert of a key is its post, from the moment it is planned: edits may queue behind it.
        for (const d of unique) if (fresh.has(d.id)) yield* pointAlert(ns, d);
        return fresh;
      }),
    );
    if (purge) this.lastPurge = Date.now();
    return unique.filter((d) => freshIds.has(d.id));
  }

  async due(now: Date, limit: number): Promise<Delivery[]> {
    if (limit <= 0) return [];
    const { db, ns } = this;
    const rows = await this.guard(() =>
      db.read(() => q<BodyRow>(
        `SELECT body FROM hyosan_outbox WHERE ns = ? AND state = 'pending' AND next_ms <= ? ORDER BY created_ms, next_ms, id LIMIT ?`,
        ns, now.getTime(), limit,
      )),
    );
    return rows.map(parse);
  }

  async get(id: string): Promise<Delivery | undefined> {
    const { db, ns } = this;
    const rows = await this.guard(() => db.read(() => selectLive(ns, id, Date.now(), '')));
    return rows[0] === undefined ? undefined : parse(rows[0]);
  }

  async update(delivery: Delivery): Promise<void> {
    const { db, ns } = this;
    const fence = this.fence.current;
    await this.guard(() =>
      db.write(function* () {
        yield* checkFence(db.dialect, ns, fence);
        yield* upsert(ns, delivery, Date.now());
        yield* pointAlert(ns, delivery);
      }),
    );
  }

  async settle(id: string, changes: Partial<Delivery>): Promise<boolean> {
    const { db, ns } = this;
    const fence = this.fence.current;
    return this.guard(() =>
      db.write(function* () {
        yield* checkFence(db.dialect, ns, fence);
        const now = Date.now();
        const [row] = yield* selectLive(ns, id, now, db.dialect.forUpdate);
        const current = row === undefined ? undefined : parse(row);
        if (!current || current.state !== 'pending') return false;
        yield* upsert(ns, applyChanges(current, id, changes), now);
        return true;
      }),
    );
  }

  async findPosted(channelId: string, alertKey: string): Promise<Delivery | undefined> {
    const delivery = await this.findAlert(channelId, alertKey);
    return delivery?.state === 'sent' && delivery.messageId !== undefined ? delivery : undefined;
  }

  async findAlert(channelId: string, alertKey: string): Promise<Delivery | undefined> {
    const { db, ns } = this;
    const rows = await this.guard(() =>
      db.read(() => q<BodyRow>(
        `SELECT o.body FROM hyosan_alert a JOIN hyosan_outbox o ON o.ns = a.ns AND o.id = a.delivery_id
         WHERE a.ns = ? AND a.channel_id = ? AND a.alert_key = ? AND (o.expires_ms IS NULL OR o.expires_ms > ?)`,
        ns, channelId, alertKey, Date.now(),
      )),
    );
    return rows[0] === undefined ? undefined : parse(rows[0]);
  }

  async waiting(guildId: string): Promise<Delivery[]> {
    const { db, ns } = this;
    const rows = await this.guard(() =>
      db.read(() => q<BodyRow>(
        `SELECT body FROM hyosan_outbox WHERE ns = ? AND guild_id = ? AND state = 'pending' ORDER BY created_ms, id`,
        ns, guildId,
      )),
    );
    return rows.map(parse);
  }

  async dropGuild(guildId: string, reason: string): Promise<number> {
    const { db, ns } = this;
    const fence = this.fence.current;
    return this.guard(() =>
      db.write(function* () {
        yield* checkFence(db.dialect, ns, fence);
        const rows = yield* q<BodyRow>(
          `SELECT body FROM hyosan_outbox WHERE ns = ? AND guild_id = ? AND state = 'pending'${db.dialect.forUpdate}`,
          ns, guildId,
        );
        const now = Date.now();
        const at = new Date(now).toISOString();
        for (const row of rows) yield* upsert(ns, { ...parse(row), state: 'dropped', lastError: reason, updatedAt: at }, now);
        return rows.length;
      }),
    );
  }
}

function parse(row: BodyRow): Delivery {
  return JSON.parse(row.body) as Delivery;
}

function rowValues(ns: string, d: Delivery, now: number): unknown[] {
  return [ns, d.id, d.guildId, d.state, time(d.createdAt), time(d.nextAttemptAt), expiresAt(d, now), JSON.stringify(d)];
}

function selectLive(ns: string, id: string, now: number, lock: string): SqlWork<BodyRow[]> {
  return q<BodyRow>(`SELECT body FROM hyosan_outbox WHERE ns = ? AND id = ? AND (expires_ms IS NULL OR expires_ms > ?)${lock}`, ns, id, now);
}

function upsert(ns: string, d: Delivery, now: number): SqlWork<unknown[]> {
  return q(
    `INSERT INTO hyosan_outbox (ns, id, guild_id, state, created_ms, next_ms, expires_ms, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (ns, id) DO UPDATE SET guild_id = excluded.guild_id, state = excluded.state, created_ms = excluded.created_ms,
       next_ms = excluded.next_ms, expires_ms = excluded.expires_ms, body = excluded.body`,
    ...rowValues(ns, d, now),
  );
}

function* pointAlert(ns: string, d: Delivery): SqlWork<void> {
  if (d.action !== 'post') return;
  yield* q(
    `INSERT INTO hyosan_alert (ns, channel_id, alert_key, delivery_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (ns, channel_id, alert_key) DO UPDATE SET delivery_id = excluded.delivery_id`,
    ns, d.channelId, d.alertKey, d.id,
  );
}

function* purgeExpired(ns: string, now: number): SqlWork<void> {
  yield* q('DELETE FROM hyosan_outbox WHERE ns = ? AND expires_ms IS NOT NULL AND expires_ms <= ?', ns, now);
  yield* q(
    `DELETE FROM hyosan_alert WHERE ns = ? AND NOT EXISTS
       (SELECT 1 FROM hyosan_outbox o WHERE o.ns = hyosan_alert.ns AND o.id = hyosan_alert.delivery_id)`,
    ns,
  );
}
