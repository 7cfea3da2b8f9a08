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
import { sourceLinks } from './sources.ts';
import { DISCORD_LIMITS, fitLines } from './text.ts';
import { discordTimestamp, lastCheckedLine, timestampOf } from './timestamps.ts';

export const TIMELINE = [
  { step: 'renewed', label: 'Renewed' },
  { step: 'filming', label: 'Filming' },
  { step: 'wrapped', label: 'Filming wrapped' },
  { step: 'post-production', label: 'Post-production' },
  { step: 'release', label: 'Released' },
] as const;

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

function dateText(date: string | undefined): string {
  if (!date) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const unix = releaseDayUnix(date);
    return unix === undefined ? '' : ` — ${discordTimestamp(unix, 'D')}`;
  }
  const stamp = timestampOf(date, 'D');
  return stamp ? ` — ${stamp}` : '';
}

export function statusView(input: StatusViewInput): { embeds: APIEmbed[] } {
  const { show, renewal, production, release, history } = input;
  if (renewal?.value === 'cancelled') {
    return { embeds: [{
      title: `${show.title} — season ${show.season}`,
      description: `**Cancelled** — ${confidenceBadge(renewal.confidence)}\nSources: ${sourceLinks(renewal.sources)}\n\n${lastCheckedLine(input.lastCheckedAt)}`,
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
    let line = `${mark} **${entry.label}**`;
    if (reached && info) {
      line += `${dateText(info.date)}${info.confidence ? ` · ${confidenceBadge(info.confidence)}` : ''} · ${sourceLinks(info.sources, 2)}`;
    } else if (entry.step === 'release' && release) {
      line += ` — expected ${describeRelease(release.value)} (${confidenceBadge(release.confidence)})`;
    }
    lines.push(line);
  });
  lines.push('', lastCheckedLine(input.lastCheckedAt));
  return { embeds: [{ title: `${show.title} — season ${show.season} production`, description: fitLines(lines, DISCORD_LIMITS.description), color: 0x9b59b6 }] };
}
