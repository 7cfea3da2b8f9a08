/**
 * Human wording for fact values, in English and Korean: fans read "first half of 2027" or
 * "2027년 상반기", not "2027-H1". Returns plain text (not yet escaped); the formatter escapes
 * whatever may have come from a feed.
 *
 * Every function takes a BCP 47 locale ("en-GB", "ko", …); Korean locales get Korean words and
 * every other locale English. Date formatters are made once per (locale, style) and reused:
 * building an Intl.DateTimeFormat per call is slow and holds native memory.
 */
import type { Confidence, FactKind } from '../facts/types.ts';
import { DATE_LOCALE, languageOf, type Language, type Words } from './language.ts';

export const DEFAULT_LOCALE = 'en-GB';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const HALF = /^(\d{4})-H([12])$/;
const YEAR = /^(\d{4})$/;

type DateStyle = 'day' | 'short' | 'month';

const STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
};

/** One formatter per language and style, made on first use; there are six at most. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

export function dateFormatter(locale: string, style: DateStyle): Intl.DateTimeFormat {
  const language = languageOf(locale);
  const key = `${language}:${style}`;
  let formatter = FORMATTERS.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(DATE_LOCALE[language], { ...STYLES[style], timeZone: 'UTC' });
    FORMATTERS.set(key, formatter);
  }
  return formatter;
}

/** How many formatters exist; for the test that proves they are reused. */
export function dateFormatterCount(): number {
  return FORMATTERS.size;
}

function realDay(value: string): Date | undefined {
  const m = DAY.exec(value);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value ? date : undefined;
}

/** A calendar day as "14 March 2027" / "2027년 3월 14일", or undefined when not a real YYYY-MM-DD. */
export function describeDay(value: string, locale = DEFAULT_LOCALE): string | undefined {
  const date = realDay(value);
  return date ? dateFormatter(locale, 'day').format(date) : undefined;
}

/** A publication time as "12 Feb 2026" / "2026년 2월 12일", for source links. */
export function describeShortDate(iso: string | undefined, locale = DEFAULT_LOCALE): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return dateFormatter(locale, 'short').format(date);
}

/**
 * Unix seconds for a release day, at 12:00 UTC: Discord's <t:…:D> shows the date in the reader's
 * own time zone, and noon UTC is the same calendar day from UTC-11 to UTC+11.
 */
export function releaseDayUnix(value: string): number | undefined {
  const date = realDay(value);
  return date ? date.getTime() / 1000 + 12 * 3600 : undefined;
}

/**
 * A release value at the precision it was given: a day, a month, a quarter, a half, a year.
 * "2022-06" is "June 2022", never a day in June.
 */
export function describeRelease(value: string, locale = DEFAULT_LOCALE): string {
  const language = languageOf(locale);
  const day = describeDay(value, locale);
  if (day) return day;
  const month = MONTH.exec(value);
  if (month) {
    const m = Number(month[2]);
    if (m >= 1 && m <= 12) return dateFormatter(locale, 'month').format(new Date(Date.UTC(Number(month[1]), m - 1, 1)));
  }
  const quarter = QUARTER.exec(value);
  if (quarter) return language === 'ko' ? `${quarter[1]}년 ${quarter[2]}분기` : `Q${quarter[2]} ${quarter[1]}`;
  const half = HALF.exec(value);
  if (half) {
    if (language === 'ko') return `${half[1]}년 ${half[2] === '1' ? '상반기' : '하반기'}`;
    return `${half[2] === '1' ? 'first' : 'second'} half of ${half[1]}`;
  }
  const year = YEAR.exec(value);
  if (year) return language === 'ko' ? `${year[1]}년` : (year[1] ?? value);
  return value;
}

/** "date" when the release value is a single day, "window" otherwise. */
export function isReleaseDay(value: string): boolean {
  return releaseDayUnix(value) !== undefined;
}

const PRODUCTION_WORDS: Record<string, Words> = {
  announced: { en: 'announced', ko: '제작 발표' },
  'pre-production': { en: 'in pre-production', ko: '사전 제작 중' },
  filming: { en: 'filming', ko: '촬영 중' },
  wrapped: { en: 'filming wrapped', ko: '촬영 종료' },
  'post-production': { en: 'in post-production', ko: '후반 작업 중' },
  released: { en: 'released', ko: '공개됨' },
};

const RENEWAL_WORDS: Record<string, Words> = {
  renewed: { en: 'renewed', ko: '제작 확정' },
  cancelled: { en: 'cancelled', ko: '제작 취소' },
};

const CAST_WORDS: Record<string, Words> = {
  returning: { en: 'returning', ko: '복귀' },
  new: { en: 'joining the cast', ko: '새로 합류' },
  exited: { en: 'leaving the cast', ko: '하차' },
};

