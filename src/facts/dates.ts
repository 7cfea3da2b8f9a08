/**
 * Release windows and event dates, read relative to the article's own date.
 *
 * Mapping (values are what the fact model accepts):
 *   "December 4, 2026" / "Dec. 4"        → 2026-12-04 (year from the article when missing)
 *   "December 2026" / "this December"    → 2026-12;  "mid-February 2026" → 2026-02
 *   "Q1 2027" / "first quarter of 2027"  → 2027-Q1;  "first three months of 2027" → 2027-Q1
 *   "first half of 2027" / "early 2027"  → 2027-H1;  "second half" / "late" / "end of" → H2
 *   "mid-2027" / "middle of 2027"        → 2027 (a mid-year guess is no narrower than the year)
 *   spring → Q2, summer → Q3, fall/autumn → Q4, winter → Q1 of the year named
 *     ("this winter" said from September on means the winter ahead: Q4 of that year)
 *   "this year" → YYYY, "later this year" → YYYY-H2, "next year" → YYYY+1,
 *   "April of next year" → (YYYY+1)-04,
 *   "early next year" → (YYYY+1)-H1, "next month" → the month after the article's
 *   "2027" alone → 2027
 * A missing year is resolved forwards for releases (a date already well past means next year)
 * and backwards for events that happened (a date still ahead means last year).
 */
import { TextMemo } from './memo.ts';
import { matchAll } from './match-all.ts';

export type DateDirection = 'future' | 'past';

export interface DateMention {
  value: string;
  start: number;
  end: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const MONTH_NAMES = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH = `(${MONTH_NAMES})\\.?`;
/** A month's name, spelt out or cut short, as a pattern source without a capture ("Sept.", "June"). */
export const MONTH_WORD = `(?:${MONTH_NAMES})\\.?`;
const YEAR = '(20\\d\\d)';
const ORD: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4 };
const SEASON_Q: Record<string, number> = { spring: 2, summer: 3, fall: 4, autumn: 4, winter: 1 };

const pad = (n: number): string => String(n).padStart(2, '0');

export interface ArticleClock {
  year: number;
  month: number;
  day: number;
}

/** The clock's day as YYYY-MM-DD, to compare with date values. */
export function dayOf(clock: ArticleClock): string {
  return `${clock.year}-${String(clock.month).padStart(2, '0')}-${String(clock.day).padStart(2, '0')}`;
}

/** The article's own calendar day: its date in the zone the outlet wrote it in, when known. */
export function clockOf(published: string | undefined, utcOffsetMinutes = 0): ArticleClock {
  const d = published ? new Date(published) : new Date();
  const ok = !Number.isNaN(d.getTime());
  const use = new Date((ok ? d : new Date()).getTime() + utcOffsetMinutes * 60_000);
  return { year: use.getUTCFullYear(), month: use.getUTCMonth() + 1, day: use.getUTCDate() };
}

function yearFor(month: number, day: number, clock: ArticleClock, dir: DateDirection): number {
  const monthsApart = (month - clock.month) * 31 + (day - clock.day);
  if (dir === 'future' && monthsApart < -60) return clock.year + 1;
  if (dir === 'past' && monthsApart > 7) return clock.year - 1;
  return clock.year;
}

export interface DateRule {
  re: RegExp;
  /** `lead` is the sentence up to the match, for rules that take a month or year from it. */
  value: (m: RegExpExecArray, clock: ArticleClock, dir: DateDirection, lead: string) => string | undefined;
}

const month = (s: string | undefined): number => MONTHS[(s ?? '').toLowerCase().replace('.', '')] ?? 0;

/** A run of months that is a quarter, a half or one month of `year`; any other run is no window. */
function monthSpan(a: number, b: number, year: string): string | undefined {
  if (a === b - 2 && a % 3 === 1) return `${year}-Q${(a + 2) / 3}`;
  if (a === 1 && b === 6) return `${year}-H1`;
  if (a === 7 && b === 12) return `${year}-H2`;
  return a === b ? `${year}-${pad(a)}` : undefined;
}

