/**
 * One fact event → one delivery per subscribed channel, written to the outbox before anything is
 * sent, so a crash between "decided to post" and "posted" loses nothing and doubles nothing.
 */
import { confidenceRank, type FactEvent } from '../facts/types.ts';
import type { Delivery, GuildSettings, Outbox } from '../store/types.ts';
import { alertKey, deliveryId, deliveryNonce } from './delivery-identity.ts';

export interface PlanOptions {
  now?: () => Date;
}

const systemNow = (): Date => new Date();

/** Last createdAt handed out per clock, so that alerts keep the order they were planned in. */
const lastStamp = new WeakMap<() => Date, number>();

/**
 * createdAt is the order key of a channel's queue. Two events planned in the same millisecond
 * would tie and be sent in an arbitrary order, so each call gets a time after the previous one.
 */
function orderStamp(now: () => Date): string {
  const ms = Math.max(now().getTime(), (lastStamp.get(now) ?? -Infinity) + 1);
  lastStamp.set(now, ms);
  return new Date(ms).toISOString();
}

function time(iso: string): number {
  return Date.parse(iso);
}

/**
 * Whether a server wants this event at all. A server that joined after the fact was first known
 * gets nothing old: joining is not a reason to replay history.
 */
export function guildWantsEvent(guild: GuildSettings, event: FactEvent): boolean {
  if (guild.paused || guild.disabledReason || !guild.alertChannelId) return false;
  if (!guild.kinds.includes(event.kind)) return false;
  if (confidenceRank(guild.minConfidence) > confidenceRank(event.confidence)) return false;
  const joined = time(guild.joinedAt);
  const happened = time(event.at);
  if (Number.isNaN(happened)) return false;
  return Number.isNaN(joined) || joined <= happened;
}

function baseDelivery(event: FactEvent, guild: GuildSettings, channelId: string, now: string, createdAt: string): Delivery {
  const id = deliveryId(event, channelId);
  return {
    id,
    nonce: deliveryNonce(id),
    guildId: guild.guildId,
    channelId,
    event,
    action: 'post',
    alertKey: alertKey(event.kind, event.subject, event.value),
    ...(guild.pingRoleId ? { pingRoleId: guild.pingRoleId } : {}),
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt,
    updatedAt: now,
  };
}

/**
 * The deliveries an event calls for, without writing them. Fact changes are posted; corroborations
 * edit the alert planned or posted in that channel for the same value, and are dropped when there
 * is none (the server never saw the original, so "also reported by" would mean nothing to it).
 */
export async function buildDeliveries(event: FactEvent, guilds: GuildSettings[], outbox: Outbox, options: PlanOptions = {}): Promise<Delivery[]> {
  if (event.type !== 'fact-change' && event.type !== 'corroboration') return [];
  // An outlet re-posting what it already said adds no one to "also reported by".
  if (event.type === 'corroboration' && event.reason === 'same-outlet') return [];
  const clock = options.now ?? systemNow;
  const now = clock().toISOString();
  const createdAt = orderStamp(clock);
  const planned = new Map<string, Delivery>();
  for (const guild of guilds) {
    const channelId = guild.alertChannelId;
    if (!channelId || !guildWantsEvent(guild, event)) continue;
    const delivery = baseDelivery(event, guild, channelId, now, createdAt);
    if (event.type === 'corroboration') {
      // The alert may still be waiting to be sent (several outlets in one poll round): the edit
      // queues behind it in the channel's lane and finds it posted by the time it runs.
      const alert = await outbox.findAlert(channelId, delivery.alertKey);
      if (!alert || (alert.state !== 'sent' && alert.state !== 'pending') || alert.event.value !== event.value) continue;
      delivery.action = 'edit';
      if (alert.messageId) delivery.messageId = alert.messageId;
      if (alert.pingRoleId) delivery.pingRoleId = alert.pingRoleId;
      else delete delivery.pingRoleId;
    }
    planned.set(delivery.id, delivery);
  }
  return [...planned.values()];
}

/** Plans and enqueues; returns only the deliveries that were new to the outbox. */
export async function planDeliveries(event: FactEvent, guilds: GuildSettings[], outbox: Outbox, options: PlanOptions = {}): Promise<Delivery[]> {
  const deliveries = await buildDeliveries(event, guilds, outbox, options);
  if (deliveries.length === 0) return [];
  return outbox.enqueue(deliveries);
}
