/**
 * A working in-memory implementation of BotServices over plain arrays, for driving the commands
 * end to end without stores or feeds. It behaves like the real services where commands can tell
 * the difference: unknown feeds are refused, removing a feed another server added is refused,
 * choosing a channel clears a "disabled" state, people are found by any spelling.
 */
import { earlierCastOf } from '../../../src/alerts/alert-title.ts';
import { formatPreview } from '../../../src/alerts/format-alert.ts';
import { languageOf, type Language } from '../../../src/alerts/language.ts';
import type { DeliveryStatus } from '../../../src/services/types.ts';
import type { AlertMessage } from '../../../src/alerts/message.ts';
import { loadShowPack, type ShowPack } from '../../../src/facts/show-pack.ts';
import { givenKey, plainKey } from '../../../src/facts/romanization.ts';
import { FACT_KINDS, type Fact, type FactEvent, type FactKind } from '../../../src/facts/types.ts';
import type {
  AlertAdmin, AlertSettingsPatch, BotServices, CheckReport, FactQueries, FeedAdmin, PersonMatch, ShowInfo,
} from '../../../src/services/types.ts';
import { UserFacingError } from '../../../src/shared/errors.ts';
import type { FeedRecord, GuildSettings, ProcessedItem } from '../../../src/store/types.ts';

/** A feed the in-memory world can "fetch": what a check of it finds. */
export interface ReachableFeed {
  title: string;
  report: CheckReport;
}

export interface MemoryWorld {
  facts: Fact[];
  /** Newest first, as the real history is. */
  events: FactEvent[];
  news: ProcessedItem[];
  feeds: FeedRecord[];
  settings: Map<string, GuildSettings>;
  reachable: Map<string, ReachableFeed>;
  lastCheckedAt?: string;
  /** Milliseconds a feed fetch takes, to exercise deferred replies. */
  fetchDelayMs: number;
  /** Alert languages admins chose, by guild. */
  languages: Map<string, Language>;
  /** Servers' preferred locales, as Discord would report them. */
  guildLocales: Map<string, string>;
  /** What /alerts show reports as waiting, per guild (nothing when unset). */
  deliveryStatus?: Map<string, DeliveryStatus>;
}

interface Spelling { person: ShowPack['people'][number]; spellings: string[] }

function describePerson(p: ShowPack['people'][number]): string {
  if (p.roles.includes('cast')) return p.characters.length ? `cast · ${p.characters.join(', ')}` : 'cast';
  return `crew · ${p.crewRoles.join(', ') || 'crew'}`;
}

/** Folded forms of a spelling: plain letters, and the romanisation-tolerant form of each word. */
function folds(text: string): string[] {
  const plain = plainKey(text);
  const folded = text.split(/[\s-]+/).filter(Boolean).map((w) => givenKey(w)).join('');
  return [...new Set([plain, folded].filter(Boolean))];
}

