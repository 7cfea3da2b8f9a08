/**
 * How /history lists what changed: newest first by the date the news broke, with the confidence
 * and the source that caused it, and how many older entries were left out.
 */
import type { APIEmbed } from 'discord.js';
import { isDeparture } from '../../alerts/alert-title.ts';
import { describeCastStatus, describeKind, describeValue } from '../../alerts/describe-value.ts';
import type { FactEvent, FactKind } from '../../facts/types.ts';
import type { ShowInfo } from '../../services/types.ts';
import { confidenceBadge } from './confidence.ts';
import { say, type Words } from './say.ts';
import { sourceLink } from './sources.ts';
import { DISCORD_LIMITS, fitLines, moreLine, safeInline } from './text.ts';
import { timestampOf } from './timestamps.ts';

const TYPE_WORDS: Record<FactEvent['type'], Words> = {
  'fact-change': { en: 'changed', ko: '바뀜' },
  corroboration: { en: 'confirmed again', ko: '다시 확인됨' },
  conflict: { en: 'disputed', ko: '엇갈림' },
  ignored: { en: 'ignored', ko: '무시됨' },
};

/** What happened, in words: a first report reads differently from a change or an upgrade. */
function verb(event: FactEvent, locale: string | undefined): string {
  if (event.type !== 'fact-change') return say(locale, TYPE_WORDS[event.type]);
  if (event.silent) return say(locale, { en: 'known', ko: '알려짐' });
  if (event.reason === 'new') return say(locale, { en: 'first reported', ko: '첫 보도' });
  if (event.reason === 'upgraded') return say(locale, { en: 'confirmed more surely', ko: '더 확실해짐' });
  if (event.reason === 'refined') return say(locale, { en: 'narrowed down', ko: '구체화됨' });
  return say(locale, TYPE_WORDS[event.type]);
}

/**
 * When the news broke: the article's date. Processing time only says when we read it (for the
 * shipped starting facts, whenever the bot first started).
 */
export function newsDate(event: FactEvent): string {
  return event.sources[0]?.published ?? event.at;
}

export function historyLine(event: FactEvent, locale?: string, earlierCast?: readonly string[]): string {
  const when = timestampOf(newsDate(event), 'd') ?? event.at;
  const subject = event.subject ? ` — ${safeInline(event.subject, 60)}` : '';
  // Someone who never was in the show is "not joining", not "leaving the cast".
  const value = event.kind === 'cast'
    ? describeCastStatus(event.value, locale, isDeparture(event, earlierCast ? new Set(earlierCast) : undefined))
    : describeValue(event.kind, event.value, locale);
  const change = event.previous && event.previous !== event.value
    ? `${describeValue(event.kind, event.previous, locale)} → **${value}**`
    : `**${value}**`;
  // The line starts with the article's date; the source is named once, without it again.
  const source = event.sources[0] ? ` · ${sourceLink(event.sources[0], locale, { date: false })}` : '';
  return `${when} · ${describeKind(event.kind, event.value, locale)}${subject} ${verb(event, locale)}: ${change} (${confidenceBadge(event.confidence, locale)})${source}`;
}

/** Newest first by news date; ties keep the store's order. */
export function sortNewestFirst(events: readonly FactEvent[]): FactEvent[] {
  return events
    .map((event, index) => ({ event, index, at: Date.parse(newsDate(event)) || 0 }))
    .sort((a, b) => b.at - a.at || a.index - b.index)
    .map((e) => e.event);
}

export interface HistoryViewInput {
  show: ShowInfo;
  kind: FactKind | undefined;
  /** Every event on record (of the kind), in any order. */
  events: readonly FactEvent[];
  /** Entries shown at most; the rest are counted. */
  limit: number;
  locale?: string;
}

export function historyView(input: HistoryViewInput): { embeds: APIEmbed[] } {
  const { show, kind, locale } = input;
  const shown = sortNewestFirst(input.events.filter((e) => e.type !== 'ignored'));
  const lines = shown.slice(0, input.limit).map((e) => historyLine(e, locale, show.earlierCast));
  const left = shown.length - lines.length;
  if (left > 0) lines.push(moreLine(locale)(left));
  const kindName = kind ? ` (${kind === 'release' ? say(locale, { en: 'release', ko: '공개일' }) : describeKind(kind, '', locale)})` : '';
  return {
    embeds: [{
      title: say(locale, { en: `${show.title} — history${kindName}`, ko: `${show.koreanTitle ?? show.title} 기록${kindName}` }),
      description: shown.length
        ? fitLines(lines, DISCORD_LIMITS.description, moreLine(locale))
        : say(locale, { en: 'Nothing has changed yet.', ko: '아직 바뀐 것이 없습니다.' }),
      color: 0x95a5a6,
    }],
  };
}
