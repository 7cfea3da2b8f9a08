/**
 * What /status shows: the production timeline as steps (renewed → filming → wrapped →
 * post-production → release), each with the date it happened and a source, and a bar.
 */
import type { APIEmbed } from 'discord.js';
import { describeRelease, releaseDayUnix } from '../../alerts/describe-value.ts';
import type { Evidence, Fact, FactEvent } from '../../facts/types.ts';
import type { ShowInfo } from '../../services/types.ts';
import { confidenceBadge } from './confidence.ts';
import { progressBar } from './progress.ts';
import { say, type Words } from './say.ts';
import { sourceLinks } from './sources.ts';
import { DISCORD_LIMITS, fitLines, moreLine } from './text.ts';
import { discordTimestamp, lastCheckedLine, timestampOf } from './timestamps.ts';

export const TIMELINE: readonly { step: string; label: Words }[] = [
  { step: 'renewed', label: { en: 'Renewed', ko: '제작 확정' } },
  { step: 'filming', label: { en: 'Filming', ko: '촬영' } },
  { step: 'wrapped', label: { en: 'Filming wrapped', ko: '촬영 종료' } },
  { step: 'post-production', label: { en: 'Post-production', ko: '후반 작업' } },
  { step: 'release', label: { en: 'Released', ko: '공개' } },
];

/** How far a production stage has come, counted in timeline steps. */
const STAGE_DEPTH: Record<string, number> = {
  announced: 1, 'pre-production': 1, filming: 2, wrapped: 3, 'post-production': 4, released: 5,
};

export interface StatusViewInput {
  show: ShowInfo;
  renewal: Fact | undefined;
  production: Fact | undefined;
  release: Fact | undefined;
  /** Production and renewal history, so past steps keep their dates after the fact moved on. */
  history: FactEvent[];
  lastCheckedAt: string | undefined;
  now?: Date;
  /** The reader's Discord locale; Korean for "ko", English otherwise. */
  locale?: string;
}

interface StepInfo { date?: string; sources: Evidence[]; confidence?: Fact['confidence'] }

function stepFromHistory(history: FactEvent[], kind: 'renewal' | 'production', value: string): StepInfo | undefined {
  // History is newest first; the oldest change to a value is when it happened.
  const events = history.filter((e) => e.kind === kind && e.value === value && e.type === 'fact-change');
  const first = events[events.length - 1];
  if (!first) return undefined;
  return { date: first.date ?? first.sources[0]?.published ?? first.at, sources: first.sources, confidence: first.confidence };
}

function stepFromFact(fact: Fact): StepInfo {
  return { date: fact.date ?? fact.sources[0]?.published ?? fact.asOf, sources: fact.sources, confidence: fact.confidence };
}

/** How many steps are done, 0–5. */
export function stepsDone(input: Pick<StatusViewInput, 'renewal' | 'production' | 'release' | 'now'>): number {
  let done = input.renewal?.value === 'renewed' ? 1 : 0;
  if (input.production) done = Math.max(done, STAGE_DEPTH[input.production.value] ?? 0);
  const unix = input.release ? releaseDayUnix(input.release.value) : undefined;
  const now = (input.now ?? new Date()).getTime() / 1000;
  if (input.release?.confidence === 'official' && unix !== undefined && unix <= now) done = TIMELINE.length;
  return done;
}

/**
 * A step's date at the precision its source gave: a day as a Discord date, "June 2022" for a
 * month (never a made-up first of the month), a quarter, half or year in words.
 */
function dateText(date: string | undefined, locale: string | undefined): string {
  if (!date) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const unix = releaseDayUnix(date);
    return unix === undefined ? '' : ` — ${discordTimestamp(unix, 'D')}`;
  }
  if (/^\d{4}(?:-(?:\d{2}|Q[1-4]|H[12]))?$/.test(date)) return ` — ${describeRelease(date, locale)}`;
  const stamp = timestampOf(date, 'D');
  return stamp ? ` — ${stamp}` : '';
}

export function statusView(input: StatusViewInput): { embeds: APIEmbed[] } {
  const { show, renewal, production, release, history, locale } = input;
  const showName = say(locale, { en: `${show.title} — season ${show.season}`, ko: `${show.koreanTitle ?? show.title} 시즌 ${show.season}` });
  if (renewal?.value === 'cancelled') {
    const sources = `${say(locale, { en: 'Sources', ko: '출처' })}: ${sourceLinks(renewal.sources, 3, locale)}`;
    return { embeds: [{
      title: showName,
      description: `**${say(locale, { en: 'Cancelled', ko: '제작 취소' })}** — ${confidenceBadge(renewal.confidence, locale)}\n${sources}\n\n${lastCheckedLine(input.lastCheckedAt, locale)}`,
      color: 0xe74c3c,
    }] };
  }
  const done = stepsDone(input);
  const lines = [`${progressBar(done, TIMELINE.length)} ${done}/${TIMELINE.length}`, ''];
  TIMELINE.forEach((entry, index) => {
    const reached = index < done;
    let info: StepInfo | undefined;
    if (entry.step === 'renewed') info = renewal?.value === 'renewed' ? stepFromFact(renewal) : stepFromHistory(history, 'renewal', 'renewed');
    else if (entry.step === 'release') info = release && reached ? stepFromFact(release) : undefined;
    else if (production?.value === entry.step) info = stepFromFact(production);
    else info = stepFromHistory(history, 'production', entry.step);
    const mark = reached ? '✅' : index === done ? '⏳' : '▫️';
    let line = `${mark} **${say(locale, entry.label)}**`;
    if (reached && info) {
      line += `${dateText(info.date, locale)}${info.confidence ? ` · ${confidenceBadge(info.confidence, locale)}` : ''} · ${sourceLinks(info.sources, 2, locale)}`;
    } else if (entry.step === 'release' && release) {
      const expected = `${describeRelease(release.value, locale)} (${confidenceBadge(release.confidence, locale)})`;
      line += say(locale, { en: ` — expected ${expected}`, ko: ` — ${expected} 예정` });
    }
    lines.push(line);
  });
  lines.push('', lastCheckedLine(input.lastCheckedAt, locale));
  return {
    embeds: [{
      title: say(locale, { en: `${showName} production`, ko: `${showName} 제작 현황` }),
      description: fitLines(lines, DISCORD_LIMITS.description, moreLine(locale)),
      color: 0x9b59b6,
    }],
  };
}
