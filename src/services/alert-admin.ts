/** Per-server alert settings: where alerts go, who is pinged, which facts, how sure. */
import { formatPreview } from '../alerts/format-alert.ts';
import { CONFIDENCES, FACT_KINDS, type FactKind } from '../facts/types.ts';
import { UserFacingError } from '../shared/errors.ts';
import type { FeedStore, GuildSettings, GuildStore, Outbox } from '../store/types.ts';
import type { AlertAdmin, DeliveryStatus } from './types.ts';

/** What a server gets before its admins change anything: every kind, from rumours up. */
export const DEFAULT_KINDS: FactKind[] = [...FACT_KINDS];
export const DEFAULT_MIN_CONFIDENCE = 'rumor' as const;

const SNOWFLAKE = /^\d{15,25}$/;

export interface AlertAdminDeps {
  guilds: GuildStore;
  feeds: FeedStore;
  outbox: Outbox;
  showTitle: string;
  clock?: () => Date;
}

export function defaultSettings(guildId: string, now: string): GuildSettings {
  return { guildId, kinds: [...DEFAULT_KINDS], minConfidence: DEFAULT_MIN_CONFIDENCE, paused: false, feeds: [], joinedAt: now, updatedAt: now };
}

export function createAlertAdmin(deps: AlertAdminDeps): AlertAdmin {
  const clock = deps.clock ?? (() => new Date());
  const now = () => clock().toISOString();

  async function get(guildId: string): Promise<GuildSettings> {
    return (await deps.guilds.get(guildId)) ?? defaultSettings(guildId, now());
  }

  return {
    get,

    async deliveryStatus(guildId): Promise<DeliveryStatus> {
      const [waiting, settings] = await Promise.all([deps.outbox.waiting(guildId), deps.guilds.get(guildId)]);
      const status: DeliveryStatus = { waiting: waiting.length };
      const oldest = waiting[0];
      if (oldest) {
        status.waitingSince = oldest.createdAt;
        // The one holding the queue up: the first that has failed, else the oldest.
        const stuck = waiting.find((d) => d.lastError !== undefined);
        if (stuck?.lastError) {
          status.reason = stuck.lastError;
          status.nextAttemptAt = stuck.nextAttemptAt;
        }
      }
      if (settings?.deliveryProblem) status.problem = settings.deliveryProblem;
      return status;
    },

    async update(guildId, patch) {
      const current = await get(guildId);
      const next: GuildSettings = { ...current, updatedAt: now() };
      if (patch.alertChannelId !== undefined) {
        if (!SNOWFLAKE.test(patch.alertChannelId)) throw new UserFacingError('bad-channel', 'That is not a channel of this server.');
        next.alertChannelId = patch.alertChannelId;
        // Choosing a channel again is how an admin says "fixed it": alerts may flow again.
        delete next.disabledReason;
        delete next.deliveryProblem;
      }
      if (patch.pingRoleId === null) delete next.pingRoleId;
      else if (patch.pingRoleId !== undefined) {
        if (!SNOWFLAKE.test(patch.pingRoleId)) throw new UserFacingError('bad-role', 'That is not a role of this server.');
        if (patch.pingRoleId === guildId) throw new UserFacingError('bad-role', 'Hyosan never pings @everyone; choose a role fans can opt into.');
        next.pingRoleId = patch.pingRoleId;
      }
      if (patch.kinds !== undefined) {
        const kinds = [...new Set(patch.kinds)].filter((k) => (FACT_KINDS as readonly string[]).includes(k));
        if (kinds.length === 0) throw new UserFacingError('bad-kinds', 'Choose at least one kind of fact; use /alerts pause to stop alerts for a while.');
        next.kinds = kinds;
      }
      if (patch.minConfidence !== undefined) {
        if (!(CONFIDENCES as readonly string[]).includes(patch.minConfidence)) throw new UserFacingError('bad-confidence', `Confidence must be one of ${CONFIDENCES.join(', ')}.`);
        next.minConfidence = patch.minConfidence;
      }
      if (patch.paused !== undefined) next.paused = patch.paused;
      await deps.guilds.put(next);
      return next;
    },

    async preview(guildId) {
      return formatPreview(await get(guildId), { showTitle: deps.showTitle });
    },

    async guildJoined(guildId) {
      const existing = await deps.guilds.get(guildId);
      // Joining (or re-joining) starts from what is known: nothing older than now is announced.
      await deps.guilds.put(existing ? { ...existing, joinedAt: now(), updatedAt: now() } : defaultSettings(guildId, now()));
    },

    async guildLeft(guildId) {
      await deps.outbox.dropGuild(guildId, 'the bot left the server');
      for (const feed of await deps.feeds.list()) {
        if (!feed.addedBy.includes(guildId)) continue;
        const addedBy = feed.addedBy.filter((g) => g !== guildId);
        if (addedBy.length === 0 && !feed.isDefault) await deps.feeds.remove(feed.url);
        else await deps.feeds.put({ ...feed, addedBy });
      }
      await deps.guilds.remove(guildId);
    },
  };
}
