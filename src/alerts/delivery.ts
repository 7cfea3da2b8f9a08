/**
 * Drains the outbox into Discord. Each channel is a queue with one request in flight, so alerts
 * arrive in the order they were decided; all channels share one request budget. Every outcome is
 * written back to the outbox before the next step, so a restart picks up exactly where this left.
 */
import type { Delivery, GuildStore, Outbox } from '../store/types.ts';
import { logger as rootLogger, type Logger } from '../shared/logger.ts';
import { defaultChannelLabel, disabledReasonFor } from './disable-reason.ts';
import { formatAlert, mergeSources } from './format-alert.ts';
import { backoffDelay, realSleep, type Sleep } from './timing.ts';
import { TokenBucket } from './token-bucket.ts';
import { isDeliveryError, type AlertMessage, type DeliveryErrorKind, type DiscordPort } from './types.ts';

export const DELIVERY_DEFAULTS = {
  ratePerSecond: 40,
  burst: 5,
  batchSize: 100,
  pollIntervalMs: 2_000,
  maxAttempts: 10,
  backoffBaseMs: 2_000,
  backoffMaxMs: 10 * 60_000,
  maxRateLimitWaits: 5,
  defaultRetryAfterMs: 1_000,
} as const;

export const TOKEN_REFUSED = 'the bot token was refused';

export interface DeliveryWorkerOptions {
  outbox: Outbox;
  guilds: GuildStore;
  port: DiscordPort;
  /** The show's display title used in alert titles. */
  showTitle: string;
  locale?: string;
  now?: () => Date;
  random?: () => number;
  sleep?: Sleep;
  ratePerSecond?: number;
  burst?: number;
  /** Deliveries read from the outbox per round. */
  batchSize?: number;
  /** Pause between rounds when running with start(). */
  pollIntervalMs?: number;
  /** Server errors and timeouts before a delivery is given up as failed. */
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** 429 answers waited out in a row for one delivery before it is put back for a later round. */
  maxRateLimitWaits?: number;
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
  /** 429 answers waited out. */
  rateLimited: number;
  /** Answers Discord counts against its invalid-request limit (401, 403, 429). */
  invalidRequests: number;
  /** Pending deliveries dropped because their server's alerts were disabled. */
  dropped: number;
}

export interface DrainResult {
  /** Deliveries this round attempted or settled. */
  processed: number;
  /** Deliveries put back for a later round (backoff, long rate limit). */
  deferred: number;
  halted: boolean;
}

type Outcome = 'done' | 'failed' | 'deferred' | 'skipped' | 'stopped' | 'halted' | { channelLost: string };

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Oldest first (then by event time, then id), so order never depends on how a store lists. */
function byAge(a: Delivery, b: Delivery): number {
  return compare(a.createdAt, b.createdAt) || compare(a.event.at, b.event.at) || compare(a.id, b.id);
}

export class DeliveryWorker {
  readonly #o: Required<Omit<DeliveryWorkerOptions, 'onGuildDisabled' | 'onFatal' | 'locale'>> &
    Pick<DeliveryWorkerOptions, 'onGuildDisabled' | 'onFatal' | 'locale'>;
  readonly #bucket: TokenBucket;
  readonly #log: Logger;
  readonly #metrics: DeliveryMetrics = { sent: 0, edited: 0, retried: 0, failed: 0, rateLimited: 0, invalidRequests: 0, dropped: 0 };
  /** Channels waiting out a backoff: later alerts for them must not overtake the one that failed. */
  readonly #blockedUntil = new Map<string, number>();
  #abort = new AbortController();
  #stopping = false;
  #haltReason: string | undefined;
  #loop: Promise<void> | undefined;
  #drain: Promise<DrainResult> | undefined;

  constructor(options: DeliveryWorkerOptions) {
    const now = options.now ?? (() => new Date());
    const sleep = options.sleep ?? realSleep;
    this.#o = {
      ...options,
      now,
      random: options.random ?? Math.random,
      sleep,
      ratePerSecond: options.ratePerSecond ?? DELIVERY_DEFAULTS.ratePerSecond,
      burst: options.burst ?? DELIVERY_DEFAULTS.burst,
      batchSize: options.batchSize ?? DELIVERY_DEFAULTS.batchSize,
      pollIntervalMs: options.pollIntervalMs ?? DELIVERY_DEFAULTS.pollIntervalMs,
      maxAttempts: options.maxAttempts ?? DELIVERY_DEFAULTS.maxAttempts,
      backoffBaseMs: options.backoffBaseMs ?? DELIVERY_DEFAULTS.backoffBaseMs,
      backoffMaxMs: options.backoffMaxMs ?? DELIVERY_DEFAULTS.backoffMaxMs,
      maxRateLimitWaits: options.maxRateLimitWaits ?? DELIVERY_DEFAULTS.maxRateLimitWaits,
      describeChannel: options.describeChannel ?? defaultChannelLabel,
      logger: options.logger ?? rootLogger,
    };
    this.#bucket = new TokenBucket({ ratePerSecond: this.#o.ratePerSecond, burst: this.#o.burst, now, sleep });
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

