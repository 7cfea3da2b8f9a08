/**
 * The alert worker's way to Discord: plain REST calls with the nonce and mentions exactly as
 * planned, through a REST client of its own (command replies use the gateway client's, so they
 * never queue behind alerts).
 *
 * Rate limits are @discordjs/rest's job, as designed: its per-route buckets wait before a request
 * would be refused, its global limit is set to Discord's, and a 429 is waited out and retried
 * inside the library. Only a wait longer than `maxRateLimitWaitMs` comes back to the worker, which
 * puts the alert back in the outbox. In front of the network sits one RequestPacer, so the alerts
 * never exceed the configured rate in any second, even for a moment (the library's global limit
 * is a fixed window that lets a second's worth through at once; see `npm run bench`).
 *
 * Server errors and timeouts are not retried here (`retries: 0`): the worker owns that, because
 * the outbox records every attempt and a retry days later must still be exactly once.
 */
import { performance } from 'node:perf_hooks';
import { DefaultRestOptions, REST, RESTEvents, Routes, type RateLimitData, type ResponseLike } from 'discord.js';
import type { AlertMessage } from '../alerts/message.ts';
import { RequestPacer } from '../alerts/request-pacer.ts';
import { realSleep } from '../alerts/timing.ts';
import { DeliveryError, type DiscordPort, type PostedLookup, type PostedProbe } from '../alerts/types.ts';
import { redactSecret } from '../shared/logger.ts';
import { toDeliveryError } from './delivery-errors.ts';

export interface RestPortOptions {
  token: string;
  /** DISCORD_API_URL, when set. */
  apiUrl?: string | undefined;
  /** Per-request deadline, time waiting for a turn included; a hung request becomes a "timeout" DeliveryError. */
  timeoutMs?: number;
  /** Requests per second the alerts may use (DELIVERY_RATE_PER_SECOND). */
  ratePerSecond?: number;
  /** Rate-limit waits up to this long happen inside the REST client; longer ones are handed back. */
  maxRateLimitWaitMs?: number;
}

export const REST_PORT_DEFAULTS = {
  timeoutMs: 10_000,
  ratePerSecond: 40,
  maxRateLimitWaitMs: 5_000,
  /** Discord's global limit per bot. */
  discordGlobalPerSecond: 50,
  /** Pages of 100 messages looked through for an alert that may have been posted. */
  historyPages: 5,
} as const;

/** What the port counts: only answers Discord actually gave. */
export interface RestPortStats {
  /** 401, 403 and 429 answers: what Discord counts towards its invalid-request limit. */
  invalidAnswers: number;
  /** 429 answers received (a wait the REST client chose on its own is not one). */
  rateLimitAnswers: number;
  /** Waits the REST client's buckets imposed before sending, without Discord refusing anything. */
  preemptiveWaits: number;
}

export interface DeliveryRest {
  rest: REST;
  pacer: RequestPacer;
  stats: RestPortStats;
}

/** Thrown into the REST client when a request's deadline passed while it waited for its turn. */
function notSentError(): DeliveryError {
  return new DeliveryError('timeout', 'not sent: delivery stopped, or the request waited too long for its turn', { unsent: true });
}

export function createDeliveryRest(options: RestPortOptions): DeliveryRest {
  redactSecret(options.token);
  const stats: RestPortStats = { invalidAnswers: 0, rateLimitAnswers: 0, preemptiveWaits: 0 };
  const pacer = new RequestPacer({
    ratePerSecond: options.ratePerSecond ?? REST_PORT_DEFAULTS.ratePerSecond,
    now: () => performance.now(),
    sleep: realSleep,
  });
  const maxWait = options.maxRateLimitWaitMs ?? REST_PORT_DEFAULTS.maxRateLimitWaitMs;
  const send = DefaultRestOptions.makeRequest;
  const rest = new REST({
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
    timeout: options.timeoutMs ?? REST_PORT_DEFAULTS.timeoutMs,
    retries: 0,
    globalRequestsPerSecond: REST_PORT_DEFAULTS.discordGlobalPerSecond,
    rejectOnRateLimit: (data: RateLimitData) => Math.max(data.retryAfter, data.timeToReset, data.sublimitTimeout) > maxWait,
    async makeRequest(url: string, init: Parameters<typeof send>[1]): Promise<ResponseLike> {
      const signal = init.signal ?? undefined;
      if (!(await pacer.take(signal))) throw notSentError();
      const response = await send(url, init);
      // Counted here rather than on the client's "response" event, which clones every answer.
      const status = response.status;
      if (status === 401 || status === 403 || status === 429) stats.invalidAnswers += 1;
      if (status === 429) stats.rateLimitAnswers += 1;
      return response;
    },
  }).setToken(options.token);
  rest.on(RESTEvents.RateLimited, () => {
    stats.preemptiveWaits += 1;
  });
  return { rest, pacer, stats };
}

