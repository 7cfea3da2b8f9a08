/**
 * One way to run a transaction on SQLite and on PostgreSQL. A transaction is written once, as a
 * generator that yields its statements (`yield* q(...)`) and receives their rows: SQLite runs it
 * synchronously between BEGIN and COMMIT (node:sqlite is synchronous, so nothing else on the shared
 * connection can slip in between), PostgreSQL runs it on one pooled connection.
 *
 * Placeholders are `?`; the PostgreSQL driver numbers them.
 */
export interface Query {
  sql: string;
  params: unknown[];
}

export type SqlWork<T> = Generator<Query, T, unknown>;

/** One statement inside a transaction; its rows come back from `yield*`. */
export function* q<R>(sql: string, ...params: unknown[]): Generator<Query, R[], unknown> {
  return (yield { sql, params }) as R[];
}

export interface SqlDialect {
  name: 'sqlite' | 'postgres';
  /** The database's own clock in ms: leases are judged by one clock, not each process's. */
  nowMs: string;
  /** A row id that grows with every insert: insertion order for lists and the history. */
  serialKey: string;
  /** "No limit" after ORDER BY … OFFSET. */
  limitAll: string;
  /** Row locks inside a transaction (SQLite's write transaction already holds the whole file). */
  forUpdate: string;
  forShare: string;
}

export interface SqlDb {
  readonly dialect: SqlDialect;
  /** All of `work` happens, or none of it. Reads use `read`, which takes no write lock. */
  write<T>(work: () => SqlWork<T>): Promise<T>;
  read<T>(work: () => SqlWork<T>): Promise<T>;
  /** Schema statements, run once at open. */
  exec(ddl: string): Promise<void>;
}

/** BIGINT comes back from pg as text; SQLite gives numbers. */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}
