/** Per-server alert settings: where alerts go, who is pinged, which facts, how sure. */
import { formatPreview } from '../alerts/format-alert.ts';
import { isLanguage, languageOf, type Language } from '../alerts/language.ts';
import type { ChannelPlace } from '../alerts/server-language-port.ts';
import { logger as rootLogger, type Logger } from '../shared/logger.ts';
import { CONFIDENCES, FACT_KINDS, type FactKind } from '../facts/types.ts';
import { UserFacingError } from '../shared/errors.ts';
import type { FeedStore, GuildSettings, GuildStore, MetaStore, Outbox } from '../store/types.ts';
import type { AlertAdmin, AlertLanguage, DeliveryStatus } from './types.ts';

/** What a server gets before its admins change anything: every kind, from rumours up. */
export const DEFAULT_KINDS: FactKind[] = [...FACT_KINDS];
export const DEFAULT_MIN_CONFIDENCE = 'rumor' as const;

const SNOWFLAKE = /^\d{15,25}$/;

export interface AlertAdminDeps {
  guilds: GuildStore;
  feeds: FeedStore;
  outbox: Outbox;
  /** Where each server's chosen alert language is kept. */
  meta: MetaStore;
  showTitle: string;
  /** The season the facts are about, named in the sample alert's title. */
  season?: number;
  /** The server's preferred locale as Discord reports it ("ko", "en-US"), when known. */
  guildLocale?: (guildId: string) => string | undefined;
  clock?: () => Date;
  logger?: Logger;
}

/** The meta key of a server's chosen alert language ("en", "ko"; absent or "auto" = follow the server). */
export function languageKey(guildId: string): string {
  return `alert-language:${guildId}`;
}

export function defaultSettings(guildId: string, now: string): GuildSettings {
  return { guildId, kinds: [...DEFAULT_KINDS], minConfidence: DEFAULT_MIN_CONFIDENCE, paused: false, feeds: [], joinedAt: now, updatedAt: now };
}

export function createAlertAdmin(deps: AlertAdminDeps): AlertAdmin {
  const clock = deps.clock ?? (() => new Date());
  const log = (deps.logger ?? rootLogger).child({ module: 'admin' });
  const now = () => clock().toISOString();

  async function get(guildId: string): Promise<GuildSettings> {
    return (await deps.guilds.get(guildId)) ?? defaultSettings(guildId, now());
  }

  async function language(guildId: string): Promise<AlertLanguage> {
    const chosen = await deps.meta.get<string>(languageKey(guildId));
    if (isLanguage(chosen)) return { language: chosen, chosen: true };
    return { language: languageOf(deps.guildLocale?.(guildId)), chosen: false };
  }

  return {
    get,
    language,

    async setLanguage(guildId, choice: Language | 'auto') {
      if (choice !== 'auto' && !isLanguage(choice)) throw new UserFacingError('bad-language', 'Choose English, Korean or automatic.');
      await deps.meta.set(languageKey(guildId), choice);
      log.info({ guildId, language: choice }, `alert language set to ${choice === 'auto' ? "the server's language" : choice}`);
      return language(guildId);
    },

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
      log.info({ guildId, changes: patch }, `alert settings changed: ${Object.keys(patch).join(', ')}`);
      return next;
    },

    async preview(guildId, locale) {
      const { language: alertLanguage } = await language(guildId);
      return formatPreview(await get(guildId), {
        showTitle: deps.showTitle,
        ...(deps.season !== undefined ? { season: deps.season } : {}),
        alertLanguage, ...(locale ? { locale } : {}),
      });
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
      await deps.meta.set(languageKey(guildId), 'auto');
    },
  };
}

/** How often the server list may be read again to place a channel no server is known to own. */
export const CHANNEL_LOOKUP_INTERVAL_MS = 60_000;

export interface ChannelLanguageOptions {
  /** The server a channel belongs to, as Discord's cache knows it (any channel the bot can see). */
  guildOfChannel?: (channelId: string) => string | undefined;
  clock?: () => Date;
}

/**
 * The language of the server an alert channel belongs to, for sending each server its alerts in
 * its language. Discord's cache names the server of any channel the bot sees; failing that, the
 * stored settings name each server's alert channel (read again at most once a minute, so a
 * channel nobody owns cannot make every send list every server). A channel never moves to
 * another server, so what is found is kept.
 */
export function channelLanguage(
  guilds: GuildStore,
  alerts: Pick<AlertAdmin, 'language'>,
  options: ChannelLanguageOptions = {},
): (channelId: string) => Promise<ChannelPlace> {
  const clock = options.clock ?? (() => new Date());
  const guildOfChannel = new Map<string, string>();
  let listedAt = Number.NEGATIVE_INFINITY;
  let listing: Promise<void> | undefined;
  /** Reads the server list, unless it was read within the interval; sends that miss meanwhile wait for the same read. */
  function relist(): Promise<void> {
    if (listing) return listing;
    if (clock().getTime() - listedAt < CHANNEL_LOOKUP_INTERVAL_MS) return Promise.resolve();
    listedAt = clock().getTime();
    listing = guilds
      .list()
      .then((all) => {
        for (const settings of all) if (settings.alertChannelId) guildOfChannel.set(settings.alertChannelId, settings.guildId);
      })
      .catch((error: unknown) => {
        listedAt = Number.NEGATIVE_INFINITY;
        throw error;
      })
      .finally(() => {
        listing = undefined;
      });
    return listing;
  }
  return async (channelId) => {
    let guildId = guildOfChannel.get(channelId) ?? options.guildOfChannel?.(channelId);
    if (!guildId) {
      await relist();
      guildId = guildOfChannel.get(channelId);
    }
    if (!guildId) return { language: 'en' };
    guildOfChannel.set(channelId, guildId);
    return { guildId, language: (await alerts.language(guildId)).language };
  };
}
