/**
 * What Discord commands may ask of the bot. Commands get these services and nothing else: they
 * never touch the stores or the network directly, so a command cannot, say, fetch a feed without
 * the URL guard or write a setting without validation.
 */
import type { Language } from '../alerts/language.ts';
import type { AlertMessage } from '../alerts/message.ts';
import type { Claim, Confidence, Fact, FactEvent, FactKind } from '../facts/types.ts';
import type { FeedRecord, GuildSettings, ProcessedItem } from '../store/types.ts';

/** The dry run of a feed: what `check` prints and `/feeds test` shows. */
export interface CheckReport {
  url: string;
  feedTitle?: string;
  /** Refusal or failure in words for a person; absent when the feed was read. */
  error?: string;
  warnings: string[];
  items: CheckedItem[];
}

export interface CheckedItem {
  title: string;
  link?: string;
  published?: string;
  outlet?: string;
  relevant: boolean;
  reason: string;
  claims: Claim[];
}

export interface ShowInfo {
  id: string;
  title: string;
  koreanTitle?: string;
  season: number;
  /**
   * People who were in an earlier season. An exit by one of them is a departure; anyone else's
   * exit is a role they are not taking ("Not joining").
   */
  earlierCast?: readonly string[];
}

export interface PersonMatch {
  canonical: string;
  /** What they do on the show: cast (with character) or crew role. */
  description: string;
}

export interface FactQueries {
  show(): ShowInfo;
  /** Current facts, optionally of one kind. */
  current(kind?: FactKind): Promise<Fact[]>;
  /** Fact changes and conflicts over time, newest first. */
  history(kind: FactKind | undefined, limit: number): Promise<FactEvent[]>;
  /** Latest relevant articles and what each said. */
  recentNews(limit: number): Promise<ProcessedItem[]>;
  /** When the poller last finished a round (ISO), if ever. */
  lastCheckedAt(): Promise<string | undefined>;
  /** People whose any known spelling matches the query; for autocomplete. */
  searchPeople(query: string, limit: number): PersonMatch[];
  /** The canonical name for any spelling the matcher knows. */
  resolvePerson(name: string): string | undefined;
}

export interface FeedAdmin {
  /** Default feeds plus this guild's own, with health. */
  list(guildId: string): Promise<FeedRecord[]>;
  /** Checks the URL (guard, fetch, parse) and adds it; the first fetch is a silent baseline. */
  add(guildId: string, url: string): Promise<{ feed: FeedRecord; itemCount: number }>;
  remove(guildId: string, url: string): Promise<void>;
  /** Dry run: nothing is stored. */
  test(url: string): Promise<CheckReport>;
}

export interface AlertSettingsPatch {
  alertChannelId?: string;
  pingRoleId?: string | null;
  kinds?: FactKind[];
  minConfidence?: Confidence;
  paused?: boolean;
}

export interface AlertLanguage {
  language: Language;
  /** True when an admin chose it; false when it follows the server's preferred locale. */
  chosen: boolean;
}

/** Alerts of a server still on their way, for /alerts show. */
export interface DeliveryStatus {
  /** Alerts waiting to be posted (or edited) in this server. */
  waiting: number;
  /** When the oldest of them was decided. */
  waitingSince?: string;
  /** Why the oldest has not gone yet, in words; absent when it simply has not had its turn. */
  reason?: string;
  /** When it will be tried again. */
  nextAttemptAt?: string;
  /** An alert that may be missing, and why (delivery could not check the channel). */
  problem?: { at: string; text: string };
}

export interface AlertAdmin {
  get(guildId: string): Promise<GuildSettings>;
  /** What is waiting to be delivered, and why. */
  deliveryStatus(guildId: string): Promise<DeliveryStatus>;
  /** Applies a change; choosing a channel clears a previous "disabled" state. */
  update(guildId: string, patch: AlertSettingsPatch): Promise<GuildSettings>;
  /** What an alert looks like with this guild's settings; the settings in `locale`'s language. */
  preview(guildId: string, locale?: string): Promise<AlertMessage>;
  /**
   * The language this server's alerts are written in: the one an admin chose with
   * /alerts language, else Korean when the server's preferred locale is Korean, else English.
   */
  language(guildId: string): Promise<AlertLanguage>;
  /** Sets the alert language; 'auto' follows the server's preferred locale again. */
  setLanguage(guildId: string, language: Language | 'auto'): Promise<AlertLanguage>;
  /** A guild the bot joined: it starts from what is known (no old news). */
  guildJoined(guildId: string): Promise<void>;
  guildLeft(guildId: string): Promise<void>;
}

export interface BotServices {
  facts: FactQueries;
  feeds: FeedAdmin;
  alerts: AlertAdmin;
}
