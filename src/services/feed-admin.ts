/**
 * Admins' feed management. Every URL goes through the same guard as the poller; a feed is only
 * added after one successful dry run, so an admin learns at once that a URL is wrong rather than
 * finding a "failing" feed later.
 */
import type { CheckOptions } from '../engine/check-feed.ts';
import type { ShowPack } from '../facts/show-pack.ts';
import { newFeedRecord } from '../feeds/feed-health.ts';
import { checkUrl, resolveAllowed, RefusedError, type GuardOptions } from '../feeds/url-guard.ts';
import { UserFacingError } from '../shared/errors.ts';
import { logger as rootLogger, type Logger } from '../shared/logger.ts';
import type { FeedRecord, FeedStore, GuildStore } from '../store/types.ts';
import type { CheckReport, FeedAdmin } from './types.ts';
import { compareText } from '../shared/text-order.ts';

/** Enough for any fan server; keeps one server from turning the poller into its own crawler. */
export const MAX_FEEDS_PER_GUILD = 20;

export interface FeedAdminDeps {
  pack: ShowPack;
  feeds: FeedStore;
  guilds: GuildStore;
  guard: GuardOptions;
  check: Pick<CheckOptions, 'fetch'>;
  clock?: () => Date;
  /** Called after a feed is added, e.g. to fetch it at once. */
  onAdded?: (feed: FeedRecord) => void;
  /** Names the default feeds are given in config/feeds.json, by URL; shown instead of the feed's own title. */
  names?: ReadonlyMap<string, string>;
  logger?: Logger;
}

/**
 * Reading a feed and judging its items takes the fetcher, the parser and the fact extraction
 * engine: loaded by the first /feeds add or /feeds test, not at start.
 */
async function checkFeed(url: string, pack: ShowPack, options: Pick<CheckOptions, 'fetch'>): Promise<CheckReport> {
  const engine = await import('../engine/check-feed.ts');
  return engine.checkFeed(url, pack, options);
}

/** The URL as it will be stored: parsed and normalised, so "HTTP://Host/feed" is one feed. */
async function vetUrl(input: string, guard: GuardOptions): Promise<string> {
  const checked = checkUrl(input.trim(), guard);
  if (!checked.ok) throw new UserFacingError('feed-url-refused', checked.reason);
  try {
    await resolveAllowed(checked.url.hostname, guard);
  } catch (error) {
    if (error instanceof RefusedError) throw new UserFacingError('feed-url-refused', error.message);
    throw error;
  }
  return checked.url.href;
}

/**
 * A disabled feed that an admin adds again has just been read by the dry run: it starts over as
 * working now. Keeping the old last success would count the week it was off as failing time, and
 * its first hiccup after revival would switch it off again at once.
 */
function revive(feed: FeedRecord, now: Date): FeedRecord {
  if (feed.health !== 'disabled') return feed;
  const at = now.toISOString();
  const { lastError: _lastError, ...rest } = feed;
  return { ...rest, health: 'new', failures: 0, nextDueAt: at, lastSuccessAt: at };
}

export function createFeedAdmin(deps: FeedAdminDeps): FeedAdmin {
  const clock = deps.clock ?? (() => new Date());
  const log = (deps.logger ?? rootLogger).child({ module: 'admin' });
  const visibleTo = (guildId: string) => (f: FeedRecord) => f.isDefault || f.addedBy.includes(guildId);

  return {
    async list(guildId) {
      const feeds = await deps.feeds.list();
      return feeds
        .filter(visibleTo(guildId))
        .map((f) => {
          const name = deps.names?.get(f.url);
          return name ? { ...f, title: name } : f;
        })
        .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || compareText(a.url, b.url));
    },

    async add(guildId, input) {
      const url = await vetUrl(input, deps.guard);
      const mine = (await deps.feeds.list()).filter((f) => f.addedBy.includes(guildId));
      const already = mine.find((f) => f.url === url);
      // Adding a disabled feed again is how an admin switches it back on once it works.
      if (already && already.health !== 'disabled') throw new UserFacingError('feed-exists', 'This server already follows that feed.');
      if (!already && mine.length >= MAX_FEEDS_PER_GUILD) {
        throw new UserFacingError('feed-limit', `This server already has ${MAX_FEEDS_PER_GUILD} feeds of its own; remove one with /feeds remove first.`);
      }
      const report = await checkFeed(url, deps.pack, deps.check);
      if (report.error) throw new UserFacingError('feed-unusable', `That feed can't be used: ${report.error}`);

      const existing = await deps.feeds.get(url);
      const feed: FeedRecord = existing
        ? { ...revive(existing, clock()), addedBy: [...new Set([...existing.addedBy, guildId])] }
        : newFeedRecord(url, clock(), { isDefault: false, addedBy: [guildId], ...(report.feedTitle ? { title: report.feedTitle } : {}) });
      await deps.feeds.put(feed);
      const settings = await deps.guilds.get(guildId);
      if (settings && !settings.feeds.includes(url)) await deps.guilds.put({ ...settings, feeds: [...settings.feeds, url], updatedAt: clock().toISOString() });
      log.info({ guildId, feed: url, name: feed.title, items: report.items.length }, `feed added: ${feed.title ?? url}`);
      deps.onAdded?.(feed);
      return { feed, itemCount: report.items.length };
    },

    async remove(guildId, input) {
      const checked = checkUrl(input.trim(), {});
      const url = checked.ok ? checked.url.href : input.trim();
      const feed = await deps.feeds.get(url);
      if (!feed || !(feed.isDefault || feed.addedBy.includes(guildId))) throw new UserFacingError('feed-unknown', 'This server does not follow that feed. /feeds list shows the ones it does.');
      if (!feed.addedBy.includes(guildId)) throw new UserFacingError('feed-default', 'That is one of the default feeds every server gets; it cannot be removed for one server.');
      const addedBy = feed.addedBy.filter((g) => g !== guildId);
      if (addedBy.length === 0 && !feed.isDefault) await deps.feeds.remove(url);
      else await deps.feeds.put({ ...feed, addedBy });
      const settings = await deps.guilds.get(guildId);
      if (settings?.feeds.includes(url)) await deps.guilds.put({ ...settings, feeds: settings.feeds.filter((f) => f !== url), updatedAt: clock().toISOString() });
      log.info({ guildId, feed: url, name: feed.title }, `feed removed: ${feed.title ?? url}`);
    },

    async test(input) {
      let url: string;
      try {
        url = await vetUrl(input, deps.guard);
      } catch (error) {
        if (error instanceof UserFacingError) return { url: input, error: error.message, warnings: [], items: [] };
        throw error;
      }
      return checkFeed(url, deps.pack, deps.check);
    },
  };
}
