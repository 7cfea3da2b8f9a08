/**
 * The storage interfaces the rest of the bot depends on. Records (facts, settings, feed state,
 * processed items) are key/value data; the outbox, the lists and the history are built from what
 * each backend does well (tables and transactions in SQLite and PostgreSQL, sorted sets and Lua in
 * Redis) behind the structure interfaces at the end of this file.
 *
 * Every method either does what it says or throws StoreError. A store that fails must never look
 * empty: "no facts" would make the ledger re-announce everything.
 */
import type { Confidence, Fact, FactEvent, FactKind } from '../facts/types.ts';

export interface FactStore {
  getFact(kind: FactKind, subject: string | null): Promise<Fact | undefined>;
  listFacts(): Promise<Fact[]>;
  putFact(fact: Fact): Promise<void>;
  /** Append-only history of every event the ledger produced (changes, corroborations, conflicts). */
  appendEvents(events: FactEvent[]): Promise<void>;
  /** Newest first. */
  listEvents(filter?: { kind?: FactKind; limit?: number }): Promise<FactEvent[]>;
}

/** An article the engine has processed: kept for /news and to avoid processing it twice. */
export interface ProcessedItem {
  id: string;
  feedUrl: string;
  link?: string;
  title: string;
  outlet?: string;
  published?: string;
  relevant: boolean;
  /** Short human summary of what the article said (claims), for /news. */
  summary: string[];
  processedAt: string;
}

export interface ItemStore {
  /** Ids (of the given ones) already processed. */
  seen(ids: string[]): Promise<Set<string>>;
  record(items: ProcessedItem[]): Promise<void>;
  /** Newest (by published, else processedAt) first; relevant items only unless asked. */
  recent(limit: number, options?: { includeIrrelevant?: boolean }): Promise<ProcessedItem[]>;
}

export type FeedHealthState = 'ok' | 'failing' | 'disabled' | 'new';

export interface FeedRecord {
  url: string;
  /** Guild ids that added it; empty for the shipped defaults. */
  addedBy: string[];
  isDefault: boolean;
  title?: string;
  etag?: string;
  lastModified?: string;
  health: FeedHealthState;
  /** Consecutive failures, for backoff. */
  failures: number;
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  /** In words an admin can act on. */
  lastError?: string;
  /** Last fetch without conditional headers (done at least daily). */
  lastUnconditionalAt?: string;
  nextDueAt: string;
  /** True once the first fetch stored its items as a baseline (posts nothing old). */
  baselined: boolean;
  createdAt: string;
}

export interface FeedStore {
  get(url: string): Promise<FeedRecord | undefined>;
  list(): Promise<FeedRecord[]>;
  put(feed: FeedRecord): Promise<void>;
  remove(url: string): Promise<void>;
}

export interface GuildSettings {
  guildId: string;
  alertChannelId?: string;
  pingRoleId?: string;
  /** Which kinds of fact to alert on. */
  kinds: FactKind[];
  minConfidence: Confidence;
  paused: boolean;
  /** Set when delivery was stopped by Discord (403/404); cleared when an admin fixes it. */
  disabledReason?: string;
  /**
   * The last alert delivery gave up on without knowing whether it was posted (it could not check
   * the channel); cleared when an admin chooses the channel again.
   */
  deliveryProblem?: { at: string; text: string };
  /** Feed URLs this guild added on top of the defaults. */
  feeds: string[];
  /** When the guild joined: facts older than this are not announced to it. */
  joinedAt: string;
  updatedAt: string;
}

export interface GuildStore {
  get(guildId: string): Promise<GuildSettings | undefined>;
  put(settings: GuildSettings): Promise<void>;
  list(): Promise<GuildSettings[]>;
  remove(guildId: string): Promise<void>;
}

export type DeliveryState = 'pending' | 'sent' | 'failed' | 'dropped';

/**
 * One alert for one channel. Its id is derived from (change id, channel id), so enqueueing the
 * same change twice is a no-op, and its nonce is stable across restarts.
 */
