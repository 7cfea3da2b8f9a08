/**
 * The contract between the delivery worker and the Discord layer: the port it calls and the
 * errors that port throws. Message shapes live in message.ts and are re-exported here.
 */
import type { AlertMessage } from './message.ts';

export type { AlertMessage, AlertText, AlertEmbed, AlertEmbedField, AlertAllowedMentions, AlertContext } from './message.ts';

export type DeliveryErrorKind = 'rate-limited' | 'forbidden' | 'not-found' | 'unauthorized' | 'server' | 'timeout' | 'invalid';

/** What the Discord layer throws when a send or edit fails; it maps HTTP results to these kinds. */
export class DeliveryError extends Error {
  readonly kind: DeliveryErrorKind;
  readonly retryAfterMs?: number;
  /** The HTTP status Discord answered with; absent when no answer came (timeout, reset, not sent). */
  readonly status?: number;
  /** True when Discord certainly did not post anything (refused, or never asked). */
  readonly unsent?: boolean;
  constructor(kind: DeliveryErrorKind, message: string, options?: { retryAfterMs?: number; status?: number; unsent?: boolean; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DeliveryError';
    this.kind = kind;
    if (options?.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options?.status !== undefined) this.status = options.status;
    if (options?.unsent) this.unsent = true;
  }
}

const KINDS: ReadonlySet<string> = new Set(['rate-limited', 'forbidden', 'not-found', 'unauthorized', 'server', 'timeout', 'invalid']);

/** Structural check, so a plain `{ kind, message }` object from another module counts too. */
export function isDeliveryError(error: unknown): error is { kind: DeliveryErrorKind; retryAfterMs?: number; status?: number; unsent?: boolean; message: string } {
  return typeof error === 'object' && error !== null && KINDS.has(String((error as { kind?: unknown }).kind));
}

/**
 * What a look through a channel's recent messages found: the message a delivery already posted,
 * `absent` when it certainly is not there, or `unknown` when the history could not be read (no
 * Read Message History, or more messages since than the look goes through).
 */
export type PostedLookup = { found: string } | 'absent' | { unknown: string };

/** What identifies an alert among a channel's messages. */
export interface PostedProbe {
  nonce: string;
  message: AlertMessage;
  /** The first attempt to post it: the message, if posted, is not older than this. */
  since: Date;
}

/** The calls the delivery worker needs from Discord. */
export interface DiscordPort {
  /** Posts a message; `nonce` is sent with enforce_nonce so a retried post returns the same message. */
  send(channelId: string, message: AlertMessage, nonce: string): Promise<{ messageId: string }>;
  edit(channelId: string, messageId: string, message: AlertMessage): Promise<void>;
  /** Looks among the bot's messages in the channel since `probe.since` for this alert. */
  findInHistory(channelId: string, probe: PostedProbe): Promise<PostedLookup>;
  /** Drops requests still waiting for their turn (not sent yet): delivery is stopping. */
  cancelWaiting?(): void;
}
