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
import { say } from './say.ts';
import { sourceLinks } from './sources.ts';
import { DISCORD_LIMITS, fitLines, moreLine } from './text.ts';
import { discordTimestamp, lastCheckedLine } from './timestamps.ts';
import { compareText } from '../../shared/text-order.ts';

export interface ReleaseViewInput {
  show: ShowInfo;
  /** Current release facts (normally one). */
  facts: Fact[];
  /** Latest relevant articles, shown when nothing is official. */
  news: ProcessedItem[];
  lastCheckedAt: string | undefined;
  /** The reader's Discord locale; Korean for "ko", English otherwise. */
  locale?: string;
}

const NEUTRAL = 0x95a5a6;

export function releaseView(input: ReleaseViewInput): { embeds: APIEmbed[] } {
  const { show, facts, news, locale } = input;
  const title = say(locale, { en: `${show.title} — season ${show.season} release`, ko: `${show.koreanTitle ?? show.title} 시즌 ${show.season} 공개일` });
  const best = [...facts].sort((a, b) => compareText(b.asOf, a.asOf))[0];
  const lines: string[] = [];

  if (!best) {
    lines.push(say(locale, {
      en: 'Nothing official yet: no release date or window has been announced or reported.',
      ko: '아직 공식 발표 없음: 공개일이나 시기가 발표되거나 보도되지 않았습니다.',
    }));
  } else {
    const when = describeRelease(best.value, locale);
    const unix = releaseDayUnix(best.value);
    lines.push(unix === undefined
      ? say(locale, { en: `**${when}** (a window, no exact day yet)`, ko: `**${when}** (시기만 알려짐, 정확한 날짜는 아직)` })
      : `**${when}** — ${discordTimestamp(unix, 'D')} (${discordTimestamp(unix, 'R')})`);
    lines.push(confidenceExplained(best.confidence, locale));
    lines.push(`${say(locale, { en: 'Sources', ko: '출처' })}: ${sourceLinks(best.sources, 3, locale)}`);
    for (const conflict of best.conflicts) {
      const other = `**${describeRelease(conflict.value, locale)}** (${confidenceBadge(conflict.confidence, locale)}): ${sourceLinks(conflict.sources, 2, locale)}`;
      lines.push(say(locale, { en: `Other outlets say ${other}`, ko: `다른 보도: ${other}` }));
    }
    if (best.confidence !== 'official') {
      lines.push('', say(locale, { en: 'Nothing official yet: Netflix has not confirmed this.', ko: '아직 공식 발표 없음: 넷플릭스가 확인하지 않았습니다.' }));
    }
  }

  if (!best || best.confidence !== 'official') {
    if (news.length > 0) {
      lines.push('', say(locale, { en: '**Latest reports**', ko: '**최근 보도**' }), ...news.slice(0, 3).map((item) => newsLine(item, locale)));
    } else {
      lines.push('', say(locale, { en: 'No recent articles about the release.', ko: '공개일에 관한 최근 기사가 없습니다.' }));
    }
  }
  lines.push('', lastCheckedLine(input.lastCheckedAt, locale));

  return {
    embeds: [{
      title,
      description: fitLines(lines, DISCORD_LIMITS.description, moreLine(locale)),
      color: best ? confidenceColor(best.confidence) : NEUTRAL,
    }],
  };
}
