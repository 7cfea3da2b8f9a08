/**
 * What /release shows: the best-known date or window, how sure it is, who said it, what other
 * outlets say, and when the bot last looked. Pure, so the wording is tested without Discord.
 */
import type { APIEmbed } from 'discord.js';
import { describeRelease, releaseDayUnix } from '../../alerts/describe-value.ts';
import type { Fact } from '../../facts/types.ts';
import type { ShowInfo } from '../../services/types.ts';
import type { ProcessedItem } from '../../store/types.ts';
import { confidenceBadge, confidenceColor, confidenceExplained } from './confidence.ts';
import { newsLine } from './news-view.ts';
import { sourceLinks } from './sources.ts';
import { DISCORD_LIMITS, fitLines } from './text.ts';
import { discordTimestamp, lastCheckedLine } from './timestamps.ts';

export interface ReleaseViewInput {
  show: ShowInfo;
  /** Current release facts (normally one). */
  facts: Fact[];
  /** Latest relevant articles, shown when nothing is official. */
  news: ProcessedItem[];
  lastCheckedAt: string | undefined;
}

const NEUTRAL = 0x95a5a6;

export function releaseView(input: ReleaseViewInput): { embeds: APIEmbed[] } {
  const { show, facts, news } = input;
  const title = `${show.title} — season ${show.season} release`;
  const best = [...facts].sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
  const lines: string[] = [];

  if (!best) {
    lines.push('Nothing official yet: no release date or window has been announced or reported.');
  } else {
    const when = describeRelease(best.value);
    const unix = releaseDayUnix(best.value);
    lines.push(unix === undefined
      ? `**${when}** (a window, no exact day yet)`
      : `**${when}** — ${discordTimestamp(unix, 'D')} (${discordTimestamp(unix, 'R')})`);
    lines.push(confidenceExplained(best.confidence));
    lines.push(`Sources: ${sourceLinks(best.sources)}`);
    for (const conflict of best.conflicts) {
      lines.push(`Other outlets say **${describeRelease(conflict.value)}** (${confidenceBadge(conflict.confidence)}): ${sourceLinks(conflict.sources, 2)}`);
    }
    if (best.confidence !== 'official') {
      lines.push('', 'Nothing official yet: Netflix has not confirmed this.');
    }
  }

  if (!best || best.confidence !== 'official') {
    if (news.length > 0) {
      lines.push('', '**Latest reports**', ...news.slice(0, 3).map(newsLine));
    } else {
      lines.push('', 'No recent articles about the release.');
    }
  }
  lines.push('', lastCheckedLine(input.lastCheckedAt));

  return {
    embeds: [{
      title,
      description: fitLines(lines, DISCORD_LIMITS.description),
      color: best ? confidenceColor(best.confidence) : NEUTRAL,
    }],
  };
}