export function createMemoryServices(pack: ShowPack, world: MemoryWorld, now: () => Date = () => new Date()): BotServices {
  const show: ShowInfo = {
    id: pack.id, title: pack.titles.primary, koreanTitle: pack.titles.korean, season: pack.season, earlierCast: [...earlierCastOf(pack.people, pack.season)],
  };
  const people: Spelling[] = pack.people.map((person) => ({
    person, spellings: [person.name, ...(person.korean ? [person.korean] : []), ...person.aliases],
  }));

  const facts: FactQueries = {
    show: () => show,
    current: async (kind) => world.facts.filter((f) => kind === undefined || f.kind === kind),
    history: async (kind, limit) => world.events.filter((e) => kind === undefined || e.kind === kind).slice(0, limit),
    recentNews: async (limit) => [...world.news]
      .filter((n) => n.relevant)
      .sort((a, b) => (b.published ?? b.processedAt).localeCompare(a.published ?? a.processedAt))
      .slice(0, limit),
    lastCheckedAt: async () => world.lastCheckedAt,
    searchPeople(query, limit): PersonMatch[] {
      const wanted = folds(query);
      if (wanted.length === 0) return people.slice(0, limit).map(({ person }) => ({ canonical: person.name, description: describePerson(person) }));
      return people
        .filter(({ spellings }) => spellings.some((s) => folds(s).some((f) => wanted.some((w) => f.includes(w)))))
        .slice(0, limit)
        .map(({ person }) => ({ canonical: person.name, description: describePerson(person) }));
    },
    resolvePerson(name) {
      const wanted = folds(name);
      return people.find(({ spellings }) => spellings.some((s) => folds(s).some((f) => wanted.includes(f))))?.person.name;
    },
  };

  const feeds: FeedAdmin = {
    list: async (guildId) => world.feeds.filter((f) => f.isDefault || f.addedBy.includes(guildId)),
    async add(guildId, url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new UserFacingError('bad-url', `"${url}" is not a web address. Paste the feed's full address, starting with https://.`);
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new UserFacingError('bad-url', 'Only http and https feeds can be followed.');
      await new Promise((r) => setTimeout(r, world.fetchDelayMs));
      const found = world.reachable.get(parsed.href);
      if (!found) throw new UserFacingError('feed-unreachable', `Could not read a feed at ${parsed.href}: the server answered 404.`);
      const existing = world.feeds.find((f) => f.url === parsed.href);
      const stamp = now().toISOString();
      const feed: FeedRecord = existing ?? {
        url: parsed.href, addedBy: [], isDefault: false, title: found.title, health: 'ok', failures: 0,
        lastSuccessAt: stamp, nextDueAt: stamp, baselined: true, createdAt: stamp,
      };
      if (!feed.addedBy.includes(guildId)) feed.addedBy.push(guildId);
      if (!existing) world.feeds.push(feed);
      const settings = world.settings.get(guildId);
      if (settings && !settings.feeds.includes(feed.url)) settings.feeds.push(feed.url);
      return { feed, itemCount: found.report.items.length };
    },
    async remove(guildId, url) {
      const feed = world.feeds.find((f) => f.url === url);
      if (!feed || !feed.addedBy.includes(guildId)) {
        throw new UserFacingError('feed-not-added', feed?.isDefault
          ? 'That is one of the default feeds every server follows; it cannot be removed per server.'
          : 'This server does not follow that feed. See /feeds list.');
      }
      feed.addedBy = feed.addedBy.filter((g) => g !== guildId);
      if (feed.addedBy.length === 0 && !feed.isDefault) world.feeds.splice(world.feeds.indexOf(feed), 1);
    },
    async test(url) {
      await new Promise((r) => setTimeout(r, world.fetchDelayMs));
      return world.reachable.get(url)?.report ?? { url, error: 'The server answered 404: there is no feed at this address.', warnings: [], items: [] };
    },
  };

  const defaults = (guildId: string): GuildSettings => ({
    guildId, kinds: [...FACT_KINDS], minConfidence: 'reported', paused: false, feeds: [],
    joinedAt: now().toISOString(), updatedAt: now().toISOString(),
  });

  const alerts: AlertAdmin = {
    get: async (guildId) => world.settings.get(guildId) ?? defaults(guildId),
    deliveryStatus: async (guildId) => world.deliveryStatus?.get(guildId) ?? { waiting: 0 },
    async update(guildId, patch: AlertSettingsPatch) {
      const current = world.settings.get(guildId) ?? defaults(guildId);
      const next: GuildSettings = { ...current, updatedAt: now().toISOString() };
      if (patch.alertChannelId !== undefined) {
        next.alertChannelId = patch.alertChannelId;
        delete next.disabledReason;
      }
      if (patch.pingRoleId === null) delete next.pingRoleId;
      else if (patch.pingRoleId !== undefined) next.pingRoleId = patch.pingRoleId;
      if (patch.kinds !== undefined) next.kinds = [...new Set(patch.kinds)] as FactKind[];
      if (patch.minConfidence !== undefined) next.minConfidence = patch.minConfidence;
      if (patch.paused !== undefined) next.paused = patch.paused;
      world.settings.set(guildId, next);
      return next;
    },
    async preview(guildId, locale): Promise<AlertMessage> {
      const { language } = await alerts.language(guildId);
      return formatPreview(world.settings.get(guildId) ?? defaults(guildId), { showTitle: show.title, season: show.season, alertLanguage: language, ...(locale ? { locale } : {}) });
    },
    async language(guildId) {
      const chosen = world.languages.get(guildId);
      return chosen ? { language: chosen, chosen: true } : { language: languageOf(world.guildLocales.get(guildId)), chosen: false };
    },
    async setLanguage(guildId, language) {
      if (language === 'auto') world.languages.delete(guildId);
      else world.languages.set(guildId, language);
      return alerts.language(guildId);
    },
    async guildJoined(guildId) {
      if (!world.settings.has(guildId)) world.settings.set(guildId, defaults(guildId));
    },
    async guildLeft(guildId) {
      world.settings.delete(guildId);
    },
  };

  return { facts, feeds, alerts };
}

export function emptyWorld(): MemoryWorld {
  return {
    facts: [], events: [], news: [], feeds: [], settings: new Map(), reachable: new Map(), fetchDelayMs: 0, languages: new Map(), guildLocales: new Map(),
  };
}

export async function loadTestPack(): Promise<ShowPack> {
  return loadShowPack(new URL('../../../config/shows/all-of-us-are-dead.json', import.meta.url).pathname);
}
