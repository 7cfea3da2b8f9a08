/**
 * The tables behind the outbox, the lists, the history and the leases, the same on SQLite and
 * PostgreSQL. Every row carries the store namespace, so several bots can share one database.
 * Deliveries keep their full record as JSON in `body`; the columns beside it are what the
 * indexes need.
 */
import { q, type SqlDb } from './sql-db.ts';

export const TABLES = ['hyosan_outbox', 'hyosan_alert', 'hyosan_ids', 'hyosan_recent', 'hyosan_events', 'hyosan_lease'] as const;

export async function createSchema(db: SqlDb): Promise<void> {
  const serial = db.dialect.serialKey;
  const statements = [
    `CREATE TABLE IF NOT EXISTS hyosan_outbox (
      ns TEXT NOT NULL, id TEXT NOT NULL, guild_id TEXT NOT NULL, state TEXT NOT NULL,
      created_ms BIGINT NOT NULL, next_ms BIGINT NOT NULL, expires_ms BIGINT, body TEXT NOT NULL,
      PRIMARY KEY (ns, id))`,
    // Only pending rows are in these two: due() and waiting() never read settled deliveries.
    `CREATE INDEX IF NOT EXISTS hyosan_outbox_due ON hyosan_outbox (ns, next_ms) WHERE state = 'pending'`,
    `CREATE INDEX IF NOT EXISTS hyosan_outbox_guild ON hyosan_outbox (ns, guild_id, created_ms) WHERE state = 'pending'`,
    `CREATE INDEX IF NOT EXISTS hyosan_outbox_expiry ON hyosan_outbox (ns, expires_ms) WHERE expires_ms IS NOT NULL`,
    // The post delivery of an alert key in a channel: what a corroboration edits.
    `CREATE TABLE IF NOT EXISTS hyosan_alert (
      ns TEXT NOT NULL, channel_id TEXT NOT NULL, alert_key TEXT NOT NULL, delivery_id TEXT NOT NULL,
      PRIMARY KEY (ns, channel_id, alert_key))`,
    `CREATE TABLE IF NOT EXISTS hyosan_ids (
      seq ${serial}, ns TEXT NOT NULL, list TEXT NOT NULL, id TEXT NOT NULL, UNIQUE (ns, list, id))`,
    `CREATE TABLE IF NOT EXISTS hyosan_recent (
      ns TEXT NOT NULL, id TEXT NOT NULL, sort_ms BIGINT NOT NULL, relevant INTEGER NOT NULL,
      PRIMARY KEY (ns, id))`,
    `CREATE INDEX IF NOT EXISTS hyosan_recent_order ON hyosan_recent (ns, sort_ms)`,
    `CREATE TABLE IF NOT EXISTS hyosan_events (seq ${serial}, ns TEXT NOT NULL, kind TEXT NOT NULL, body TEXT NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS hyosan_events_ns ON hyosan_events (ns, seq)`,
    `CREATE INDEX IF NOT EXISTS hyosan_events_kind ON hyosan_events (ns, kind, seq)`,
    // One row per lease name, never deleted: its epoch only grows.
    `CREATE TABLE IF NOT EXISTS hyosan_lease (
      ns TEXT NOT NULL, name TEXT NOT NULL, holder TEXT NOT NULL, epoch BIGINT NOT NULL, expires_ms BIGINT NOT NULL,
      PRIMARY KEY (ns, name))`,
  ];
  await db.write(function* () {
    // Several processes opening one PostgreSQL database at once would race on CREATE … IF NOT EXISTS.
    if (db.dialect.name === 'postgres') yield* q('SELECT pg_advisory_xact_lock(7243101)');
    for (const statement of statements) yield* q(statement);
  });
}
