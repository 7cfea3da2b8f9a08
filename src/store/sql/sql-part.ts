/** What every SQL-backed structure holds: the connection, its namespace and the call guard. */
import type { Guard } from '../store-errors.ts';
import type { SqlDb } from './sql-db.ts';

export abstract class SqlPart {
  protected readonly db: SqlDb;
  protected readonly ns: string;
  protected readonly guard: Guard;

  constructor(db: SqlDb, ns: string, guard: Guard) {
    this.db = db;
    this.ns = ns;
    this.guard = guard;
  }
}
