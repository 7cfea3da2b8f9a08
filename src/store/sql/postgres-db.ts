import type { SqlDb, SqlDialect, SqlWork } from './sql-db.ts';

export const POSTGRES_DIALECT: SqlDialect = {
  name: 'postgres',
  nowMs: '(extract(epoch from clock_timestamp()) * 1000)::bigint',
  serialKey: 'BIGSERIAL PRIMARY KEY',
  limitAll: 'LIMIT ALL',
  forUpdate: ' FOR UPDATE',
  forShare: ' FOR SHARE',
};

export interface PgClient {
  query(sql: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  release(destroy?: boolean | Error): void;
}
export interface PgPoolLike {
  connect(): Promise<PgClient>;
  query(sql: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Transactions on a pg pool. The pool's connections carry a statement and idle-in-transaction
 * timeout (see backends.ts), so a transaction whose caller gave up is ended by the server: it
 * commits whole or rolls back whole, never half.
 */
export class PostgresDb implements SqlDb {
  readonly dialect = POSTGRES_DIALECT;
  private readonly pool: PgPoolLike;

  constructor(pool: PgPoolLike) {
    this.pool = pool;
  }

  write<T>(work: () => SqlWork<T>): Promise<T> {
    return this.run(work);
  }

  read<T>(work: () => SqlWork<T>): Promise<T> {
    return this.run(work);
  }

  async exec(ddl: string): Promise<void> {
    await this.pool.query(ddl);
  }

  private async run<T>(work: () => SqlWork<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const steps = work();
      let rows: unknown;
      for (;;) {
        const step = steps.next(rows);
        if (step.done) {
          await client.query('COMMIT');
          return step.value;
        }
        rows = (await client.query(numbered(step.value.sql), step.value.params)).rows;
      }
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        // A connection that cannot roll back is not given back to the pool.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

/** `?` placeholders as `$1, $2 …` (the statements here have no `?` inside literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${(n += 1)}`);
}
