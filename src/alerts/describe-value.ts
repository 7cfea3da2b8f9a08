/**
 * Human wording for fact values: fans read "first half of 2027", not "2027-H1". Returns plain text
 * (not yet escaped); the formatter escapes whatever may have come from a feed.
 */
import type { Confidence, FactKind } from '../facts/types.ts';

export const DEFAULT_LOCALE = 'en-GB';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const HALF = /^(\d{4})-H([12])$/;
const YEAR = /^(\d{4})$/;

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  } catch {
    return new Intl.DateTimeFormat(DEFAULT_LOCALE, { ...options, timeZone: 'UTC' });
  }
}

/** A calendar day as "14 March 2027", or undefined when the string is not a real YYYY-MM-DD. */
export function describeDay(value: string, locale = DEFAULT_LOCALE): string | undefined {
  const m = DAY.exec(value);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.toISOString().slice(0, 10) !== value) return undefined;
  return formatter(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** A publication time as "12 Feb 2026", for source links. */
export function describeShortDate(iso: string | undefined, locale = DEFAULT_LOCALE): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return formatter(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/**
 * Unix seconds for a release day, at 12:00 UTC: Discord's <t:…:D> shows the date in the reader's
 * own time zone, and noon UTC is the same calendar day from UTC-11 to UTC+11.
 */
export function releaseDayUnix(value: string): number | undefined {
  const m = DAY.exec(value);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  return new Date(ms).toISOString().slice(0, 10) === value ? ms / 1000 : undefined;
}

export function describeRelease(value: string, locale = DEFAULT_LOCALE): string {
  const day = describeDay(value, locale);
  if (day) return day;
  const month = MONTH.exec(value);
  if (month) {
    const m = Number(month[2]);
    if (m >= 1 && m <= 12) {
      return formatter(locale, { month: 'long', year: 'numeric' }).format(new Date(Date.UTC(Number(month[1]), m - 1, 1)));
    }
  }
  const quarter = QUARTER.exec(value);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const half = HALF.exec(value);
  if (half) return `${half[2] === '1' ? 'first' : 'second'} half of ${half[1]}`;
  const year = YEAR.exec(value);
  if (year) return year[1] ?? value;
  return value;
}

/** "date" when the release value is a single day, "window" otherwise. */
export function isReleaseDay(value: string): boolean {
  return releaseDayUnix(value) !== undefined;
}

const PRODUCTION_WORDS: Record<string, string> = {
  announced: 'announced',
  'pre-production': 'in pre-production',
  filming: 'filming',
  wrapped: 'filming wrapped',
  'post-production': 'in post-production',
  released: 'released',
};

const RENEWAL_WORDS: Record<string, string> = {
  renewed: 'renewed',
  cancelled: 'cancelled',
};

const CAST_WORDS: Record<string, string> = {
  returning: 'returning',
  new: 'joining the cast',
  exited: 'leaving the cast',
};

/** The value of any kind of fact in words. */
export function describeValue(kind: FactKind, value: string, locale = DEFAULT_LOCALE): string {
  switch (kind) {
    case 'release':
      return describeRelease(value, locale);
    case 'production':
      return PRODUCTION_WORDS[value] ?? value;
    case 'renewal':
      return RENEWAL_WORDS[value] ?? value;
    case 'cast':
      return CAST_WORDS[value] ?? value;
    case 'episodes':
      return /^\d+$/.test(value) ? `${value} episode${value === '1' ? '' : 's'}` : value;
    case 'crew':
    case 'platform':
      return value;
  }
}

/** What the fact is about, as a label: "Release window", "Cast — Park Ji-hu". */
export function describeKind(kind: FactKind, value: string): string {
  switch (kind) {
    case 'release':
      return isReleaseDay(value) ? 'Release date' : 'Release window';
    case 'production':
      return 'Production';
    case 'renewal':
      return 'Renewal';
    case 'cast':
      return 'Cast';
    case 'crew':
      return 'Crew';
    case 'episodes':
      return 'Episode count';
    case 'platform':
      return 'Platform';
  }
}

export interface ConfidenceWords {
  marker: string;
  label: string;
  meaning: string;
  color: number;
}

export const CONFIDENCE_WORDS: Record<Confidence, ConfidenceWords> = {
  official: { marker: '✅', label: 'Official', meaning: 'announced by Netflix, the studio or the cast themselves', color: 0x2ecc71 },
  reported: { marker: '📰', label: 'Reported', meaning: 'reported by news outlets, not yet confirmed', color: 0x3498db },
  rumor: { marker: '💬', label: 'Rumor', meaning: 'unconfirmed talk from an unnamed or single source', color: 0xe67e22 },
  speculation: { marker: '🔮', label: 'Speculation', meaning: 'a guess or a hint, nothing reported yet', color: 0x95a5a6 },
};

export function describeConfidence(confidence: Confidence): string {
  const words = CONFIDENCE_WORDS[confidence];
  return `${words.marker} ${words.label}`;
}
