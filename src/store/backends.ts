/**
 * Chooses and opens the keyv backend named by a store URL:
 *   sqlite://./data/hyosan.sqlite | sqlite://:memory: | sqlite:///absolute/path.sqlite
 *   redis://host:port[/db] | rediss://…
 *   postgres://user@host:port/db | postgresql://…
 */
import { resolve } from 'node:path';
import { Keyv, type KeyvStoreAdapter } from 'keyv';
// Types only: the drivers themselves are imported when their URL is opened.
import type * as RedisDriver from '@keyv/redis';
import { UserFacingError } from '../shared/errors.ts';
import { logger } from '../shared/logger.ts';
import { KeyvKeyValue } from './key-value.ts';
import { KeyvNodeSqlite } from './keyv-node-sqlite.ts';
import type * as PostgresDriver from './keyv-postgres-own-pool.ts';
import { deserializeStored } from './keyv-deserialize.ts';
import { serializeStored } from './keyv-serialize.ts';
import type { RedisLike } from './redis/redis-client.ts';
import { redisStructures } from './redis/redis-structures.ts';
import { PostgresDb } from './sql/postgres-db.ts';
import { createSchema } from './sql/schema.ts';
import { SqliteDb } from './sql/sqlite-db.ts';
import { sqlStructures } from './sql/sql-structures.ts';
import { isGenericConnectError, makeGuard, toStoreError } from './store-errors.ts';
import type { Backend, NativeStructures } from './structures.ts';

export const DEFAULT_STORE_URL = 'sqlite://./data/hyosan.sqlite';
export const DEFAULT_NAMESPACE = 'hyosan';
export const DEFAULT_TIMEOUT_MS = 5000;
/**
 * node:sqlite waits for a lock synchronously (the event loop stands still meanwhile), so the
 * wait is capped well below the call timeout.
 */
export const MAX_SQLITE_BUSY_MS = 1000;

export interface OpenOptions {
  namespace?: string;
  timeoutMs?: number;
}

const log = logger.child({ module: 'store' });

export async function openBackend(storeUrl: string, options: OpenOptions = {}): Promise<Backend> {
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const scheme = /^([a-z]+):\/\//i.exec(storeUrl)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'sqlite':
      return openSqlite(storeUrl.slice('sqlite://'.length), namespace, timeoutMs);
    // The Redis and PostgreSQL drivers are loaded only for their own URLs: together they are
    // about 450 modules that an SQLite deployment would otherwise carry in memory for nothing.
    case 'redis':
    case 'rediss':
      return openRedis(storeUrl, namespace, timeoutMs, await import('@keyv/redis'));
    case 'postgres':
    case 'postgresql':
      return openPostgres(storeUrl, namespace, timeoutMs, await import('./keyv-postgres-own-pool.ts'));
    default:
      throw new UserFacingError(
        'store-url',
        `Unsupported store URL "${redactUrl(storeUrl)}". Use sqlite://./data/hyosan.sqlite (or sqlite://:memory:), ` +
          'redis://host:6379 (or rediss://), or postgres://user@host:5432/database (or postgresql://).',
      );
  }
}

function openSqlite(rawPath: string, namespace: string, timeoutMs: number): Backend {
  if (rawPath === '') throw new UserFacingError('store-url', 'The sqlite:// store URL needs a path, e.g. sqlite://./data/hyosan.sqlite');
  const path = rawPath === ':memory:' ? rawPath : resolve(process.cwd(), decodeURIComponent(rawPath));
  const backend = `sqlite ${rawPath}`;
  let adapter: KeyvNodeSqlite;
  try {
    adapter = new KeyvNodeSqlite({ path, busyTimeoutMs: Math.min(MAX_SQLITE_BUSY_MS, timeoutMs) });
  } catch (error) {
    throw toStoreError(backend, error);
  }
  const keyv = keyvFor(adapter, namespace);
  const kv = new KeyvKeyValue(keyv, { backend, timeoutMs, lastEmittedError: watchErrors(keyv, backend) });
  // The structures share keyv's connection: an in-memory database exists only on that one.
  const db = new SqliteDb(adapter.database);
  let schema: Promise<void> | undefined;
  const guard = makeGuard({
    backend,
    timeoutMs,
    isClosed: () => !adapter.database.isOpen,
    beforeCall: () => (schema ??= createSchema(db).catch((error: unknown) => {
      schema = undefined;
      throw error;
    })),
  });
  return combine(kv, sqlStructures(db, namespace, guard));
}

