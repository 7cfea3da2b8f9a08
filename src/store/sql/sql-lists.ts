/** The id lists, the recent-items index and the fact history as tables. */
import type { FactEvent, FactKind } from '../../facts/types.ts';
import type { Guard } from '../store-errors.ts';
import type { EventLog, IdList, RecentIndex } from '../types.ts';
import { q, type SqlDb } from './sql-db.ts';
import { SqlPart } from './sql-part.ts';

export class SqlIdList extends SqlPart implements IdList {
  private readonly name: string;

  constructor(db: SqlDb, ns: string, name: string, guard: Guard) {
    super(db, ns, guard);
    this.name = name;
  }

  async add(ids: string[]): Promise<void> {
    const { db, ns, name } = this;
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    await this.guard(() =>
      db.write(function* () {
        // An id already listed keeps its place.
        for (const id of unique) yield* q('INSERT INTO hyosan_ids (ns, list, id) VALUES (?, ?, ?) ON CONFLICT (ns, list, id) DO NOTHING', ns, name, id);
      }),
    );
  }

  async remove(ids: string[]): Promise<void> {
    const { db, ns, name } = this;
    if (ids.length === 0) return;
    await this.guard(() =>
      db.write(function* () {
        for (const id of new Set(ids)) yield* q('DELETE FROM hyosan_ids WHERE ns = ? AND list = ? AND id = ?', ns, name, id);
      }),
    );
  }

  async list(): Promise<string[]> {
    const { db, ns, name } = this;
    const rows = await this.guard(() => db.read(() => q<{ id: string }>('SELECT id FROM hyosan_ids WHERE ns = ? AND list = ? ORDER BY seq', ns, name)));
    return rows.map((r) => r.id);
  }
}

export class SqlRecentIndex extends SqlPart implements RecentIndex {
  async add(entries: Array<{ id: string; sortMs: number; relevant: boolean }>, keep: number): Promise<void> {
    const { db, ns } = this;
    if (entries.length === 0) return;
    await this.guard(() =>
      db.write(function* () {
        for (const e of entries) {
          yield* q(
            `INSERT INTO hyosan_recent (ns, id, sort_ms, relevant) VALUES (?, ?, ?, ?)
             ON CONFLICT (ns, id) DO UPDATE SET sort_ms = excluded.sort_ms, relevant = excluded.relevant`,
            ns, e.id, e.sortMs, e.relevant ? 1 : 0,
          );
        }
        yield* q(
          `DELETE FROM hyosan_recent WHERE ns = ? AND id IN
             (SELECT id FROM hyosan_recent WHERE ns = ? ORDER BY sort_ms DESC, id ${db.dialect.limitAll} OFFSET ?)`,
          ns, ns, keep,
        );
      }),
    );
  }

  async newest(limit: number, includeIrrelevant: boolean): Promise<string[]> {
    const { db, ns } = this;
    const rows = await this.guard(() =>
      db.read(() => q<{ id: string }>(
        `SELECT id FROM hyosan_recent WHERE ns = ?${includeIrrelevant ? '' : ' AND relevant = 1'} ORDER BY sort_ms DESC, id LIMIT ?`,
        ns, limit,
      )),
    );
    return rows.map((r) => r.id);
  }
}

export class SqlEventLog extends SqlPart implements EventLog {
  async append(events: FactEvent[]): Promise<void> {
    const { db, ns } = this;
    if (events.length === 0) return;
    await this.guard(() =>
      db.write(function* () {
        for (const event of events) yield* q('INSERT INTO hyosan_events (ns, kind, body) VALUES (?, ?, ?)', ns, event.kind, JSON.stringify(event));
      }),
    );
  }

  async list(filter: { kind?: FactKind; limit?: number }): Promise<FactEvent[]> {
    const { db, ns } = this;
    const limit = filter.limit === undefined || !Number.isFinite(filter.limit) ? undefined : Math.max(0, Math.floor(filter.limit));
    const byKind = filter.kind === undefined ? '' : ' AND kind = ?';
    const params: unknown[] = [ns, ...(filter.kind === undefined ? [] : [filter.kind]), ...(limit === undefined ? [] : [limit])];
    const rows = await this.guard(() =>
      db.read(() => q<{ body: string }>(`SELECT body FROM hyosan_events WHERE ns = ?${byKind} ORDER BY seq DESC${limit === undefined ? '' : ' LIMIT ?'}`, ...params)),
    );
    return rows.map((r) => JSON.parse(r.body) as FactEvent);
  }
}
