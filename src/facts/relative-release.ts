/**
 * "a Seoul premiere event on January 27, two days before the episodes go live", "the trailer
 * lands March 3, a week ahead of the premiere": a day given for something else, with the
 * season's release placed relative to it. The release day is that day moved by the distance.
 */
import { findDates, type ArticleClock } from './dates.ts';

const COUNT: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fourteen: 14 };
const UNIT_DAYS: Record<string, number> = { day: 1, days: 1, week: 7, weeks: 7 };

// The relation and the season's own release event: "two days before the episodes go live",
// "a week ahead of the premiere", "three days after the season drops"; a short place or occasion
// may stand between the day and the relation ("on Jan. 15 at a fan screening in Seoul, two weeks
// before …").
const RELATION = /^(?:\s+(?:at|in|during|with)\s+[^,.;]{1,50}?)?\s*,?\s*(?:just\s+|only\s+|exactly\s+)?(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen)\s+(days?|weeks?)\s+(before|ahead\s+of|prior\s+to|after)\s+(?:the\s+|its\s+)?(?:(?:season|series|show|drama|episodes?|new\s+season|second\s+season)\s+(?:go(?:es)?\s+live|premieres?|launch(?:es)?|drops?|arrives?|debuts?|lands?|hits?\s+\w+|(?:is|are)\s+released|streams?)|(?:global\s+|worldwide\s+)?(?:premiere|launch|release|debut)(?!\s+(?:event|party|screening|showcase|conference))|it\s+(?:goes\s+live|premieres|launches|drops|arrives|debuts|lands))\b/i;

export interface RelativeRelease {
  value: string;
  /** Where the anchoring day is written. */
  start: number;
}

/** Cheap first look: most sentences place nothing relative to anything. */
const ANY_RELATION = /\b(?:days?|weeks?)\s+(?:before|ahead\s+of|prior\s+to|after)\b/i;

export function releaseRelativeToDay(text: string, clock: ArticleClock): RelativeRelease[] {
  const out: RelativeRelease[] = [];
  if (!ANY_RELATION.test(text)) return out;
  for (const d of findDates(text, clock, 'future')) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.value)) continue;
    const m = RELATION.exec(text.slice(d.end));
    if (!m) continue;
    const count = /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : COUNT[(m[1] ?? '').toLowerCase()];
    const unit = UNIT_DAYS[(m[2] ?? '').toLowerCase()];
    if (!count || !unit) continue;
    const sign = /^after$/i.test(m[3] ?? '') ? -1 : 1;
    const [y, mo, da] = d.value.split('-').map(Number) as [number, number, number];
    const day = new Date(Date.UTC(y, mo - 1, da + sign * count * unit));
    out.push({ value: day.toISOString().slice(0, 10), start: d.start });
  }
  return out;
}
