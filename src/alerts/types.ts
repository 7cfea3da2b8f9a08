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
  constructor(kind: DeliveryErrorKind, message: string, options?: { retryAfterMs?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DeliveryError';
    this.kind = kind;
    if (options?.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

const KINDS: ReadonlySet<string> = new Set(['rate-limited', 'forbidden', 'not-found', 'unauthorized', 'server', 'timeout', 'invalid']);

/** Structural check, so a plain `{ kind, message }` object from another module counts too. */
export function isDeliveryError(error: unknown): error is { kind: DeliveryErrorKind; retryAfterMs?: number; message: string } {
  return typeof error === 'object' && error !== null && KINDS.has(String((error as { kind?: unknown }).kind));
}

/** The two calls the delivery worker needs from Discord. */
export interface DiscordPort {
  /** Posts a message; `nonce` is sent with enforce_nonce so a retried post returns the same message. */
  send(channelId: string, message: AlertMessage, nonce: string): Promise<{ messageId: string }>;
  edit(channelId: string, messageId: string, message: AlertMessage): Promise<void>;
}
