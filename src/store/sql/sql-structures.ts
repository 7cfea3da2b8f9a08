import type { Guard } from '../store-errors.ts';
import type { NativeStructures } from '../structures.ts';
import type { FenceRef } from '../types.ts';
import { TABLES } from './schema.ts';
import { q, type SqlDb } from './sql-db.ts';
import { SqlLeaseStore } from './sql-lease.ts';
import { SqlEventLog, SqlIdList, SqlRecentIndex } from './sql-lists.ts';
import { SqlOutbox } from './sql-outbox.ts';

/** `guard` must create the schema before the first statement (see backends.ts). */
export function sqlStructures(db: SqlDb, ns: string, guard: Guard): NativeStructures {
  return {
    outbox: (fence: FenceRef) => new SqlOutbox(db, ns, fence, guard),
    idList: (name: string) => new SqlIdList(db, ns, name, guard),
    recent: new SqlRecentIndex(db, ns, guard),
    events: new SqlEventLog(db, ns, guard),
    leases: new SqlLeaseStore(db, ns, guard),
    ready: () => guard(async () => undefined),
    clear: () =>
      guard(() =>
        db.write(function* () {
          for (const table of TABLES) yield* q(`DELETE FROM ${table} WHERE ns = ?`, ns);
        }),
      ),
  };
}
