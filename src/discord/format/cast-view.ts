/**
 * What /cast shows: who returns, who is new, who left, each with character, confidence and
 * sources; or everything known about one person.
 */
import type { APIEmbed } from 'discord.js';
import { describeValue } from '../../alerts/describe-value.ts';
import type { Fact } from '../../facts/types.ts';
import type { ShowInfo } from '../../services/types.ts';
import { confidenceBadge, confidenceColor } from './confidence.ts';
import { sourceLinks } from './sources.ts';
import { DISCORD_LIMITS, fitLines, safeInline } from './text.ts';
import { lastCheckedLine } from './timestamps.ts';

const GROUPS = [
  { value: 'returning', heading: 'Returning' },
  { value: 'new', heading: 'New' },
  { value: 'exited', heading: 'Departed' },
] as const;

const NAME_MAX = 80;

function castLine(fact: Fact): string {
  const name = safeInline(fact.subject ?? 'unknown', NAME_MAX);
  const character = fact.character ? ` as ${safeInline(fact.character, NAME_MAX)}` : '';
  return `**${name}**${character} — ${confidenceBadge(fact.confidence)} · ${sourceLinks(fact.sources, 2)}`;
}

export function castView(show: ShowInfo, facts: Fact[], lastCheckedAt: string | undefined): { embeds: APIEmbed[] } {
  const cast = facts.filter((f) => f.kind === 'cast');
  const fields = GROUPS.flatMap((group) => {
    const members = cast.filter((f) => f.value === group.value).sort((a, b) => (a.subject ?? '').localeCompare(b.subject ?? ''));
    if (members.length === 0) return [];
    return [{ name: `${group.heading} (${members.length})`, value: fitLines(members.map(castLine), DISCORD_LIMITS.fieldValue) }];
  });
  const description = cast.length === 0
    ? `No cast news for season ${show.season} yet.\n\n${lastCheckedLine(lastCheckedAt)}`
    : `Season ${show.season} cast as reported so far. ${lastCheckedLine(lastCheckedAt)}`;
  return { embeds: [{ title: `${show.title} — cast`, description, fields, color: 0x3498db }] };
}

export function personView(show: ShowInfo, canonical: string, facts: Fact[]): { embeds: APIEmbed[] } {
  const own = facts.filter((f) => f.subject === canonical);
  const name = safeInline(canonical, NAME_MAX);
  if (own.length === 0) {
    return { embeds: [{ title: name, description: `Nothing reported yet about ${name} in ${show.title} season ${show.season}.`, color: 0x95a5a6 }] };
  }
  const lines = own.flatMap((fact) => {
    const what = fact.kind === 'cast' ? describeValue('cast', fact.value) : `${fact.kind}: ${safeInline(fact.value, NAME_MAX)}`;
    const character = fact.character ? ` as **${safeInline(fact.character, NAME_MAX)}**` : '';
    const out = [`**${what}**${character} — ${confidenceBadge(fact.confidence)}`, `Sources: ${sourceLinks(fact.sources)}`];
    for (const c of fact.conflicts) {
      out.push(`Other outlets say ${describeValue(fact.kind, c.value)} (${confidenceBadge(c.confidence)}): ${sourceLinks(c.sources, 2)}`);
    }
    return out;
  });
  const strongest = own[0];
  return {
    embeds: [{
      title: `${name} — ${show.title}`,
      description: fitLines(lines, DISCORD_LIMITS.description),
      color: strongest ? confidenceColor(strongest.confidence) : 0x95a5a6,
    }],
  };
}