interface ListedMessage {
  id: string;
  author?: { id?: string };
  content?: string;
  nonce?: string | number;
  embeds?: { title?: string; description?: string }[];
}

function payload(message: AlertMessage): Record<string, unknown> {
  return {
    content: message.content,
    embeds: message.embeds,
    // Exactly as planned: parse is always empty, roles only when the server chose one.
    allowed_mentions: message.allowed_mentions,
  };
}

const DISCORD_EPOCH = 1_420_070_400_000n;

/** The smallest snowflake of a moment: messages after it were created at or after that time. */
function snowflakeAt(time: Date): string {
  const ms = BigInt(Math.max(0, Math.floor(time.getTime()))) - DISCORD_EPOCH;
  return ms > 0n ? ((ms << 22n) - 1n).toString() : '0';
}

/** Ours and the same alert: by nonce where Discord gives it back, else by author and text. */
function isThePost(listed: ListedMessage, botId: string | undefined, probe: PostedProbe): boolean {
  if (listed.nonce !== undefined && String(listed.nonce) === probe.nonce) return true;
  if (botId !== undefined && listed.author?.id !== botId) return false;
  const wanted = probe.message.embeds[0];
  const got = listed.embeds?.[0];
  return (listed.content ?? '') === probe.message.content &&
    (got?.title ?? '') === (wanted?.title ?? '') &&
    (got?.description ?? '') === (wanted?.description ?? '');
}

export class RestDeliveryPort implements DiscordPort {
  readonly rest: REST;
  readonly stats: RestPortStats;
  readonly pacer: RequestPacer | undefined;
  #botId: Promise<string | undefined> | undefined;
  readonly #historyPages: number;

  constructor(options: (RestPortOptions | { rest: REST }) & { historyPages?: number }) {
    if ('rest' in options) {
      this.rest = options.rest;
      this.stats = { invalidAnswers: 0, rateLimitAnswers: 0, preemptiveWaits: 0 };
      this.pacer = undefined;
    } else {
      const made = createDeliveryRest(options);
      this.rest = made.rest;
      this.stats = made.stats;
      this.pacer = made.pacer;
    }
    this.#historyPages = options.historyPages ?? REST_PORT_DEFAULTS.historyPages;
  }

  async send(channelId: string, message: AlertMessage, nonce: string): Promise<{ messageId: string }> {
    try {
      const created = await this.rest.post(Routes.channelMessages(channelId), {
        body: { ...payload(message), nonce, enforce_nonce: true },
      }) as { id: string };
      return { messageId: created.id };
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  async edit(channelId: string, messageId: string, message: AlertMessage): Promise<void> {
    try {
      await this.rest.patch(Routes.channelMessage(channelId, messageId), { body: payload(message) });
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  cancelWaiting(): void {
    this.pacer?.cancelWaiting();
  }

  /** The bot's own user id, asked once; without it, messages are matched by nonce and text alone. */
  #ownId(): Promise<string | undefined> {
    this.#botId ??= (this.rest.get(Routes.user('@me')) as Promise<{ id?: string }>)
      .then((me) => me.id)
      .catch(() => {
        this.#botId = undefined;
        return undefined;
      });
    return this.#botId;
  }

  /**
   * Pages forward through the channel from a minute before the first attempt (clocks differ a
   * little), 100 messages at a time. Needs View Channel and Read Message History.
   */
  async findInHistory(channelId: string, probe: PostedProbe): Promise<PostedLookup> {
    let after = snowflakeAt(new Date(probe.since.getTime() - 60_000));
    for (let page = 0; page < this.#historyPages; page += 1) {
      let listed: ListedMessage[];
      try {
        listed = await this.rest.get(Routes.channelMessages(channelId), {
          query: new URLSearchParams({ after, limit: '100' }),
        }) as ListedMessage[];
      } catch (error) {
        const failure = toDeliveryError(error);
        if (failure.kind === 'forbidden') return { unknown: 'Hyosan cannot read the channel\'s message history (Read Message History is missing)' };
        throw failure;
      }
      const botId = await this.#ownId();
      const found = listed.find((m) => isThePost(m, botId, probe));
      if (found) return { found: found.id };
      if (listed.length < 100) return 'absent';
      // Newest first: the next page starts after the newest message of this one.
      after = listed.reduce((max, m) => (BigInt(m.id) > BigInt(max) ? m.id : max), after);
    }
    return { unknown: `more than ${this.#historyPages * 100} messages were posted in the channel since` };
  }
}

export function createRestPort(options: RestPortOptions): RestDeliveryPort {
  return new RestDeliveryPort(options);
}
