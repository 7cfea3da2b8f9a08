import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { SqlDb, SqlDialect, SqlWork } from './sql-db.ts';

export const SQLITE_DIALECT: SqlDialect = {
  name: 'sqlite',
  nowMs: "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)",
  serialKey: 'INTEGER PRIMARY KEY AUTOINCREMENT',
  limitAll: 'LIMIT -1',
  forUpdate: '',
  forShare: '',
};

/**
 * Transactions on the connection keyv's SQLite adapter already opened (an in-memory database
 * exists only on that connection). Each one runs to the end synchronously, so it cannot interleave
 * with another transaction or with keyv's statements.
 */
export class SqliteDb implements SqlDb {
  readonly dialect = SQLITE_DIALECT;
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  async write<T>(work: () => SqlWork<T>): Promise<T> {
    // IMMEDIATE takes the write lock first: a busy database fails before anything is written.
    return this.run('BEGIN IMMEDIATE', work);
  }

  async read<T>(work: () => SqlWork<T>): Promise<T> {
    return this.run('BEGIN', work);
  }

  async exec(ddl: string): Promise<void> {
    this.db.exec(ddl);
  }

  private run<T>(begin: string, work: () => SqlWork<T>): T {
    this.db.exec(begin);
    try {
      const steps = work();
      let rows: unknown;
      for (;;) {
        const step = steps.next(rows);
        if (step.done) {
          this.db.exec('COMMIT');
          return step.value;
        }
        rows = this.statement(step.value.sql).all(...(step.value.params as SQLInputValue[]));
      }
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private statement(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