/** Most specific first; a later rule never overlaps text an earlier rule took. */
const RULES: DateRule[] = [
  // "the January-March 2027 window": a month range that is a quarter or a half.
  { re: new RegExp(`\\b${MONTH}\\s*(?:-|–|to|through|until|till|and)\\s*${MONTH},?\\s+${YEAR}\\b`, 'gi'), value: (m) => monthSpan(month(m[1]), month(m[2]), m[3] ?? '') },
  // "between January and June of next year": a month range with its year in words.
  { re: new RegExp(`\\b${MONTH}\\s*(?:-|–|to|through|until|till|and)\\s*${MONTH},?\\s+(?:of\\s+)?(?:the\\s+)?(this|next|following|coming)\\s+year\\b`, 'gi'), value: (m, c) => monthSpan(month(m[1]), month(m[2]), String(/^(?:next|following|coming)$/i.test(m[3] ?? '') ? c.year + 1 : c.year)) },
  // "January 28 last year": the year said in words.
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(last|this|next)\\s+year\\b`, 'gi'), value: (m, c) => `${c.year + ({ last: -1, this: 0, next: 1 }[(m[3] ?? '').toLowerCase()] ?? 0)}-${pad(month(m[1]))}-${pad(Number(m[2]))}` },
  // "April of next year", "December this year": a month with its year in words.
  { re: new RegExp(`\\b${MONTH}\\s+(?:of\\s+)?(last|this|next)\\s+year\\b`, 'gi'), value: (m, c) => `${c.year + ({ last: -1, this: 0, next: 1 }[(m[2] ?? '').toLowerCase()] ?? 0)}-${pad(month(m[1]))}` },
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}\\b`, 'gi'), value: (m) => `${m[3]}-${pad(month(m[1]))}-${pad(Number(m[2]))}` },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'gi'), value: (m) => `${m[3]}-${pad(month(m[2]))}-${pad(Number(m[1]))}` },
  { re: /\b(20\d\d)-(\d\d)-(\d\d)\b/g, value: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:,\\s*)?20\\d\\d)(?![:\\d])`, 'gi'), value: (m, c, d) => { const mo = month(m[1]); const day = Number(m[2]); return day >= 1 && day <= 31 ? `${yearFor(mo, day, c, d)}-${pad(mo)}-${pad(day)}` : undefined; } },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b(?!\\s*,?\\s*20\\d\\d)`, 'gi'), value: (m, c, d) => { const mo = month(m[2]); const day = Number(m[1]); return `${yearFor(mo, day, c, d)}-${pad(mo)}-${pad(day)}`; } },
  { re: /\b(?:Q([1-4])\s*(?:of\s+)?(20\d\d)|(20\d\d)\s*Q([1-4]))\b/gi, value: (m) => (m[1] ? `${m[2]}-Q${m[1]}` : `${m[3]}-Q${m[4]}`) },
  // "the first three months of 2027", "the last six months of next year": a quarter or a half.
  { re: /\b(first|last|final|opening|closing)\s+(three|six)\s+months\s+of\s+(?:(20\d\d)|(this|next)\s+year)\b/gi, value: (m, c) => `${m[3] ?? (m[4]?.toLowerCase() === 'next' ? c.year + 1 : c.year)}-${(m[2] ?? '').toLowerCase() === 'six' ? (/^(?:first|opening)$/i.test(m[1] ?? '') ? 'H1' : 'H2') : /^(?:first|opening)$/i.test(m[1] ?? '') ? 'Q1' : 'Q4'}` },
  // "the first quarter of the next year" in translated copy is next year's.
  { re: /\b(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?:(20\d\d)|(?:the\s+)?(this|next|following|coming)\s+year)\b/gi, value: (m, c) => `${m[2] ?? (/^(?:next|following|coming)$/i.test(m[3] ?? '') ? c.year + 1 : c.year)}-Q${ORD[(m[1] ?? '').toLowerCase()]}` },
  // "the back half of 2027" is its second half; "the front half" its first.
  { re: /\b(first|second|1st|2nd|latter|back|front)[-\s]half\s+of\s+(?:(20\d\d)|(?:the\s+)?(this|next|following|coming)\s+year)\b/gi, value: (m, c) => `${m[2] ?? (/^(?:next|following|coming)$/i.test(m[3] ?? '') ? c.year + 1 : c.year)}-${/first|1st|front/i.test(m[1] ?? '') ? 'H1' : 'H2'}` },
  // "H1 2027", and "1H 2027" as release calendars write it.
  { re: /\b(?:H([12])|([12])H)\s*(20\d\d)\b/g, value: (m) => `${m[3]}-H${m[1] ?? m[2]}` },
  { re: new RegExp(`\\b(?:early|mid|mid-|late|end of|the end of)[-\\s]*${MONTH}\\s*,?\\s*${YEAR}\\b`, 'gi'), value: (m) => `${m[2]}-${pad(month(m[1]))}` },
  { re: new RegExp(`\\b${MONTH}\\s*,?\\s+${YEAR}\\b`, 'gi'), value: (m) => `${m[2]}-${pad(month(m[1]))}` },
  { re: /\b(spring|summer|fall|autumn|winter)\s+(?:of\s+)?(20\d\d)\b/gi, value: (m) => `${m[2]}-Q${SEASON_Q[(m[1] ?? '').toLowerCase()]}` },
  { re: /\b(early|late|mid|end of|the end of|beginning of|start of|middle of)[-\s]*(?:(20\d\d)|(this|next)\s+year)\b/gi, value: (m, c) => {
    const y = m[2] ?? (m[3]?.toLowerCase() === 'next' ? c.year + 1 : c.year);
    const w = (m[1] ?? '').toLowerCase();
    if (w.startsWith('early') || w.includes('beginning') || w.includes('start')) return `${y}-H1`;
    if (w.startsWith('late') || w.includes('end')) return `${y}-H2`;
    return `${y}`;
  } },
  { re: /\blater\s+(?:this|in\s+the)\s+year\b/gi, value: (_m, c) => `${c.year}-H2` },
  { re: /\b(this|next)\s+(spring|summer|fall|autumn|winter)\b/gi, value: (m, c) => {
    const s = (m[2] ?? '').toLowerCase();
    const next = (m[1] ?? '').toLowerCase() === 'next';
    if (s === 'winter') {
      if (next) return c.month >= 9 ? `${c.year + 1}-Q4` : `${c.year}-Q4`;
      return c.month <= 2 ? `${c.year}-Q1` : `${c.year}-Q4`;
    }
    const q = SEASON_Q[s] ?? 1;
    const current = Math.ceil(c.month / 3);
    return `${next || q < current ? c.year + 1 : c.year}-Q${q}`;
  } },
  { re: /\b(this|next)\s+month\b/gi, value: (m, c) => {
    const add = (m[1] ?? '').toLowerCase() === 'next' ? 1 : 0;
    const mo = c.month + add;
    return mo > 12 ? `${c.year + 1}-01` : `${c.year}-${pad(mo)}`;
  } },
  { re: new RegExp(`\\b(?:(this|next|last)\\s+)${MONTH}(?!\\s*\\d)`, 'gi'), value: (m, c, d) => {
    const mo = month(m[2]);
    const w = (m[1] ?? '').toLowerCase();
    if (w === 'next') return `${c.year + 1}-${pad(mo)}`;
    if (w === 'last') return `${mo >= c.month ? c.year - 1 : c.year}-${pad(mo)}`;
    return `${yearFor(mo, 15, c, d)}-${pad(mo)}`;
  } },
  { re: new RegExp(`\\b(?:in|by|on|for|until|from|since|during|this|early|late|mid-?)\\s+${MONTH}(?!\\s*\\d)(?!\\w)`, 'gi'), value: (m, c, d) => { const mo = month(m[1]); return `${yearFor(mo, 15, c, d)}-${pad(mo)}`; } },
  { re: /\b(this|next|last)\s+year\b/gi, value: (m, c) => { const w = (m[1] ?? '').toLowerCase(); return `${w === 'next' ? c.year + 1 : w === 'last' ? c.year - 1 : c.year}`; } },
  { re: /\b(20\d\d)\b(?!\s*(?:line-?up|slate|list|roster|schedule|calendar|release\s+(?:line-?up|slate|schedule)|content|awards?|edition|Baeksang|'s\s+(?:line-?up|slate)))/gi, value: (m) => `${m[1]}` },
];

/**
 * Every date expression in the text, earliest first, none overlapping. `before` is the text that
 * precedes it in the same sentence: "the streamer's schedule for January … arriving on the 29th"
 * and "its 2027 slate … in the second half of the year" take their month or year from there.
 */
export function findDates(text: string, clock: ArticleClock, dir: DateDirection, before = ''): readonly DateMention[] {
  // Several rules ask for the same clause's dates: the answer depends on the text, the article's
  // day, the direction and what precedes, so all four make the key.
  const key = `${clock.year}-${clock.month}-${clock.day}|${dir}|${before}\u0000${text}`;
  return datesSeen.get(key, () => {
    const plain = plainDates(text, clock, dir);
    return [...plain, ...anchoredDates(text, clock, dir, before, plain)].sort((a, b) => a.start - b.start);
  });
}

const datesSeen = new TextMemo<DateMention[]>();

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBER_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30 };

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
const clockDate = (c: ArticleClock, plusDays = 0): Date => new Date(Date.UTC(c.year, c.month - 1, c.day + plusDays));


/** The last month named before a point, with the year written next to it if any. */
function lastMonth(lead: string): number | undefined {
  const all = matchAll(new RegExp(`\\b${MONTH}(?!\\s*\\d{1,2}\\b)`, 'gi'), lead).filter((m) => !/^may$/.test(m[0]));
  const m = all[all.length - 1];
  return m ? month(m[1]) : undefined;
}

function lastYear(lead: string): number | undefined {
  const all = matchAll(/\b(20\d\d)\b/g, lead);
  const m = all[all.length - 1];
  return m ? Number(m[1]) : undefined;
}

/** Dates that need the sentence around them or the article's own day to mean anything. */
const ANCHORED: DateRule[] = [
  // "on the 29th": the month last named, else this month (or next, when the day has passed).
  { re: new RegExp(`\\b(?:on\\s+)?the\\s+(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?${MONTH})(?!\\s+(?:century|anniversary|episode|season|place|spot|time|edition|annual|birthday))`, 'gi'), value: (m, c, d, lead) => {
    const day = Number(m[1]);
    if (day < 1 || day > 31) return undefined;
    const named = lastMonth(lead);
    let mo = named ?? c.month;
    let y = lastYear(lead) ?? (named ? yearFor(mo, day, c, d) : c.year);
    if (!named && d === 'future' && day < c.day) mo += 1;
    if (!named && d === 'past' && day > c.day) mo -= 1;
    if (mo > 12) { mo = 1; y += 1; }
    if (mo < 1) { mo = 12; y -= 1; }
    return `${y}-${pad(mo)}-${pad(day)}`;
  } },
  // "in the second half of the year", "in the first quarter": the year last named, else this one.
  { re: /\b(first|second|1st|2nd|latter)[-\s]half\s+of\s+the\s+year\b/gi, value: (m, c, _d, lead) => `${lastYear(lead) ?? c.year}-${/first|1st/i.test(m[1] ?? '') ? 'H1' : 'H2'}` },
  { re: /\b(?:the\s+)?(first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter\b(?!\s+of\s+(?:20\d\d|this|next))/gi, value: (m, c, _d, lead) => `${lastYear(lead) ?? c.year}-Q${ORD[(m[1] ?? '').toLowerCase()]}` },
  { re: /\b(?:before|by)\s+the\s+end\s+of\s+the\s+year\b/gi, value: (_m, c, _d, lead) => `${lastYear(lead) ?? c.year}` },
  // "at midnight Pacific tonight": the midnight that ends the article's day opens the next one.
  { re: /\bmidnight\s+(?:[A-Za-z]+\s+){0,2}tonight\b|\btonight\s+at\s+midnight\b/gi, value: (_m, c) => isoDay(clockDate(c, 1)) },
  // "today", "tonight", "tomorrow": the article's own day.
  { re: /\b(today|tonight|tomorrow)\b/gi, value: (m, c) => isoDay(clockDate(c, (m[1] ?? '').toLowerCase() === 'tomorrow' ? 1 : 0)) },
  // "in the new year": said late in a year, the year ahead.
  { re: /\b(?:in|into|early\s+in)\s+the\s+new\s+year\b/gi, value: (_m, c) => `${c.month >= 7 ? c.year + 1 : c.year}` },
  // "just ten days away", "thirty days to go until …"
  { re: /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty)\s+(days?|weeks?)\s+(?:away|to\s+go)\b/gi, value: (m, c, d) => {
    if (d === 'past') return undefined;
    const raw = (m[1] ?? '').toLowerCase();
    const n = /^\d+$/.test(raw) ? Number(raw) : NUMBER_WORDS[raw];
    return n ? isoDay(clockDate(c, /week/i.test(m[2] ?? '') ? n * 7 : n)) : undefined;
  } },
  // "D-30": a countdown, thirty days from the article's day.
  { re: /\bD\s?-\s?(\d{1,3})\b/g, value: (m, c, d) => (d === 'past' ? undefined : isoDay(clockDate(c, Number(m[1])))) },
  // "in ten days", "two weeks from now"
  { re: /\b(?:in|within)\s+(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty)\s+(days?|weeks?)(?:['’]\s*time)?\b|\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?)\s+from\s+(?:now|today)\b/gi, value: (m, c, d) => {
    if (d === 'past') return undefined;
    const raw = (m[1] ?? m[3] ?? '').toLowerCase();
    const n = /^\d+$/.test(raw) ? Number(raw) : NUMBER_WORDS[raw];
    if (!n) return undefined;
    return isoDay(clockDate(c, /week/i.test(m[2] ?? m[4] ?? '') ? n * 7 : n));
  } },
  // "this Friday", "on Wednesday", "next Saturday", "last Tuesday": counted from the article's day.
  { re: /\b(?:(this|next|last|on|coming|from)\s+)?(?:this\s+coming\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b(?!\s*,?\s*(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d))(?!['’]s)/gi, value: (m, c, d) => {
    const target = WEEKDAYS.indexOf((m[2] ?? '').toLowerCase());
    const today = clockDate(c).getUTCDay();
    const w = (m[1] ?? '').toLowerCase();
    if (w === 'last' || (d === 'past' && w !== 'this' && w !== 'next' && w !== 'coming')) {
      const back = (today - target + 7) % 7 || (w === 'last' ? 7 : 0);
      return isoDay(clockDate(c, -back));
    }
    let ahead = (target - today + 7) % 7;
    if (w === 'next' && ahead < 3) ahead += 7;
    return isoDay(clockDate(c, ahead));
  } },
];

/**
 * A weekday or day said of the telling ("said on Thursday", "announced in a press release on
 * Tuesday"), not of the event.
 */
const TELLING_BEFORE = /\b(?:said|says|announced|confirmed|revealed|told|reported|posted|unveiled|shared|added|stated|appeared|published|released|dropped|noted|wrote|tweeted)\s+(?:(?:in|via|through|on)\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){1,3})?(?:\w+\s+){0,2}$/i;

function anchoredDates(text: string, clock: ArticleClock, dir: DateDirection, before: string, taken: readonly DateMention[]): DateMention[] {
  return collectDates(text, ANCHORED, clock, dir, (_match, start) => TELLING_BEFORE.test(text.slice(0, start)), { before, taken });
}

function plainDates(text: string, clock: ArticleClock, dir: DateDirection): DateMention[] {
  return collectDates(text, RULES, clock, dir, (match, start, end) =>
    // "May" is also the commonest hedge; only "May 2027"-style and day forms are months.
    (/^(?:in|by|on|for|until|from|since|during|this|early|late|mid-?)\s+may$/i.test(match) && /^\s+(?:be|have|not|arrive|release|premiere|come|drop|also)\b/i.test(text.slice(end))) ||
    (/^may\s+\d/i.test(match) && /^\s*(?:episodes?|years?|weeks?|days?)\b/i.test(text.slice(end))) ||
    // Lowercase "may" is the hedge, not the month; "season 2 may" is no date either.
    (/\bmay\b/.test(match) && !/\b20\d\d\b/.test(match)) ||
    (/^\d/.test(match) && /\b(?:season|part|episode|class|chapter|vol)\s*$/i.test(text.slice(0, start))));
}

/**
 * Runs date rules over a text, most specific first: a later rule never takes text an earlier one
 * took, `skip` vetoes a match read in context, and only well-formed release values are kept.
 * Shared by the English and the Korean readers, which differ only in their rules.
 */
export function collectDates(
  text: string,
  rules: readonly DateRule[],
  clock: ArticleClock,
  dir: DateDirection,
  skip: (match: string, start: number, end: number) => boolean,
  context: { before?: string; taken?: readonly DateMention[] } = {},
): DateMention[] {
  const found: DateMention[] = [];
  const taken = context.taken ?? [];
  for (const rule of rules) {
    rule.re.lastIndex = 0;
    for (const m of matchAll(rule.re, text)) {
      const start = m.index;
      const end = start + m[0].length;
      if ([...taken, ...found].some((f) => start < f.end && f.start < end) || skip(m[0], start, end)) continue;
      const value = rule.value(m as RegExpExecArray, clock, dir, `${context.before ?? ''} ${text.slice(0, start)}`);
      if (value && isDateValue(value)) found.push({ value, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY-MM-DD with a real month and day. */
function isDateValue(value: string): boolean {
  const m = /^20\d\d(?:-(\d\d)(?:-(\d\d))?|-Q[1-4]|-H[12])?$/.exec(value);
  if (!m) return false;
  const mo = m[1] === undefined ? 1 : Number(m[1]);
  const d = m[2] === undefined ? 1 : Number(m[2]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

/** The last day a value could mean, as YYYY-MM-DD, for "is this already in the past?" checks. */
export function latestDayOf(value: string): string {
  const y = value.slice(0, 4);
  if (/^\d{4}-\d\d-\d\d$/.test(value)) return value;
  if (/^\d{4}-\d\d$/.test(value)) return `${value}-31`;
  const q = /Q([1-4])$/.exec(value);
  if (q) return `${y}-${pad(Number(q[1]) * 3)}-31`;
  if (value.endsWith('H1')) return `${y}-06-30`;
  return `${y}-12-31`;
}
