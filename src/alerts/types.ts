/**
 * Plain shapes for what the alert code hands to the Discord layer. They mirror Discord's message
 * payload so the REST adapter can pass them through, but nothing here depends on discord.js.
 */
import type { Evidence } from '../facts/types.ts';

export interface AlertEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface AlertEmbed {
  title: string;
  description: string;
  url?: string;
  color: number;
  fields: AlertEmbedField[];
  footer: { text: string };
  /** ISO 8601. */
  timestamp: string;
}

/** parse is always empty: only the role a server chose may ever be pinged, and only explicitly. */
export interface AlertAllowedMentions {
  parse: [];
  roles?: string[];
}

export interface AlertMessage {
  content: string;
  embeds: AlertEmbed[];
  allowed_mentions: AlertAllowedMentions;
}

export interface AlertContext {
  /** The show's display title, e.g. "All of Us Are Dead". */
  showTitle: string;
  /** Role to ping, when the server configured one. */
  pingRoleId?: string;
  /** Outlets that reported the same fact after the alert was first posted. */
  alsoReportedBy?: Evidence[];
  /** BCP 47 locale for dates; defaults to en-GB ("14 March 2027"). */
  locale?: string;
}

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