  async #run(): Promise<void> {
    while (!this.#stopping && !this.#haltReason) {
      try {
        await this.drainOnce();
      } catch (error) {
        this.#log.error({ err: error }, 'delivery round failed; will try again');
      }
      if (this.#stopping || this.#haltReason) break;
      await this.#o.sleep(this.#o.pollIntervalMs, this.#abort.signal);
    }
  }

  async #round(): Promise<DrainResult> {
    const result: DrainResult = { processed: 0, deferred: 0, halted: Boolean(this.#haltReason) };
    if (this.#haltReason || this.#stopping) return result;
    const now = this.#o.now();
    const due = await this.#o.outbox.due(now, this.#o.batchSize);
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
    await Promise.all([...lanes.values()].map((lane) => this.#runLane(lane.sort(byAge), result)));
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
    let delivery = await this.#o.outbox.get(queued.id);
    if (!delivery || delivery.state !== 'pending') return 'skipped';
    let rateLimitWaits = 0;
    for (;;) {
      if (this.#haltReason) return 'halted';
      if (!(await this.#bucket.take(this.#abort.signal))) return 'stopped';
      try {
        if (delivery.action === 'edit') return await this.#edit(delivery);
        return await this.#post(delivery);
      } catch (error) {
        const kind: DeliveryErrorKind = isDeliveryError(error) ? error.kind : 'server';
        const message = error instanceof Error ? error.message : String(error);
        const log = { deliveryId: delivery.id, channelId: delivery.channelId, kind, err: message };
        switch (kind) {
          case 'rate-limited': {
            this.#metrics.rateLimited += 1;
            this.#metrics.invalidRequests += 1;
            const wait = Math.max(0, (isDeliveryError(error) ? error.retryAfterMs : undefined) ?? DELIVERY_DEFAULTS.defaultRetryAfterMs);
            rateLimitWaits += 1;
            if (rateLimitWaits > this.#o.maxRateLimitWaits) return this.#defer(delivery, wait, `rate limited: ${message}`);
            this.#log.debug({ ...log, wait }, 'rate limited; waiting before the same request again');
            await this.#o.sleep(wait, this.#abort.signal);
            if (this.#stopping) return 'stopped';
            break;
          }
          case 'server':
          case 'timeout': {
            this.#metrics.retried += 1;
            const attempts = delivery.attempts + 1;
            if (attempts >= this.#o.maxAttempts) {
              this.#log.warn(log, 'giving up on a delivery after repeated server errors');
              return this.#fail(delivery, `gave up after ${attempts} attempts: ${message}`, attempts);
            }
            const wait = backoffDelay(attempts, { baseMs: this.#o.backoffBaseMs, maxMs: this.#o.backoffMaxMs }, this.#o.random);
            this.#log.info({ ...log, wait, attempts }, 'server error or timeout; retrying later with the same nonce');
            return this.#defer({ ...delivery, attempts }, wait, message);
          }
          case 'unauthorized':
            this.#metrics.invalidRequests += 1;
            return this.#halt();
          case 'forbidden':
          case 'not-found':
            if (kind === 'forbidden') this.#metrics.invalidRequests += 1;
            if (delivery.action === 'edit' && kind === 'not-found') {
              return this.#fail(delivery, 'the alert to edit was deleted', delivery.attempts + 1);
            }
            return this.#loseChannel(delivery, kind, message);
          case 'invalid':
            this.#log.error(log, 'Discord rejected an alert as invalid');
            return this.#fail(delivery, `rejected by Discord: ${message}`, delivery.attempts + 1);
        }
        delivery = (await this.#o.outbox.get(delivery.id)) ?? delivery;
        if (delivery.state !== 'pending') return 'skipped';
      }
    }
  }

  #message(delivery: Delivery): AlertMessage {
    return formatAlert(delivery.event, {
      showTitle: this.#o.showTitle,
      ...(delivery.pingRoleId ? { pingRoleId: delivery.pingRoleId } : {}),
      ...(this.#o.locale ? { locale: this.#o.locale } : {}),
    });
  }

  async #post(delivery: Delivery): Promise<Outcome> {
    const { messageId } = await this.#o.port.send(delivery.channelId, this.#message(delivery), delivery.nonce);
    await this.#settle(delivery.id, { state: 'sent', messageId, attempts: delivery.attempts + 1, lastError: undefined });
    this.#metrics.sent += 1;
    return 'done';
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
      return this.#fail(delivery, 'no posted alert to edit', delivery.attempts);
    }
    const sources = mergeSources(posted.event.sources, delivery.event.sources);
    const message = formatAlert(
      { ...posted.event, sources: sources.slice(0, 1) },
      {
        showTitle: this.#o.showTitle,
        alsoReportedBy: sources.slice(1),
        ...(posted.pingRoleId ? { pingRoleId: posted.pingRoleId } : {}),
        ...(this.#o.locale ? { locale: this.#o.locale } : {}),
      },
    );
    // An edit never pings again, whatever the content says.
    await this.#o.port.edit(delivery.channelId, messageId, { ...message, allowed_mentions: { parse: [] } });
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