/** An exit by someone who never was in the show: a role turned down or not taken up. */
const NOT_JOINING: Words = { en: 'not joining', ko: '불참' };

/**
 * A cast status in words, telling a departure ("leaving the cast", for someone from an earlier
 * season) from a role not taken ("not joining"): the fact model marks both as `exited`.
 */
export function describeCastStatus(value: string, locale = DEFAULT_LOCALE, departure = true): string {
  if (value === 'exited' && !departure) return NOT_JOINING[languageOf(locale)];
  return describeValue('cast', value, locale);
}

const CREW_WORDS: Record<string, Words> = {
  director: { en: 'director', ko: '연출' },
  writer: { en: 'writer', ko: '극본' },
  'original author': { en: 'original author', ko: '원작' },
};

/** A crew role in words ("director" / "연출"); roles without a Korean word stay as they are. */
export function describeCrewRole(role: string, locale = DEFAULT_LOCALE): string {
  return CREW_WORDS[role]?.[languageOf(locale)] ?? role;
}

/** The value of any kind of fact in words. */
export function describeValue(kind: FactKind, value: string, locale = DEFAULT_LOCALE): string {
  const language = languageOf(locale);
  switch (kind) {
    case 'release':
      return describeRelease(value, locale);
    case 'production':
      return PRODUCTION_WORDS[value]?.[language] ?? value;
    case 'renewal':
      return RENEWAL_WORDS[value]?.[language] ?? value;
    case 'cast':
      return CAST_WORDS[value]?.[language] ?? value;
    case 'episodes':
      if (!/^\d+$/.test(value)) return value;
      return language === 'ko' ? `${value}부작` : `${value} episode${value === '1' ? '' : 's'}`;
    case 'crew':
      return describeCrewRole(value, locale);
    case 'platform':
      return value;
  }
}

const KIND_WORDS: Record<Exclude<FactKind, 'release'>, Words> = {
  production: { en: 'Production', ko: '제작 단계' },
  renewal: { en: 'Renewal', ko: '후속 시즌' },
  cast: { en: 'Cast', ko: '출연진' },
  crew: { en: 'Crew', ko: '제작진' },
  episodes: { en: 'Episode count', ko: '회차 수' },
  platform: { en: 'Platform', ko: '플랫폼' },
};

/** What the fact is about, as a label: "Release window", "Cast" / "공개 시기", "출연진". */
export function describeKind(kind: FactKind, value: string, locale = DEFAULT_LOCALE): string {
  const language = languageOf(locale);
  if (kind === 'release') {
    if (isReleaseDay(value)) return language === 'ko' ? '공개일' : 'Release date';
    return language === 'ko' ? '공개 시기' : 'Release window';
  }
  return KIND_WORDS[kind][language];
}

export interface ConfidenceWords {
  marker: string;
  label: string;
  meaning: string;
  color: number;
}

const CONFIDENCE_BY_LANGUAGE: Record<Language, Record<Confidence, ConfidenceWords>> = {
  en: {
    official: { marker: '✅', label: 'Official', meaning: 'announced by Netflix, the studio or the cast themselves', color: 0x2ecc71 },
    reported: { marker: '📰', label: 'Reported', meaning: 'reported by news outlets, not yet confirmed', color: 0x3498db },
    rumor: { marker: '💬', label: 'Rumor', meaning: 'unconfirmed talk from an unnamed or single source', color: 0xe67e22 },
    speculation: { marker: '🔮', label: 'Speculation', meaning: 'a guess or a hint, nothing reported yet', color: 0x95a5a6 },
  },
  ko: {
    official: { marker: '✅', label: '공식', meaning: '넷플릭스, 제작사 또는 출연진이 직접 발표', color: 0x2ecc71 },
    reported: { marker: '📰', label: '보도', meaning: '언론 보도, 아직 공식 확인 전', color: 0x3498db },
    rumor: { marker: '💬', label: '소문', meaning: '익명이나 한 곳에서만 나온 미확인 소식', color: 0xe67e22 },
    speculation: { marker: '🔮', label: '추측', meaning: '추측이나 암시, 아직 보도 없음', color: 0x95a5a6 },
  },
};

/** English words for each confidence (kept for callers that write English only). */
export const CONFIDENCE_WORDS: Record<Confidence, ConfidenceWords> = CONFIDENCE_BY_LANGUAGE.en;

export function confidenceWords(confidence: Confidence, locale = DEFAULT_LOCALE): ConfidenceWords {
  return CONFIDENCE_BY_LANGUAGE[languageOf(locale)][confidence];
}

export function describeConfidence(confidence: Confidence, locale = DEFAULT_LOCALE): string {
  const words = confidenceWords(confidence, locale);
  return `${words.marker} ${words.label}`;
}
