/**
 * Drains the outbox into Discord. Each channel is a queue with one request in flight, so alerts
 * arrive in the order they were decided; many channels are served at once, and the port paces
 * the requests. Every outcome is written back to the outbox before the next step, so a restart
 * picks up exactly where this left.
 *
 * An alert that is still news is never given up on: server errors, timeouts and long rate
 * limits put it back with a capped backoff (at most `backoffMaxMs` apart) for as long as its
 * change is current, up to `giveUpAfterMs`. Once a newer change of the same fact has been
 * decided, a delivery that has been waiting longer than `supersedeAfterMs` is dropped as
 * superseded: the newer change has its own delivery behind it in the same channel.
 *
 * Exactly once: the nonce makes a repeated post return the first message while Discord
 * remembers it (a few minutes). A post first tried longer ago than `nonceTrustMs` is looked for
 * in the channel's recent messages before it is sent again.
 */
import type { FactEvent } from '../facts/types.ts';
import type { Delivery, GuildStore, Outbox } from '../store/types.ts';
import { logger as rootLogger, type Logger } from '../shared/logger.ts';
import { defaultChannelLabel, disabledReasonFor } from './disable-reason.ts';
import { formatAlert, mergeSources } from './format-alert.ts';
import { backoffDelay, realSleep, type Sleep } from './timing.ts';
import { isDeliveryError, type AlertMessage, type DeliveryErrorKind, type DiscordPort } from './types.ts';

export const DELIVERY_DEFAULTS = {
  /** Deliveries read from the outbox per round. */
  batchSize: 200,
  /** Channels served at once (one request in flight each). */
  concurrency: 50,
  pollIntervalMs: 2_000,
  backoffBaseMs: 2_000,
  /** Retries of an alert are never further apart than this. */
  backoffMaxMs: 3 * 60_000,
  /** A delivery whose change is no longer current is dropped once it has waited this long. */
  supersedeAfterMs: 15 * 60_000,
  /** A delivery still failing after this long is given up, even if its change is current. */
  giveUpAfterMs: 7 * 24 * 3600_000,
  /** How long Discord's enforce_nonce is trusted to catch a repeated post (Discord: a few minutes). */
  nonceTrustMs: 4 * 60_000,
  defaultRetryAfterMs: 1_000,
} as const;

export const TOKEN_REFUSED = 'the bot token was refused';

/** Formatted alert messages kept for reuse: a few events' worth, with their ping roles. */
const FORMATTED_KEPT = 64;
export const SUPERSEDED = 'superseded: the fact changed again before this alert could be posted';

export interface DeliveryWorkerOptions {
  outbox: Outbox;
  guilds: GuildStore;
  port: DiscordPort;
  /** The show's display title used in alert titles. */
  showTitle: string;
  /** The season the facts are about, named in alert titles. */
  season?: number;
  /** People who were in an earlier season, so an exit reads as leaving rather than not joining. */
  earlierCast?: ReadonlySet<string>;
  locale?: string;
  now?: () => Date;
  random?: () => number;
  sleep?: Sleep;
  /** Deliveries read from the outbox per round. */
  batchSize?: number;
  /** Channels served at once. */
  concurrency?: number;
  /** Pause between rounds with start(), when the last round found nothing to do. */
  pollIntervalMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  supersedeAfterMs?: number;
  giveUpAfterMs?: number;
  nonceTrustMs?: number;
  /**
   * Whether an event's change is still what Hyosan knows (the fact still has that value and
   * confidence). Without it every change counts as current.
   */
  isCurrent?: (event: FactEvent) => Promise<boolean>;
  /** Called once when a server's alerts are disabled after Discord refused a channel. */
  onGuildDisabled?: (guildId: string, reason: string) => void | Promise<void>;
  /** Called once when the worker stops itself (the token was refused). */
  onFatal?: (reason: string) => void;
  /** How to name a channel in the words shown to admins; defaults to a channel mention. */
  describeChannel?: (channelId: string) => string;
  logger?: Logger;
}

export interface DeliveryMetrics {
  sent: number;
  edited: number;
  /** Attempts that failed in a way worth retrying (server error, timeout). */
  retried: number;
  failed: number;
  /** Rate limits too long to wait out in the REST client: the delivery was put back. */
  rateLimited: number;
  /** Answers Discord gave with 401, 403 or 429, which count against its invalid-request limit. */
  invalidRequests: number;
  /** Pending deliveries dropped because their server's alerts were disabled. */
  dropped: number;
  /** Deliveries dropped because a newer change of the same fact replaced them. */
  superseded: number;
  /** Posts found already in the channel when a retry looked for them (not sent again). */
  foundInHistory: number;
}

