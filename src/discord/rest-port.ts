/**
 * The alert worker's way to Discord: plain REST calls with the nonce and mentions exactly as
 * planned. Rate limits and server errors are handed back at once instead of being retried inside
 * discord.js, because the worker owns the retry budget and the outbox records every attempt.
 */
import { REST, Routes } from 'discord.js';
import type { AlertMessage } from '../alerts/message.ts';
import type { DiscordPort } from '../alerts/types.ts';
import { redactSecret } from '../shared/logger.ts';
import { toDeliveryError } from './delivery-errors.ts';

export interface RestPortOptions {
  token: string;
  /** DISCORD_API_URL, when set. */
  apiUrl?: string | undefined;
  /** Per-request deadline; a hung request becomes a "timeout" DeliveryError. */
  timeoutMs?: number;
}

export const REST_PORT_DEFAULTS = { timeoutMs: 10_000 } as const;

/** A REST client that never waits out a rate limit or retries on its own. */
export function createDeliveryRest(options: RestPortOptions): REST {
  redactSecret(options.token);
  return new REST({
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
    timeout: options.timeoutMs ?? REST_PORT_DEFAULTS.timeoutMs,
    retries: 0,
    rejectOnRateLimit: () => true,
  }).setToken(options.token);
}

interface CreatedMessage { id: string }

function payload(message: AlertMessage): Record<string, unknown> {
  return {
    content: message.content,
    embeds: message.embeds,
    // Exactly as planned: parse is always empty, roles only when the server chose one.
    allowed_mentions: message.allowed_mentions,
  };
}

export class RestDeliveryPort implements DiscordPort {
  readonly rest: REST;

  constructor(options: RestPortOptions | { rest: REST }) {
    this.rest = 'rest' in options ? options.rest : createDeliveryRest(options);
  }

  async send(channelId: string, message: AlertMessage, nonce: string): Promise<{ messageId: string }> {
    try {
      const created = await this.rest.post(Routes.channelMessages(channelId), {
        body: { ...payload(message), nonce, enforce_nonce: true },
      }) as CreatedMessage;
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
}

export function createRestPort(options: RestPortOptions): RestDeliveryPort {
  return new RestDeliveryPort(options);
}
