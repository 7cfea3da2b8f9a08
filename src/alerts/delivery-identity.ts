/**
 * Stable names for deliveries. The id is a hash of what the event is and where it goes, so
 * planning the same event twice enqueues nothing new, and the nonce derived from it is the same
 * after a restart: Discord's enforce_nonce then returns the message already posted.
 */
import { createHash } from 'node:crypto';
import type { FactEvent, FactKind } from '../facts/types.ts';

/** Discord accepts nonces of at most 25 characters. */
export const NONCE_LENGTH = 25;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Which alert a fact value has: one per kind, subject and value. */
export function alertKey(kind: FactKind, subject: string | null, value: string): string {
  return JSON.stringify([kind, subject, value]);
}

/**
 * What makes two events the same change. `at` is left out on purpose: re-processing the same
 * article later yields the same change, which must not be announced twice.
 */
export function eventIdentity(event: FactEvent): string {
  return JSON.stringify([
    event.type,
    event.kind,
    event.subject,
    event.value,
    event.previous,
    event.confidence,
    event.previousConfidence ?? null,
    event.character ?? null,
    event.sources[0]?.itemUrl ?? null,
  ]);
}

export function deliveryId(event: FactEvent, channelId: string): string {
  return sha256(`${eventIdentity(event)}\n${channelId}`);
}

export function deliveryNonce(id: string): string {
  return sha256(`nonce\n${id}`).slice(0, NONCE_LENGTH);
}
