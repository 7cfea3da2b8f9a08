/**
 * What /cast shows: who returns, who is new, who left, who is not joining, each with character,
 * confidence and sources; or everything known about one person. In the reader's language.
 */
import type { APIEmbed } from 'discord.js';
import { describeCastStatus, describeKind, describeValue } from '../../alerts/describe-value.ts';
import type { Fact } from '../../facts/types.ts';
import type { ShowInfo } from '../../services/types.ts';
import { confidenceBadge, confidenceColor } from './confidence.ts';
import { say, type Words } from './say.ts';
import { sourceLinks } from './sources.ts';
import { DISCORD_LIMITS, fitLines, moreLine, safeInline } from './text.ts';
import { lastCheckedLine } from './timestamps.ts';
import { compareText } from '../../shared/text-order.ts';

/**
 * The fact model marks both a departure and a role turned down as `exited`; who was in an
 * earlier season tells them apart, so an actress who declined is never listed as departed.
 */
type Group = 'returning' | 'new' | 'departed' | 'not-joining';

const GROUPS: readonly { group: Group; heading: Words }[] = [
  { group: 'returning', heading: { en: 'Returning', ko: '복귀' } },
  { group: 'new', heading: { en: 'New', ko: '새 출연' } },
  { group: 'departed', heading: { en: 'Departed', ko: '하차' } },
  { group: 'not-joining', heading: { en: 'Not joining', ko: '불참' } },
];

function departed(fact: Fact, show: ShowInfo): boolean {
  // Without the list of earlier casts, an exit can only be read as a departure.
  return !show.earlierCast || (fact.subject !== null && show.earlierCast.includes(fact.subject));
}

function groupOf(fact: Fact, show: ShowInfo): Group | undefined {
  if (fact.value === 'returning' || fact.value === 'new') return fact.value;
  if (fact.value === 'exited') return departed(fact, show) ? 'departed' : 'not-joining';
  return undefined;
}

const NAME_MAX = 80;

function as(character: string | undefined, locale: string | undefined, bold = false): string {
  if (!character) return '';
  const name = safeInline(character, NAME_MAX);
  const shown = bold ? `**${name}**` : name;
  return say(locale, { en: ` as ${shown}`, ko: ` (${shown} 역)` });
}

function castLine(fact: Fact, locale: string | undefined): string {
  const name = safeInline(fact.subject ?? '?', NAME_MAX);
  return `**${name}**${as(fact.character, locale)} — ${confidenceBadge(fact.confidence, locale)} · ${sourceLinks(fact.sources, 2, locale)}`;
}

function showName(show: ShowInfo, locale: string | undefined): string {
  return say(locale, { en: show.title, ko: show.koreanTitle ?? show.title });
}

export function castView(show: ShowInfo, facts: Fact[], lastCheckedAt: string | undefined, locale?: string): { embeds: APIEmbed[] } {
  const cast = facts.filter((f) => f.kind === 'cast');
  const fields = GROUPS.flatMap((group) => {
    const members = cast.filter((f) => groupOf(f, show) === group.group).sort((a, b) => compareText(a.subject ?? '', b.subject ?? ''));
    if (members.length === 0) return [];
    return [{ name: `${say(locale, group.heading)} (${members.length})`, value: fitLines(members.map((m) => castLine(m, locale)), DISCORD_LIMITS.fieldValue, moreLine(locale)) }];
  });
  const checked = lastCheckedLine(lastCheckedAt, locale);
  const description = cast.length === 0
    ? say(locale, { en: `No cast news for season ${show.season} yet.\n\n${checked}`, ko: `시즌 ${show.season} 출연진 소식이 아직 없습니다.\n\n${checked}` })
    : say(locale, { en: `Season ${show.season} cast as reported so far. ${checked}`, ko: `지금까지 보도된 시즌 ${show.season} 출연진. ${checked}` });
  return { embeds: [{ title: say(locale, { en: `${show.title} — cast`, ko: `${showName(show, locale)} 출연진` }), description, fields, color: 0x3498db }] };
}

export function personView(show: ShowInfo, canonical: string, facts: Fact[], locale?: string): { embeds: APIEmbed[] } {
  const own = facts.filter((f) => f.subject === canonical);
  const name = safeInline(canonical, NAME_MAX);
  if (own.length === 0) {
    return {
      embeds: [{
        title: name,
        description: say(locale, {
          en: `Nothing reported yet about ${name} in ${show.title} season ${show.season}.`,
          ko: `${showName(show, locale)} 시즌 ${show.season}에서 ${name}에 관한 보도가 아직 없습니다.`,
        }),
        color: 0x95a5a6,
      }],
    };
  }
  const sourcesWord = say(locale, { en: 'Sources', ko: '출처' });
  const lines = own.flatMap((fact) => {
    const what = fact.kind === 'cast' ? describeCastStatus(fact.value, locale, departed(fact, show)) : `${describeKind(fact.kind, fact.value, locale)}: ${safeInline(describeValue(fact.kind, fact.value, locale), NAME_MAX)}`;
    const out = [`**${what}**${as(fact.character, locale, true)} — ${confidenceBadge(fact.confidence, locale)}`, `${sourcesWord}: ${sourceLinks(fact.sources, 3, locale)}`];
    for (const c of fact.conflicts) {
      const other = `${describeValue(fact.kind, c.value, locale)} (${confidenceBadge(c.confidence, locale)}): ${sourceLinks(c.sources, 2, locale)}`;
      out.push(say(locale, { en: `Other outlets say ${other}`, ko: `다른 보도: ${other}` }));
    }
    return out;
  });
  const strongest = own[0];
  return {
    embeds: [{
      title: `${name} — ${showName(show, locale)}`,
      description: fitLines(lines, DISCORD_LIMITS.description, moreLine(locale)),
      color: strongest ? confidenceColor(strongest.confidence) : 0x95a5a6,
    }],
  };
}