export interface DrainResult {
  /** Deliveries this round attempted or settled. */
  processed: number;
  /** Deliveries put back for a later round (backoff, long rate limit). */
  deferred: number;
  /** Whether the round read as many deliveries as it could: more may be waiting. */
  full: boolean;
  halted: boolean;
}

type Outcome = 'done' | 'failed' | 'deferred' | 'skipped' | 'stopped' | 'halted' | { channelLost: string };

function time(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Oldest first (then by event time, then id), so order never depends on how a store lists. */
function byAge(a: Delivery, b: Delivery): number {
  return compare(a.createdAt, b.createdAt) || compare(a.event.at, b.event.at) || compare(a.id, b.id);
}

export class DeliveryWorker {
  readonly #o: Required<Omit<DeliveryWorkerOptions, 'onGuildDisabled' | 'onFatal' | 'locale' | 'isCurrent' | 'season' | 'earlierCast'>> &
    Pick<DeliveryWorkerOptions, 'onGuildDisabled' | 'onFatal' | 'locale' | 'isCurrent' | 'season' | 'earlierCast'>;
  readonly #log: Logger;
  readonly #metrics: DeliveryMetrics = { sent: 0, edited: 0, retried: 0, failed: 0, rateLimited: 0, invalidRequests: 0, dropped: 0, superseded: 0, foundInHistory: 0 };
  /** Channels waiting out a backoff: later alerts for them must not overtake the one that failed. */
  readonly #blockedUntil = new Map<string, number>();
  /** Formatted messages of the latest events, by event and role (see #message). */
  readonly #formatted = new Map<string, AlertMessage>();
  #abort = new AbortController();
  #stopping = false;
  #haltReason: string | undefined;
  #loop: Promise<void> | undefined;
  #drain: Promise<DrainResult> | undefined;

  constructor(options: DeliveryWorkerOptions) {
    const now = options.now ?? (() => new Date());
    this.#o = {
      ...options,
      now,
      random: options.random ?? Math.random,
      sleep: options.sleep ?? realSleep,
      batchSize: options.batchSize ?? DELIVERY_DEFAULTS.batchSize,
      concurrency: Math.max(1, options.concurrency ?? DELIVERY_DEFAULTS.concurrency),
      pollIntervalMs: options.pollIntervalMs ?? DELIVERY_DEFAULTS.pollIntervalMs,
      backoffBaseMs: options.backoffBaseMs ?? DELIVERY_DEFAULTS.backoffBaseMs,
      backoffMaxMs: options.backoffMaxMs ?? DELIVERY_DEFAULTS.backoffMaxMs,
      supersedeAfterMs: options.supersedeAfterMs ?? DELIVERY_DEFAULTS.supersedeAfterMs,
      giveUpAfterMs: options.giveUpAfterMs ?? DELIVERY_DEFAULTS.giveUpAfterMs,
      nonceTrustMs: options.nonceTrustMs ?? DELIVERY_DEFAULTS.nonceTrustMs,
      describeChannel: options.describeChannel ?? defaultChannelLabel,
      logger: options.logger ?? rootLogger,
    };
    this.#log = this.#o.logger.child({ module: 'alerts/delivery' });
  }

  get metrics(): Readonly<DeliveryMetrics> {
    return { ...this.#metrics };
  }

  /** Set when the worker stopped itself for good (the token was refused). */
  get haltReason(): string | undefined {
    return this.#haltReason;
  }

  get running(): boolean {
    return this.#loop !== undefined;
  }

  start(): void {
    if (this.#loop || this.#haltReason) return;
    this.#stopping = false;
    this.#abort = new AbortController();
    this.#loop = this.#run();
  }

  /** Lets requests already in flight finish and be recorded, starts nothing new. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#abort.abort();
    this.#o.port.cancelWaiting?.();
    await this.#loop;
    await this.#drain;
    this.#loop = undefined;
  }

  /** One round: every due delivery, channel by channel. Concurrent calls share the round in progress. */
  drainOnce(): Promise<DrainResult> {
    if (!this.#drain) {
      this.#drain = this.#round().finally(() => {
        this.#drain = undefined;
      });
    }
    return this.#drain;
  }

  /**
   * Rounds back to back while there is work, so a fan-out to many channels keeps the pipe full;
   * a pause only after a round that found nothing to send (or failed).
   */
  async #run(): Promise<void> {
    while (!this.#stopping && !this.#haltReason) {
      let busy = false;
      try {
        const result = await this.drainOnce();
        busy = result.full || result.processed > result.deferred;
      } catch (error) {
        this.#log.error({ err: error }, 'delivery round failed; will try again');
      }
      if (this.#stopping || this.#haltReason) break;
      if (!busy) await this.#o.sleep(this.#o.pollIntervalMs, this.#abort.signal);
    }
  }

  async #round(): Promise<DrainResult> {
    const result: DrainResult = { processed: 0, deferred: 0, full: false, halted: Boolean(this.#haltReason) };
    if (this.#haltReason || this.#stopping) return result;
    const now = this.#o.now();
    const due = await this.#o.outbox.due(now, this.#o.batchSize);
    result.full = due.length >= this.#o.batchSize;
    const lanes = new Map<string, Delivery[]>();
    const held: Delivery[] = [];
    for (const delivery of due) {
      const blocked = this.#blockedUntil.get(delivery.channelId);
      if (blocked !== undefined && blocked > now.getTime()) {
        held.push(delivery);
        continue;
      }
      const lane = lanes.get(delivery.channelId) ?? [];
      lane.push(delivery);
      lanes.set(delivery.channelId, lane);
    }
    for (const channelId of lanes.keys()) this.#blockedUntil.delete(channelId);
    await this.#holdBack(held);
    // A fixed number of channels at a time: enough to keep the pipe full, few enough that a
    // request never waits long for its turn at the pacer (its deadline runs while it waits).
    const queue = [...lanes.values()];
    const worker = async (): Promise<void> => {
      for (let lane = queue.shift(); lane; lane = queue.shift()) await this.#runLane(lane.sort(byAge), result);
    };
    await Promise.all(Array.from({ length: Math.min(this.#o.concurrency, queue.length) }, worker));
    result.halted = Boolean(this.#haltReason);
    return result;
  }

  async #runLane(lane: Delivery[], result: DrainResult): Promise<void> {
    let lostChannel: string | undefined;
    for (const delivery of lane) {
      if (this.#stopping || this.#haltReason) return;
      try {
        if (lostChannel !== undefined) {
          if (await this.#settle(delivery.id, { state: 'failed', lastError: lostChannel })) this.#metrics.failed += 1;
          result.processed += 1;
          continue;
        }
        const outcome = await this.#deliver(delivery);
        if (outcome === 'skipped' || outcome === 'stopped' || outcome === 'halted') continue;
        result.processed += 1;
        if (outcome === 'deferred') {
          result.deferred += 1;
          await this.#holdBack(lane.slice(lane.indexOf(delivery) + 1));
          return;
        }
        if (typeof outcome === 'object') lostChannel = outcome.channelLost;
      } catch (error) {
        // A store failure: leave the rest of this channel for the next round, in order.
        this.#log.error({ err: error, deliveryId: delivery.id }, 'could not record a delivery; will retry next round');
        return;
      }
    }
  }

  /**
   * Moves deliveries queued behind a deferred one in their channel to the same retry time. They
   * keep their order (createdAt decides among equals) and stop filling the batch, so a channel in
   * backoff cannot starve the others, and the order also survives a restart.
   */
  async #holdBack(deliveries: Delivery[]): Promise<void> {
    for (const delivery of deliveries) {
      const until = this.#blockedUntil.get(delivery.channelId);
      if (until === undefined || Date.parse(delivery.nextAttemptAt) >= until) continue;
      await this.#settle(delivery.id, { nextAttemptAt: new Date(until).toISOString() });
    }
  }

  /** Applies changes to the stored delivery if it is still pending; false when someone else settled it. */
  /** Records an outcome unless the delivery was dropped meanwhile (its server was disabled). */
  #settle(id: string, changes: Partial<Delivery>): Promise<boolean> {
    return this.#o.outbox.settle(id, { ...changes, updatedAt: this.#o.now().toISOString() });
  }

  async #deliver(queued: Delivery): Promise<Outcome> {
    const delivery = await this.#o.outbox.get(queued.id);
    if (!delivery || delivery.state !== 'pending') return 'skipped';
    if (this.#haltReason) return 'halted';
    if (this.#stopping) return 'stopped';
    if (await this.#isSuperseded(delivery)) {
      if (await this.#settle(delivery.id, { state: 'dropped', lastError: SUPERSEDED })) this.#metrics.superseded += 1;
      this.#log.info({ deliveryId: delivery.id, channelId: delivery.channelId }, 'a waiting alert was superseded by a newer change of the same fact');
      return 'failed';
    }
    // Only what Discord answers goes to #failure; a store error leaves the lane for the next round.
    if (delivery.action === 'edit') return this.#edit(delivery);
    return this.#post(delivery);
  }

  /** A call to Discord, or what its failure means for the delivery. */
  async #call<T>(delivery: Delivery, request: () => Promise<T>): Promise<{ ok: T } | { outcome: Outcome }> {
    try {
      return { ok: await request() };
    } catch (error) {
      return { outcome: await this.#failure(delivery, error) };
    }
  }

  /** Only a delivery that has waited a while gives way: quick successive changes are all history worth posting. */
  async #isSuperseded(delivery: Delivery): Promise<boolean> {
    if (!this.#o.isCurrent) return false;
    if (this.#o.now().getTime() - time(delivery.createdAt) < this.#o.supersedeAfterMs) return false;
    try {
      return !(await this.#o.isCurrent(delivery.event));
    } catch (error) {
      // Not knowing is no reason to drop an alert.
      this.#log.warn({ err: error, deliveryId: delivery.id }, 'could not tell whether a waiting alert is still current; delivering it');
      return false;
    }
  }

  async #failure(delivery: Delivery, error: unknown): Promise<Outcome> {
    // Turned away before it was sent because delivery is stopping: nothing happened to record.
    if (this.#stopping && isDeliveryError(error) && error.unsent && error.status === undefined) return 'stopped';
    const kind: DeliveryErrorKind = isDeliveryError(error) ? error.kind : 'server';
    const status = isDeliveryError(error) ? error.status : undefined;
    if (status === 401 || status === 403 || status === 429) this.#metrics.invalidRequests += 1;
    const message = error instanceof Error ? error.message : String(error);
    const log = { deliveryId: delivery.id, channelId: delivery.channelId, kind, err: message };
    switch (kind) {
      case 'rate-limited': {
        // The REST client waits out short limits itself; this one was too long to hold the channel.
        this.#metrics.rateLimited += 1;
        const wait = Math.max(0, (isDeliveryError(error) ? error.retryAfterMs : undefined) ?? DELIVERY_DEFAULTS.defaultRetryAfterMs);
        this.#log.info({ ...log, wait }, 'rate limited for long; the alert waits in the outbox');
        return this.#defer(delivery, wait, `Discord asked Hyosan to slow down (${message})`);
      }
      case 'server':
      case 'timeout': {
        this.#metrics.retried += 1;
        const attempts = delivery.attempts + 1;
        if (this.#o.now().getTime() - time(delivery.createdAt) >= this.#o.giveUpAfterMs) {
          this.#log.warn(log, 'giving up on an alert that has failed for too long');
          return this.#fail(delivery, `gave up after ${attempts} attempts over ${Math.round(this.#o.giveUpAfterMs / 3600_000)} hours: ${message}`, attempts);
        }
        const wait = backoffDelay(attempts, { baseMs: this.#o.backoffBaseMs, maxMs: this.#o.backoffMaxMs }, this.#o.random);
        this.#log.info({ ...log, wait, attempts }, 'server error or timeout; retrying later with the same nonce');
        const why = isDeliveryError(error) && error.unsent ? message : kind === 'timeout' ? `Discord did not answer in time (${message})` : `Discord had a server error (${message})`;
        return this.#defer({ ...delivery, attempts }, wait, why);
      }
      case 'unauthorized':
        return this.#halt();
      case 'forbidden':
      case 'not-found':
        if (delivery.action === 'edit' && kind === 'not-found') {
          return this.#fail(delivery, 'the alert to edit was deleted', delivery.attempts + 1);
        }
        return this.#loseChannel(delivery, kind, message);
      case 'invalid':
        this.#log.error(log, 'Discord rejected an alert as invalid');
        return this.#fail(delivery, `rejected by Discord: ${message}`, delivery.attempts + 1);
    }
  }

  /**
   * One change to a thousand channels is one message a thousand times, give or take the role it
   * pings: formatting (dates through Intl, escaping) is done once per event and role, not once per
   * channel, which keeps a fan-out's CPU and memory flat.
   */
  #message(delivery: Delivery): AlertMessage {
    const key = JSON.stringify([delivery.event, delivery.pingRoleId ?? null]);
    const cached = this.#formatted.get(key);
    if (cached) return cached;
    const message = formatAlert(delivery.event, {
      ...this.#show(),
      ...(delivery.pingRoleId ? { pingRoleId: delivery.pingRoleId } : {}),
      ...(this.#o.locale ? { locale: this.#o.locale } : {}),
    });
    this.#formatted.set(key, message);
    if (this.#formatted.size > FORMATTED_KEPT) this.#formatted.delete(this.#formatted.keys().next().value ?? key);
    return message;
  }

  /** What every alert title needs of the show. */
  #show(): { showTitle: string; season?: number; earlierCast?: ReadonlySet<string> } {
    return {
      showTitle: this.#o.showTitle,
      ...(this.#o.season !== undefined ? { season: this.#o.season } : {}),
      ...(this.#o.earlierCast ? { earlierCast: this.#o.earlierCast } : {}),
    };
  }

  async #post(delivery: Delivery): Promise<Outcome> {
    const message = this.#message(delivery);
    const now = this.#o.now();
    if (delivery.firstTriedAt === undefined) {
      // Written before the request leaves: after a crash mid-send, the next try knows to look.
      // Not written means the delivery was dropped meanwhile (its server's alerts were stopped).
      if (!(await this.#settle(delivery.id, { firstTriedAt: now.toISOString() }))) return 'skipped';
    } else if (now.getTime() - time(delivery.firstTriedAt) > this.#o.nonceTrustMs) {
      const earlier = await this.#lookForEarlierPost(delivery, message);
      if (earlier !== undefined) return earlier;
    }
    const sent = await this.#call(delivery, () => this.#o.port.send(delivery.channelId, message, delivery.nonce));
    if ('outcome' in sent) return sent.outcome;
    await this.#settle(delivery.id, { state: 'sent', messageId: sent.ok.messageId, attempts: delivery.attempts + 1, lastError: undefined });
    this.#metrics.sent += 1;
    return 'done';
  }

  /**
   * The nonce no longer protects this post: look for it among the channel's messages since the
   * first attempt. Found: record it, send nothing. Not readable: do not risk a second post.
   */
  async #lookForEarlierPost(delivery: Delivery, message: AlertMessage): Promise<Outcome | undefined> {
    const since = new Date(time(delivery.firstTriedAt ?? delivery.createdAt));
    const answer = await this.#call(delivery, () => this.#o.port.findInHistory(delivery.channelId, { nonce: delivery.nonce, message, since }));
    if ('outcome' in answer) return answer.outcome;
    const look = answer.ok;
    if (look === 'absent') return undefined;
    if ('found' in look) {
      await this.#settle(delivery.id, { state: 'sent', messageId: look.found, attempts: delivery.attempts, lastError: undefined });
      this.#metrics.foundInHistory += 1;
      this.#log.info({ deliveryId: delivery.id, channelId: delivery.channelId }, 'an earlier attempt had posted the alert; recorded it instead of posting again');
      return 'done';
    }
    this.#log.warn({ deliveryId: delivery.id, channelId: delivery.channelId, reason: look.unknown }, 'cannot tell whether an earlier attempt posted the alert; not posting it again');
    const text = `may have been posted by an earlier attempt; not sent again, because ${look.unknown}`;
    const outcome = await this.#fail(delivery, text, delivery.attempts);
    // Admins see it in /alerts show until they choose the channel again.
    const settings = await this.#o.guilds.get(delivery.guildId);
    if (settings) await this.#o.guilds.put({ ...settings, deliveryProblem: { at: this.#o.now().toISOString(), text: `An alert in ${this.#o.describeChannel(delivery.channelId)} ${text}.` } });
    return outcome;
  }

  /**
   * Rebuilds the original alert with every source so far. The posted delivery keeps the sources
   * its message now shows, so the next edit adds to them rather than replacing them.
   */
  async #edit(delivery: Delivery): Promise<Outcome> {
    const posted = await this.#o.outbox.findPosted(delivery.channelId, delivery.alertKey);
    const messageId = posted?.messageId ?? delivery.messageId;
    if (!posted || !messageId) {
      // The original is still on its way (retrying after a 5xx, say): wait for it rather than lose the source.
      const alert = await this.#o.outbox.findAlert(delivery.channelId, delivery.alertKey);
      if (alert?.state === 'pending') return this.#defer(delivery, this.#o.backoffBaseMs, 'waiting for the original alert to be posted');
      if (alert?.state === 'dropped' && alert.lastError === SUPERSEDED) {
        if (await this.#settle(delivery.id, { state: 'dropped', lastError: SUPERSEDED })) this.#metrics.superseded += 1;
        return 'failed';
      }
      return this.#fail(delivery, 'no posted alert to edit', delivery.attempts);
    }
    const sources = mergeSources(posted.event.sources, delivery.event.sources);
    const message = formatAlert(
      { ...posted.event, sources: sources.slice(0, 1) },
      {
        ...this.#show(),
        alsoReportedBy: sources.slice(1),
        ...(posted.pingRoleId ? { pingRoleId: posted.pingRoleId } : {}),
        ...(this.#o.locale ? { locale: this.#o.locale } : {}),
      },
    );
    // An edit never pings again, whatever the content says.
    const edited = await this.#call(delivery, () => this.#o.port.edit(delivery.channelId, messageId, { ...message, allowed_mentions: { parse: [] } }));
    if ('outcome' in edited) return edited.outcome;
    const now = this.#o.now().toISOString();
    await this.#o.outbox.update({ ...posted, event: { ...posted.event, sources }, updatedAt: now });
    await this.#settle(delivery.id, { state: 'sent', messageId, attempts: delivery.attempts + 1, lastError: undefined });
    this.#metrics.edited += 1;
    return 'done';
  }

  /** Puts a delivery back for a later round and holds its channel until then, to keep order. */
  async #defer(delivery: Delivery, waitMs: number, lastError: string): Promise<Outcome> {
    const until = this.#o.now().getTime() + waitMs;
    await this.#settle(delivery.id, { attempts: delivery.attempts, lastError, nextAttemptAt: new Date(until).toISOString() });
    this.#blockedUntil.set(delivery.channelId, until);
    return 'deferred';
  }

  async #fail(delivery: Delivery, lastError: string, attempts: number): Promise<Outcome> {
    if (await this.#settle(delivery.id, { state: 'failed', lastError, attempts })) this.#metrics.failed += 1;
    return 'failed';
  }

  #halt(): Outcome {
    if (!this.#haltReason) {
      this.#haltReason = TOKEN_REFUSED;
      this.#stopping = true;
      this.#abort.abort();
      this.#log.fatal('Discord refused the bot token; alert delivery stopped');
      try {
        this.#o.onFatal?.(TOKEN_REFUSED);
      } catch (error) {
        this.#log.error({ err: error }, 'fatal-error callback threw');
      }
    }
    return 'halted';
  }

  /**
   * Discord refused the channel (403) or it is gone (404). Retrying would only add to the
   * invalid-request count, so the server's alerts are disabled, its pending alerts dropped, and
   * its admins told. Only when the refused channel is still the one configured: if an admin has
   * since moved alerts elsewhere, the old channel's leftovers simply fail.
   */
  async #loseChannel(delivery: Delivery, kind: 'forbidden' | 'not-found', message: string): Promise<Outcome> {
    const reason = disabledReasonFor(kind, this.#o.describeChannel(delivery.channelId));
    await this.#fail(delivery, `${kind}: ${message}`, delivery.attempts + 1);
    const settings = await this.#o.guilds.get(delivery.guildId);
    if (!settings || settings.alertChannelId !== delivery.channelId) return { channelLost: reason };
    const alreadyDisabled = Boolean(settings.disabledReason);
    if (!alreadyDisabled) {
      await this.#o.guilds.put({ ...settings, disabledReason: reason, updatedAt: this.#o.now().toISOString() });
    }
    this.#metrics.dropped += await this.#o.outbox.dropGuild(delivery.guildId, reason);
    this.#log.warn({ guildId: delivery.guildId, channelId: delivery.channelId, kind }, 'alerts disabled for a server');
    if (!alreadyDisabled) {
      try {
        await this.#o.onGuildDisabled?.(delivery.guildId, reason);
      } catch (error) {
        this.#log.error({ err: error, guildId: delivery.guildId }, 'guild-disabled callback threw');
      }
    }
    return { channelLost: reason };
  }
}
