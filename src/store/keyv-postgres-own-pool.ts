/**
 * @keyv/postgres with a connection pool of its own per store.
 *
 * The stock adapter keeps one module-wide pg pool per URL: closing one store ends the pool under
 * every other store on that URL, and the pool has no 'error' listener, so an idle connection
 * dropped by a server restart would crash the process. Here each store owns its pool, waits a
 * bounded time for a connection, and reports idle-connection errors instead of throwing them.
 */
import { createRequire } from 'node:module';
import KeyvPostgres from '@keyv/postgres';
import type { PgPoolLike } from './sql/postgres-db.ts';

interface PgPool extends PgPoolLike {
  query(sql: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}
interface PgModule {
  Pool: new (options: Record<string, unknown>) => PgPool;
}

// pg comes with @keyv/postgres; resolve it from there rather than relying on hoisting.
const pg = createRequire(import.meta.resolve('@keyv/postgres'))('pg') as PgModule;

export interface OwnPoolOptions {
  uri: string;
  table: string;
  keySize: number;
  connectionTimeoutMs: number;
}

const pools = new WeakMap<KeyvPostgres, PgPool>();
// The base constructor calls connect() before subclass fields exist, so settings travel here.
let pendingSettings: OwnPoolOptions | undefined;

export class KeyvPostgresOwnPool extends KeyvPostgres {
  constructor(options: OwnPoolOptions) {
    pendingSettings = options;
    try {
      super({ uri: options.uri, table: options.table, keySize: options.keySize });
    } finally {
      pendingSettings = undefined;
    }
  }

  override async connect(): Promise<(sql: string, values?: unknown) => Promise<unknown[]>> {
    const settings = pendingSettings;
    if (settings === undefined) throw new Error('KeyvPostgresOwnPool.connect called outside its constructor');
    const pool = new pg.Pool({
      connectionString: settings.uri,
      connectionTimeoutMillis: settings.connectionTimeoutMs,
      idleTimeoutMillis: 30_000,
      max: 5,
      // The server ends a statement or an abandoned transaction the caller stopped waiting for, so
      // a write that timed out is rolled back whole instead of landing at some later moment.
      statement_timeout: settings.connectionTimeoutMs,
      idle_in_transaction_session_timeout: settings.connectionTimeoutMs,
    });
    pool.on('error', (error) => {
      if (this.listenerCount('error') > 0) this.emit('error', error);
    });
    pools.set(this, pool);
    return async (sql, values) => (await pool.query(sql, values as unknown[] | undefined)).rows;
  }

  /** The pool, shared with the outbox and index tables. */
  get pool(): PgPool | undefined {
    return pools.get(this);
  }

  override async disconnect(): Promise<void> {
    const pool = pools.get(this);
    pools.delete(this);
    await pool?.end();
  }
}