export interface Delivery {
  id: string;
  nonce: string;
  guildId: string;
  channelId: string;
  /** The event that caused it (a fact-change, or a corroboration that edits an earlier alert). */
  event: FactEvent;
  /** "post" a new alert, or "edit" the alert already posted for the same fact value. */
  action: 'post' | 'edit';
  /** Key of the fact value this alert is about: kind, subject and value. Used to find it to edit. */
  alertKey: string;
  pingRoleId?: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string;
  messageId?: string;
  lastError?: string;
  /**
   * When the first attempt to post it began, written before the request leaves: from then on the
   * message may exist on Discord even if no answer was ever recorded (a lost answer, a crash).
   */
  firstTriedAt?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Outbox {
  /** Idempotent by delivery id. Returns the deliveries that were new. */
  enqueue(deliveries: Delivery[]): Promise<Delivery[]>;
  /** Pending deliveries due at or before `now`, oldest first. */
  due(now: Date, limit: number): Promise<Delivery[]>;
  get(id: string): Promise<Delivery | undefined>;
  update(delivery: Delivery): Promise<void>;
  /**
   * Applies changes to a delivery only if it is still pending, in one step: a delivery dropped
   * meanwhile (its server's alerts were disabled) stays dropped. Returns whether it applied.
   */
  settle(id: string, changes: Partial<Delivery>): Promise<boolean>;
  /** The message posted in a channel for an alert key, for "also reported by" edits. */
  findPosted(channelId: string, alertKey: string): Promise<Delivery | undefined>;
  /**
   * The latest "post" delivery of an alert key in a channel, whatever its state: a corroboration
   * that arrives while the alert is still waiting to be sent must still reach it.
   */
  findAlert(channelId: string, alertKey: string): Promise<Delivery | undefined>;
  /** A guild's pending deliveries, oldest first: what /alerts show reports as waiting. */
  waiting(guildId: string): Promise<Delivery[]>;
  /** Drops pending deliveries of a guild (alerts disabled); returns how many. */
  dropGuild(guildId: string, reason: string): Promise<number>;
}

/** Small key/value state the bot needs besides the above (e.g. last poll round, bot status). */
export interface MetaStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
}

/**
 * Proof that this process holds a lease: outbox writes that carry it are refused, in the same
 * atomic step as the write, once another process has taken the lease over (a higher epoch).
 */
export interface Fence {
  /** The lease's name, one per role (e.g. "poll-deliver"). */
  lease: string;
  /** Who holds it: unique per process life. */
  holder: string;
  /** Grows by one at every change of holder, never goes back. */
  epoch: number;
}

/** What a process learns when it asks for a lease. */
export type LeaseClaim =
  | { held: true; fence: Fence; expiresInMs: number }
  | { held: false; holder: string; epoch: number; expiresInMs: number };

export interface LeaseStore {
  /**
   * Takes the lease when it is free or expired (a new epoch); otherwise says who holds it.
   * `replacing` names a holder known to be dead: its lease is taken before it expires.
   */
  claim(lease: string, holder: string, ttlMs: number, replacing?: string): Promise<LeaseClaim>;
  /** Extends a lease this fence still holds; false when it was lost (expired and taken). */
  renew(fence: Fence, ttlMs: number): Promise<boolean>;
  /** Gives the lease up at once, so a standby need not wait for it to expire. */
  release(fence: Fence): Promise<void>;
}

/** The fence outbox writes are checked against; undefined while no lease is used (CLI, tests). */
export interface FenceRef {
  current: Fence | undefined;
}

/** An insertion-ordered set of ids: which feeds, guilds and facts there are. */
export interface IdList {
  add(ids: string[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  list(): Promise<string[]>;
}

/** Processed items by sort time, the newest `keep` only: what /news lists. */
export interface RecentIndex {
  add(entries: Array<{ id: string; sortMs: number; relevant: boolean }>, keep: number): Promise<void>;
  /** Newest first, then by id. */
  newest(limit: number, includeIrrelevant: boolean): Promise<string[]>;
}

/** The append-only fact history. */
export interface EventLog {
  /** All or none of the batch, in order. */
  append(events: FactEvent[]): Promise<void>;
  /** Newest first. */
  list(filter: { kind?: FactKind; limit?: number }): Promise<FactEvent[]>;
}

export interface Stores {
  facts: FactStore;
  items: ItemStore;
  feeds: FeedStore;
  guilds: GuildStore;
  outbox: Outbox;
  meta: MetaStore;
  leases: LeaseStore;
  /** Set by whoever holds the lease; from then on outbox writes are fenced with it. */
  fence: FenceRef;
  /** Checks the backend answers; throws StoreError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
