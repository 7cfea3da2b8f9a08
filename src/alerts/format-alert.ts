/**
 * Turns one fact change into one Discord message a fan takes in at a glance, on a phone:
 *
 *   title        what is new, in words, with the season ("Season 2 premieres 29 January 2027")
 *   description  old → new once (with a Discord timestamp and countdown for a day),
 *                one confidence mark, the quoted sentence, the sources as one line of links
 *   footer       the show
 *
 * The message is written in the context's language, and carries the same alert in every language
 * (`languages`) so the way to Discord can send each server the one it reads. Pure: same event and
 * context, same message. The meaning of the confidence marks is in /help, not in every alert.
 */
import type { Evidence, FactEvent } from '../facts/types.ts';
import type { GuildSettings } from '../store/types.ts';
import { alertTitle, isDeparture } from './alert-title.ts';
import {
  confidenceWords,
  DEFAULT_LOCALE,
  describeCastStatus,
  describeConfidence,
  describeDay,
  describeKind,
  describeValue,
  releaseDayUnix,
} from './describe-value.ts';
import { DISCORD_LIMITS, ELLIPSIS, hostOf, safeInline, safeUrl, truncate } from './escape.ts';
import { DATE_LOCALE, LANGUAGES, languageName, languageOf, type Language } from './language.ts';
import { reasonIn } from './reason-words.ts';
import type { AlertAllowedMentions, AlertContext, AlertEmbed, AlertMessage, AlertText } from './types.ts';

/** Sources named in the source line; the rest are counted ("+N more") so it stays one line. */
export const MAX_SOURCES_SHOWN = 3;

/** The quoted sentence is cut here: enough to see what was said, short enough for a phone. */
export const MAX_QUOTE_CHARS = 180;

/** Cap for one value inside a sentence we build (a person's name, a character, a platform). */
const MAX_VALUE_CHARS = 80;

const MAX_OUTLET_CHARS = 40;

const SNOWFLAKE = /^\d{17,20}$/;

function bold(text: string): string {
  return text ? `**${text}**` : '';
}

function plain(text: string | undefined): string {
  return safeInline(text, MAX_VALUE_CHARS);
}

/** The day as a Discord timestamp with its countdown; each reader sees their own time zone. */
function dayStamp(value: string): string | undefined {
  const unix = releaseDayUnix(value);
  return unix === undefined ? undefined : `<t:${unix}:D> (<t:${unix}:R>)`;
}

