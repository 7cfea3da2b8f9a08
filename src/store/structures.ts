/**
 * What a backend offers besides key/value records: the outbox, id lists, the recent-items index,
 * the fact history and leases, each built from what that backend does well.
 */
import type { KeyValue } from './key-value.ts';
import type { EventLog, FenceRef, IdList, LeaseStore, Outbox, RecentIndex } from './types.ts';

export interface NativeStructures {
  outbox(fence: FenceRef): Outbox;
  idList(name: string): IdList;
  recent: RecentIndex;
  events: EventLog;
  leases: LeaseStore;
  /** Creates what the structures need (tables) if missing, and proves the backend answers. */
  ready(): Promise<void>;
  /** Deletes everything of this namespace. */
  clear(): Promise<void>;
}

/** One opened store URL: key/value records and native structures over the same connection. */
export interface Backend {
  /** e.g. "redis 127.0.0.1:6379"; used in error messages. */
  readonly backend: string;
  readonly kv: KeyValue;
  readonly native: NativeStructures;
  ping(): Promise<void>;
  clear(): Promise<void>;
  close(): Promise<void>;
}
