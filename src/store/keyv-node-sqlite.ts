/**
 * A keyv storage adapter over Node's built-in `node:sqlite`. It exists so that the default
 * deployment needs no native module (see docs/decisions/0001-sqlite-store.md).
 *
 * keyv hands us already-serialised values (with their own `expires` inside); we still keep an
 * `expires` column so that TTL is honoured at the row level and expired rows can be purged.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { KeyvStoreAdapter, StoredData } from 'keyv';

export interface KeyvNodeSqliteOptions {
  /** A file path, or ':memory:'. The folder is created when missing. */
  path: string;
  table?: string;
  /**
   * How long a statement waits for another connection's lock before failing with "database is
   * locked". node:sqlite is synchronous, so this wait blocks the event loop: keep it short.
   */
  busyTimeoutMs?: number;
}

/** Rows fetched or deleted per statement, to stay far below SQLite's parameter limits. */
const BATCH = 500;

export class KeyvNodeSqlite extends EventEmitter implements KeyvStoreAdapter {
  opts: { dialect: 'sqlite'; url: string; table: string; busyTimeoutMs: number };
  namespace?: string | undefined;
  private readonly db: DatabaseSync;
  private readonly statements: {
    get: StatementSync;
    set: StatementSync;
    del: StatementSync;
    getMany: StatementSync;
    delMany: StatementSync;
    clearPrefix: StatementSync;
    clearAll: StatementSync;
    page: StatementSync;
  };

  constructor(options: KeyvNodeSqliteOptions) {
    super();
    const table = options.table ?? 'keyv';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) throw new Error(`invalid table name: ${table}`);
    const busyTimeoutMs = options.busyTimeoutMs ?? 1000;
    this.opts = { dialect: 'sqlite', url: `sqlite://${options.path}`, table, busyTimeoutMs };
    const inMemory = options.path === ':memory:';
    if (!inMemory) mkdirSync(dirname(options.path), { recursive: true });
    this.db = new DatabaseSync(options.path);
    try {
      this.db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
      // WAL lets readers carry on while the poller writes, and a second process wait its turn.
      if (!inMemory) this.db.exec('PRAGMA journal_mode = WAL');
      this.db.exec('PRAGMA synchronous = NORMAL');
      this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires INTEGER)`);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.statements = {
      get: this.db.prepare(`SELECT value, expires FROM ${table} WHERE key = ?`),
      set: this.db.prepare(
        `INSERT INTO ${table} (key, value, expires) VALUES (?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires = excluded.expires`,
      ),
      del: this.db.prepare(`DELETE FROM ${table} WHERE key = ?`),
      getMany: this.db.prepare(`SELECT key, value, expires FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`),
      delMany: this.db.prepare(`DELETE FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`),
      clearPrefix: this.db.prepare(`DELETE FROM ${table} WHERE substr(key, 1, length(?)) = ?`),
      clearAll: this.db.prepare(`DELETE FROM ${table}`),
      page: this.db.prepare(
        `SELECT key, value, expires FROM ${table} WHERE substr(key, 1, length(?)) = ? AND key > ? ORDER BY key LIMIT ?`,
      ),
    };
  }

  /** The connection, shared with the outbox and index tables (an in-memory database has only this one). */
  get database(): DatabaseSync {
    return this.db;
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const row = this.statements.get.get(key) as Row | undefined;
    if (row === undefined) return undefined;
    if (isExpired(row)) {
      this.statements.del.run(key);
      return undefined;
    }
    return row.value as StoredData<Value>;
  }

  async getMany<Value>(keys: string[]): Promise<Array<StoredData<Value | undefined>>> {
    const found = new Map<string, string>();
    const expired: string[] = [];
    for (let i = 0; i < keys.length; i += BATCH) {
      const rows = this.statements.getMany.all(JSON.stringify(keys.slice(i, i + BATCH))) as unknown as KeyedRow[];
      for (const row of rows) {
        if (isExpired(row)) expired.push(row.key);
        else found.set(row.key, row.value);
      }
    }
    if (expired.length > 0) await this.deleteMany(expired);
    return keys.map((key) => found.get(key) as StoredData<Value | undefined>);
  }

  async set(key: string, value: unknown, ttl?: number): Promise<boolean> {
    this.statements.set.run(key, toText(value), expiresAt(ttl));
    return true;
  }

  async setMany(entries: Array<{ key: string; value: unknown; ttl?: number }>): Promise<void> {
    this.inTransaction(() => {
      for (const { key, value, ttl } of entries) this.statements.set.run(key, toText(value), expiresAt(ttl));
    });
  }

  async delete(key: string): Promise<boolean> {
    return Number(this.statements.del.run(key).changes) > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    let changes = 0;
    this.inTransaction(() => {
      for (let i = 0; i < keys.length; i += BATCH) {
        changes += Number(this.statements.delMany.run(JSON.stringify(keys.slice(i, i + BATCH))).changes);
      }
    });
    return changes > 0;
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  async hasMany(keys: string[]): Promise<boolean[]> {
    return (await this.getMany(keys)).map((value) => value !== undefined);
  }

  /** Clears this namespace only (keyv prefixes keys with `namespace:`); everything without one. */
  async clear(): Promise<void> {
    if (this.namespace) {
      const prefix = `${this.namespace}:`;
      this.statements.clearPrefix.run(prefix, prefix);
    } else {
      this.statements.clearAll.run();
    }
  }

  async *iterator<Value>(namespace?: string): AsyncGenerator<Array<string | Awaited<Value> | undefined>, void> {
    const prefix = namespace ? `${namespace}:` : '';
    let after = '';
    for (;;) {
      const rows = this.statements.page.all(prefix, prefix, after, BATCH) as unknown as KeyedRow[];
      for (const row of rows) {
        if (!isExpired(row)) yield [row.key, row.value as Awaited<Value>];
      }
      const last = rows.at(-1);
      if (last === undefined || rows.length < BATCH) return;
      after = last.key;
    }
  }

  async disconnect(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }

  private inTransaction(work: () => void): void {
    // IMMEDIATE takes the write lock up front, so a busy database fails before any half-write.
    this.db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }
}

interface Row {
  value: string;
  expires: number | null;
}
interface KeyedRow extends Row {
  key: string;
}

function isExpired(row: Row): boolean {
  return row.expires !== null && row.expires <= Date.now();
}

function expiresAt(ttl: number | undefined): number | null {
  return typeof ttl === 'number' && ttl > 0 ? Date.now() + ttl : null;
}

function toText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
