/**
 * Maps what discord.js's REST client throws onto the alert worker's DeliveryError kinds, so the
 * worker decides retries, backoff and disabling without knowing discord.js.
 */
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { DeliveryError } from '../alerts/types.ts';

const FORBIDDEN_CODES = new Set([50001, 50013]);
/** Unknown Channel, Unknown Message (an edit of a deleted alert), Unknown Guild. */
const NOT_FOUND_CODES = new Set([10003, 10008, 10004]);

function retryAfterFromBody(raw: unknown): number | undefined {
  const seconds = (raw as { retry_after?: unknown } | null)?.retry_after;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? Math.ceil(seconds * 1000) : undefined;
}

export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof RateLimitError) {
    const retryAfterMs = Math.max(error.retryAfter, error.sublimitTimeout ?? 0, 0);
    // Either the REST client would have had to wait too long before sending, or Discord answered
    // 429: in both cases nothing was posted.
    return new DeliveryError('rate-limited', `rate limited on ${error.route}${error.global ? ' (global)' : ''}`, { retryAfterMs, unsent: true, cause: error });
  }
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    const what = `${error.status} ${error.message}`;
    // A 4xx answer means Discord refused the request: nothing was posted.
    const answered = { status: error.status, unsent: error.status < 500, cause: error };
    if (error.status === 429) return new DeliveryError('rate-limited', what, { retryAfterMs: retryAfterFromBody(error.rawError) ?? 1000, ...answered });
    if (error.status === 401) return new DeliveryError('unauthorized', what, answered);
    if (error.status === 403 || FORBIDDEN_CODES.has(code)) return new DeliveryError('forbidden', what, answered);
    if (error.status === 404 || NOT_FOUND_CODES.has(code)) return new DeliveryError('not-found', what, answered);
    if (error.status >= 500) return new DeliveryError('server', what, answered);
    return new DeliveryError('invalid', what, answered);
  }
  if (error instanceof HTTPError) {
    return new DeliveryError(error.status >= 500 ? 'server' : 'invalid', `${error.status} ${error.message}`, { status: error.status, unsent: error.status < 500, cause: error });
  }
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return new DeliveryError('timeout', 'Discord did not answer in time', { cause: error });
  }
  // After a 401 discord.js drops the token and refuses every later request before sending it.
  if (error instanceof Error && error.message.startsWith('Expected token to be set')) {
    return new DeliveryError('unauthorized', 'the bot token was refused earlier', { unsent: true, cause: error });
  }
  // Connection refused or reset: transient, and the nonce makes a retried post safe.
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError('server', `request failed: ${message}`, { cause: error });
}