/** Old → new, once; for a day, the timestamp and countdown; for a dated stage, its date. */
function changeLine(event: FactEvent, language: Language, ctx: AlertContext): string | undefined {
  const locale = DATE_LOCALE[language];
  const changed = event.previous !== null && event.previous !== event.value;
  const previous = changed && event.previous !== null ? plain(describeValue(event.kind, event.previous, locale)) : '';
  const stamp = event.kind === 'release' ? dayStamp(event.value) : undefined;
  // Someone who never was in the show is "not joining", not "leaving the cast".
  const words = event.kind === 'cast'
    ? describeCastStatus(event.value, locale, isDeparture(event, ctx.earlierCast))
    : describeValue(event.kind, event.value, locale);
  const now = stamp ?? bold(plain(words));
  const dated = event.date ? describeDay(event.date, locale) : undefined;
  const parts: string[] = [];
  if (previous) parts.push(`${previous} → ${now}`);
  else if (stamp) parts.push(`📅 ${stamp}`);
  if (dated) parts.push(`📅 ${dated}`);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** One mark and its word; an upgrade says what it was before, in words. */
function confidenceLine(event: FactEvent, language: Language): string {
  const locale = DATE_LOCALE[language];
  const now = describeConfidence(event.confidence, locale);
  const before = event.previousConfidence;
  if (!before || before === event.confidence) return now;
  const was = confidenceWords(before, locale).label;
  return language === 'ko' ? `${now} (이전: ${was})` : `${now} (was ${was.toLowerCase()})`;
}

function quoteLine(evidence: Evidence | undefined): string | undefined {
  const sentence = safeInline(evidence?.sentence, MAX_QUOTE_CHARS);
  return sentence ? `> ${sentence}` : undefined;
}

function sourceKey(evidence: Evidence): string {
  return safeUrl(evidence.itemUrl) ?? evidence.itemUrl;
}

/** Every source once, in order: the event's own first, then later reports. */
export function mergeSources(...lists: (Evidence[] | undefined)[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const list of lists) {
    for (const evidence of list ?? []) {
      const key = sourceKey(evidence);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(evidence);
    }
  }
  return out;
}

function outletName(evidence: Evidence): string {
  return safeInline(evidence.outlet, MAX_OUTLET_CHARS) || safeInline(hostOf(evidence.itemUrl), MAX_OUTLET_CHARS) || '';
}

/** `[Outlet](url)`; plain text when the URL is not one we are willing to link. */
export function sourceLink(evidence: Evidence, language: Language = 'en'): string {
  const name = outletName(evidence) || (language === 'ko' ? '출처' : 'source');
  const url = safeUrl(evidence.itemUrl);
  return url ? `[${name}](${url})` : name;
}

/**
 * "Sources: [Soompi](…) · [Variety](…) · +2 more": one link per outlet, the event's own first.
 * A corroboration edit changes this line and nothing else.
 */
function sourcesLine(sources: Evidence[], language: Language): string | undefined {
  const byOutlet = new Map<string, Evidence>();
  for (const evidence of sources) {
    const key = (outletName(evidence) || sourceKey(evidence)).toLowerCase();
    if (!byOutlet.has(key)) byOutlet.set(key, evidence);
  }
  if (byOutlet.size === 0) return undefined;
  const links = [...byOutlet.values()].slice(0, MAX_SOURCES_SHOWN).map((e) => sourceLink(e, language));
  const rest = byOutlet.size - links.length;
  if (rest > 0) links.push(language === 'ko' ? `외 ${rest}곳` : `+${rest} more`);
  const label = language === 'ko' ? '출처' : byOutlet.size > 1 ? 'Sources' : 'Source';
  return `${label}: ${links.join(' · ')}`;
}

function embedLength(embed: AlertEmbed): number {
  return (
    embed.title.length +
    embed.description.length +
    embed.footer.text.length +
    embed.fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/**
 * Keeps an embed within Discord's 6000-character total: the description gives way first, then
 * field values from the last, each cut with an ellipsis.
 */
export function fitEmbed(embed: AlertEmbed): AlertEmbed {
  const out: AlertEmbed = { ...embed, fields: embed.fields.slice(0, DISCORD_LIMITS.fields).map((f) => ({ ...f })) };
  let excess = embedLength(out) - DISCORD_LIMITS.embedTotal;
  if (excess <= 0) return out;
  const keep = Math.max(ELLIPSIS.length, out.description.length - excess);
  excess -= out.description.length - keep;
  out.description = truncate(out.description, keep);
  for (let i = out.fields.length - 1; i >= 0 && excess > 0; i -= 1) {
    const field = out.fields[i];
    if (!field) continue;
    const target = Math.max(ELLIPSIS.length, field.value.length - excess);
    excess -= field.value.length - target;
    field.value = truncate(field.value, target);
  }
  if (excess > 0) out.footer = { text: truncate(out.footer.text, Math.max(0, out.footer.text.length - excess)) };
  return out;
}

function mentions(pingRoleId: string | undefined): { content: string; allowed: AlertAllowedMentions } {
  if (pingRoleId && SNOWFLAKE.test(pingRoleId)) return { content: `<@&${pingRoleId}>`, allowed: { parse: [], roles: [pingRoleId] } };
  return { content: '', allowed: { parse: [] } };
}

function isoOrEpoch(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

function alertEmbed(event: FactEvent, ctx: AlertContext, language: Language): AlertEmbed {
  const also = mergeSources(ctx.alsoReportedBy).filter((e) => !event.sources.some((s) => sourceKey(s) === sourceKey(e)));
  const description = [
    changeLine(event, language, ctx),
    confidenceLine(event, language),
    quoteLine(event.sources[0]),
    sourcesLine(mergeSources(event.sources, also), language),
  ]
    .filter((line): line is string => Boolean(line))
    .join('\n');
  const url = safeUrl(event.sources[0]?.itemUrl);
  return fitEmbed({
    title: alertTitle(event, language, {
      title: ctx.showTitle,
      ...(ctx.season !== undefined ? { season: ctx.season } : {}),
      ...(ctx.earlierCast ? { earlierCast: ctx.earlierCast } : {}),
    }),
    description: truncate(description, DISCORD_LIMITS.description),
    ...(url ? { url } : {}),
    color: confidenceWords(event.confidence).color,
    fields: [],
    footer: { text: truncate(safeInline(ctx.showTitle, 100), DISCORD_LIMITS.footer) },
    timestamp: isoOrEpoch(event.at),
  });
}

/**
 * The alert in the context's language (English unless the locale is Korean), with the same alert
 * in every language under `languages`. Only the chosen role is pinged, and only from content.
 */
export function formatAlert(event: FactEvent, ctx: AlertContext): AlertMessage {
  const { content, allowed } = mentions(ctx.pingRoleId);
  const languages = Object.fromEntries(
    LANGUAGES.map((language) => [language, { content, embeds: [alertEmbed(event, ctx, language)] }]),
  ) as Record<Language, AlertText>;
  const main = languages[languageOf(ctx.locale ?? DEFAULT_LOCALE)];
  return { content: main.content, embeds: main.embeds, allowed_mentions: allowed, languages };
}

/** The message in one language: what a server that reads `language` is sent. */
export function inLanguage(message: AlertMessage, language: Language): AlertMessage {
  const chosen = message.languages?.[language];
  return {
    content: chosen?.content ?? message.content,
    embeds: chosen?.embeds ?? message.embeds,
    allowed_mentions: message.allowed_mentions,
  };
}

const SAMPLE_EVENT: FactEvent = {
  type: 'fact-change',
  reason: 'changed',
  kind: 'release',
  subject: null,
  value: '2027-H1',
  previous: '2026-12',
  confidence: 'reported',
  previousConfidence: 'reported',
  sources: [{ itemUrl: '', outlet: 'Sample outlet', sentence: 'This is a sample alert: the sentence from the article appears here.' }],
  at: '2026-01-01T00:00:00.000Z',
};

const PREVIEW_WORDS = {
  en: {
    intro: 'Preview of a Hyosan alert:',
    title: 'Alert settings',
    about: 'Alerts are posted once per change; later reports of the same fact edit the original alert.',
    status: 'Status',
    stopped: '⛔ Stopped',
    paused: '⏸️ Paused',
    active: '▶️ Active',
    notSetUp: '⏹️ Not set up',
    channel: 'Channel',
    noChannel: 'not set — choose one with /alerts channel',
    role: 'Role pinged',
    noRole: 'no role is pinged',
    kinds: 'Kinds',
    none: 'none',
    confidence: 'Minimum confidence',
    language: 'Language',
    footer: 'Preview only: this message pings nobody.',
  },
  ko: {
    intro: 'Hyosan 알림 미리 보기:',
    title: '알림 설정',
    about: '사실이 바뀔 때마다 한 번 알립니다. 같은 사실을 다른 곳이 보도하면 원래 알림에 출처를 더합니다.',
    status: '상태',
    stopped: '⛔ 중지됨',
    paused: '⏸️ 일시 중지',
    active: '▶️ 사용 중',
    notSetUp: '⏹️ 설정 전',
    channel: '채널',
    noChannel: '아직 없음 — /알림 채널 로 고르세요',
    role: '멘션할 역할',
    noRole: '멘션 안 함',
    kinds: '종류',
    none: '없음',
    confidence: '최소 신뢰도',
    language: '언어',
    footer: '미리 보기: 이 메시지는 아무도 멘션하지 않습니다.',
  },
} as const;

/**
 * What an admin sees from /alerts preview: a sample alert exactly as it would be posted (in the
 * server's alert language), then the server's settings in the admin's own language. Nothing
 * pings, even though the role is named.
 */
export function formatPreview(
  settings: GuildSettings,
  options: { showTitle: string; season?: number; locale?: string; alertLanguage?: Language },
): AlertMessage {
  const language = languageOf(options.locale);
  const locale = DATE_LOCALE[language];
  const words = PREVIEW_WORDS[language];
  const alertLanguage = options.alertLanguage ?? language;
  const sample = inLanguage(formatAlert(SAMPLE_EVENT, {
    showTitle: options.showTitle,
    ...(options.season !== undefined ? { season: options.season } : {}),
    locale: DATE_LOCALE[alertLanguage],
  }), alertLanguage);
  const channel = settings.alertChannelId && SNOWFLAKE.test(settings.alertChannelId) ? `<#${settings.alertChannelId}>` : words.noChannel;
  const role = settings.pingRoleId && SNOWFLAKE.test(settings.pingRoleId) ? `<@&${settings.pingRoleId}>` : words.noRole;
  const status = settings.disabledReason
    ? `${words.stopped}: ${truncate(reasonIn(settings.disabledReason, language), 900)}`
    : settings.paused
      ? words.paused
      : settings.alertChannelId
        ? words.active
        : words.notSetUp;
  const kinds = settings.kinds.length > 0 ? settings.kinds.map((k) => (k === 'release' ? (language === 'ko' ? '공개일' : 'Release') : describeKind(k, '', locale))).join(', ') : words.none;
  const settingsEmbed: AlertEmbed = {
    title: words.title,
    description: words.about,
    color: 0x5865f2,
    fields: [
      { name: words.status, value: status },
      { name: words.channel, value: channel, inline: true },
      { name: words.role, value: role, inline: true },
      { name: words.kinds, value: truncate(kinds, DISCORD_LIMITS.fieldValue) },
      { name: words.confidence, value: describeConfidence(settings.minConfidence, locale), inline: true },
      { name: words.language, value: languageName(alertLanguage, language), inline: true },
    ],
    footer: { text: words.footer },
    timestamp: isoOrEpoch(settings.updatedAt),
  };
  const firstEmbed = sample.embeds[0];
  return {
    content: words.intro,
    embeds: firstEmbed ? [firstEmbed, settingsEmbed] : [settingsEmbed],
    allowed_mentions: { parse: [] },
  };
}