/** The options every store's Keyv gets: the allocation-light reader and writer (see keyv-deserialize.ts, keyv-serialize.ts). */
function keyvFor(adapter: KeyvStoreAdapter, namespace: string, extra: { useKeyPrefix?: boolean } = {}): Keyv {
  return new Keyv(adapter, { namespace, throwOnErrors: true, serialize: serializeStored, deserialize: deserializeStored, ...extra });
}

function openRedis(url: string, namespace: string, timeoutMs: number, redis: typeof RedisDriver): Backend {
  const backend = `redis ${hostOf(url)}`;
  const { default: KeyvRedis, createClient } = redis;
  const client = createClient({
    url,
    // Commands fail at once while the connection is down instead of queueing until the timeout.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: timeoutMs,
      // No background retry loop: the next call reconnects on demand (KeyvRedis.getClient), so a
      // Redis that went away fails fast and one that came back just works again.
      reconnectStrategy: false,
    },
  });
  const adapter = new KeyvRedis(client, {
    namespace,
    throwOnConnectError: true,
    throwOnErrors: true,
    connectionTimeout: timeoutMs,
  });
  const keyv = keyvFor(adapter, namespace, { useKeyPrefix: false });
  // One connection attempt shared by concurrent calls: without the offline queue, a command sent
  // while another call's connect is still in progress would fail with "client is offline".
  let connecting: Promise<void> | undefined;
  const connect = async (): Promise<void> => {
    try {
      await client.connect();
    } catch (error) {
      try {
        client.destroy();
      } catch {
        // Already closed: nothing to release.
      }
      throw error;
    }
  };
  const beforeCall = async (): Promise<void> => {
    if (client.isReady) return;
    connecting ??= connect().finally(() => {
      connecting = undefined;
    });
    await connecting;
  };
  const kv = new KeyvKeyValue(keyv, { backend, timeoutMs, beforeCall, lastEmittedError: watchErrors(keyv, backend) });
  const guard = makeGuard({ backend, timeoutMs, beforeCall, isClosed: () => kv.closed });
  return combine(kv, redisStructures(client as unknown as RedisLike, namespace, guard));
}

function openPostgres(url: string, namespace: string, timeoutMs: number, postgres: typeof PostgresDriver): Backend {
  const backend = `postgres ${hostOf(url)}${new URL(url).pathname}`;
  const { KeyvPostgresOwnPool } = postgres;
  let adapter: InstanceType<typeof KeyvPostgresOwnPool>;
  try {
    adapter = new KeyvPostgresOwnPool({ uri: url, table: 'hyosan_kv', keySize: 512, connectionTimeoutMs: timeoutMs });
  } catch (error) {
    throw toStoreError(backend, error);
  }
  const keyv = keyvFor(adapter, namespace);
  const kv = new KeyvKeyValue(keyv, { backend, timeoutMs, lastEmittedError: watchErrors(keyv, backend) });
  const pool = adapter.pool;
  if (pool === undefined) throw toStoreError(backend, new Error('no connection pool'));
  const db = new PostgresDb(pool);
  // Tables are made on first use, not at open: a server that is down fails the first call, in words.
  let schema: Promise<void> | undefined;
  const guard = makeGuard({
    backend,
    timeoutMs,
    isClosed: () => kv.closed,
    beforeCall: () => (schema ??= createSchema(db).catch((error: unknown) => {
      schema = undefined;
      throw error;
    })),
  });
  return combine(kv, sqlStructures(db, namespace, guard));
}

/** Key/value records and native structures as one backend; clearing or closing it does both. */
function combine(kv: KeyvKeyValue, native: NativeStructures): Backend {
  return {
    backend: kv.backend,
    kv,
    native,
    async ping() {
      await kv.ping();
      await native.ready();
    },
    async clear() {
      await kv.clear();
      await native.clear();
    },
    close: () => kv.close(),
  };
}

/**
 * keyv and the drivers emit 'error' besides throwing; an unheard 'error' event would crash the
 * process. Log it, and remember it: it is often more precise than what gets thrown.
 */
function watchErrors(keyv: Keyv, backend: string): () => unknown {
  let last: unknown;
  keyv.on('error', (error: unknown) => {
    // keyv re-emits the adapter's generic "not connected" error too; keep the specific cause.
    if (!isGenericConnectError(error)) last = error;
    log.debug({ err: error, backend }, 'store driver reported an error');
  });
  return () => last;
}

function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname;
  } catch {
    throw new UserFacingError('store-url', `The store URL "${redactUrl(url)}" is not a valid URL.`);
  }
}

/** Store URLs may carry passwords; never repeat them. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, (_, auth: string) => `//${auth.includes(':') ? `${auth.split(':')[0]}:***` : auth}@`);
}
