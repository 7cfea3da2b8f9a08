/**
 * Premiere times across time zones. Netflix releases a season worldwide at one moment, and
 * explainers give that moment in their readers' zones: "4 p.m. KST on April 9", "midnight PT on
 * April 9", "9 p.m. HST on Thursday, April 8". The release value is the premiere's calendar day in
 * Korea, the day Netflix and the Korean press give: a day written with a clock time and a zone is
 * converted to Korea time, and "midnight" (or "12 a.m.") is the start of the day named. So
 * "midnight PT on March 12" is 2027-03-12 and "midnight PT on March 11" is 5 p.m. on March 11 in
 * Korea: 2027-03-11.
 */
import type { DateMention } from './dates.ts';
import { matchAll } from './match-all.ts';

const KOREA_OFFSET_HOURS = 9;

/** Fixed offsets from UTC, in hours. */
const FIXED: Record<string, number> = {
  KST: 9, JST: 9, IST: 5.5, GMT: 0, UTC: 0, BST: 1, CET: 1, CEST: 2, PST: -8, PDT: -7, EST: -5, EDT: -4, CST: -6, CDT: -5, HST: -10,
};

/** US zones written without S/D ("PT", "ET") follow US daylight time. */
const US_STANDARD: Record<string, number> = { PT: -8, ET: -5, CT: -6 };

const CLOCK = /\b(?:(midnight|noon)|(\d{1,2})(?::(\d\d))?\s*([ap])\.?\s?m\.?)\s*\(?\s*(KST|JST|IST|GMT|UTC|BST|CEST|CET|PST|PDT|PT|EST|EDT|ET|CST|CDT|CT|HST)\b/g;

/** How far from the date a time may stand and still be that date's ("at 4 p.m. KST on April 9"). */
const NEAR = 45;

function nthSunday(year: number, month: number, n: number): number {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((7 - first) % 7) + (n - 1) * 7;
}

/** US daylight time: from the second Sunday of March to the first Sunday of November. */
function usDaylight(year: number, month: number, day: number): boolean {
  const md = month * 100 + day;
  return md >= 300 + nthSunday(year, 3, 2) && md < 1100 + nthSunday(year, 11, 1);
}

function offsetOf(zone: string, year: number, month: number, day: number): number {
  const us = US_STANDARD[zone];
  if (us !== undefined) return us + (usDaylight(year, month, day) ? 1 : 0);
  return FIXED[zone] ?? KOREA_OFFSET_HOURS;
}

/** Minutes after the start of the day a clock phrase names. */
function minutesOf(m: RegExpExecArray): number {
  if (m[1]) return m[1].toLowerCase() === 'noon' ? 12 * 60 : 0;
  const hour = Number(m[2]) % 12 + ((m[4] ?? '').toLowerCase() === 'p' ? 12 : 0);
  return hour * 60 + Number(m[3] ?? 0);
}

/**
 * The Korean calendar day of a day-precision release mention, when `text` gives a clock time and a
 * zone next to it; the mention's own value otherwise (and for months, quarters, years).
 */
export function inKoreanDay(mention: DateMention, text: string): string {
  const day = /^(\d{4})-(\d\d)-(\d\d)$/.exec(mention.value);
  if (!day) return mention.value;
  const clocks = matchAll(CLOCK, text).filter((m) => {
    const end = m.index + m[0].length;
    return (end <= mention.start && mention.start - end <= NEAR) || (m.index >= mention.end && m.index - mention.end <= NEAR);
  });
  // A Korean time settles it; otherwise the nearest zone given.
  const distance = (m: RegExpExecArray): number => (m.index >= mention.end ? m.index - mention.end : mention.start - m.index - m[0].length);
  const clock = clocks.find((m) => m[5] === 'KST') ?? clocks.sort((a, b) => distance(a) - distance(b))[0];
  if (!clock) return mention.value;
  const [y, mo, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
  const offset = offsetOf(clock[5] ?? 'KST', y, mo, d);
  const utc = Date.UTC(y, mo - 1, d) + minutesOf(clock) * 60_000 - offset * 3_600_000;
  return new Date(utc + KOREA_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
}
