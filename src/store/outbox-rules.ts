/**
 * What every outbox implementation shares: how long settled deliveries are kept, and the columns
 * its indexes are built from.
 */
import type { Delivery } from './types.ts';

/**
 * Settled deliveries (sent, failed, dropped) are kept this long, then expire: long enough for any
 * later "also reported by" edit of a posted alert and for an admin to see what happened, without
 * every alert to every channel being kept for ever.
 */
export const SETTLED_TTL_MS = 90 * 24 * 3600 * 1000;

export function time(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

/** When a delivery in this state expires; pending ones never do. */
export function expiresAt(d: Delivery, now = Date.now()): number | null {
  return d.state === 'pending' ? null : now + SETTLED_TTL_MS;
}

/** One delivery per id, the last of a batch winning, in the batch's order. */
export function uniqueById(deliveries: Delivery[]): Delivery[] {
  return [...new Map(deliveries.map((d) => [d.id, d])).values()];
}

/** `{ ...current, ...changes }` as JSON sees it: a change to undefined removes the field. */
export function applyChanges(current: Delivery, id: string, changes: Partial<Delivery>): Delivery {
  return JSON.parse(JSON.stringify({ ...current, ...changes, id })) as Delivery;
}

export function byAge(a: Delivery, b: Delivery): number {
  return time(a.createdAt) - time(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
