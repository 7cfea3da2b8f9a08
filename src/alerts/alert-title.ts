/**
 * An alert's title: what is new, in one sentence a fan takes in at once, naming the season the
 * fact is about ("Season 2 premieres 29 January 2027", "시즌 2, 2027년 1월 29일 공개"). Plain text
 * without markdown: embed titles show it as typed.
 */
import type { FactEvent } from '../facts/types.ts';
import { confidenceWords, describeCrewRole, describeDay, describeRelease, describeValue } from './describe-value.ts';
import { DISCORD_LIMITS, safeInline, truncate } from './escape.ts';
import { DATE_LOCALE, type Language } from './language.ts';

/** Cap for one value inside a sentence we build (a person's name, a character, a platform). */
const MAX_VALUE_CHARS = 80;

/** What a title needs to know of the show besides the fact. */
export interface TitleShow {
  /** The show's display title, e.g. "All of Us Are Dead". */
  title: string;
  /** The season the facts are about; without it titles say "the new season". */
  season?: number;
  /**
   * People who were in an earlier season. Their exit is a departure; anyone else's exit is a role
   * they will not take ("not joining"). Without it every exit reads as leaving the cast.
   */
  earlierCast?: ReadonlySet<string>;
}

function plain(text: string | undefined): string {
  return safeInline(text, MAX_VALUE_CHARS);
}

/** "Season 2" at the start of a sentence, "season 2" inside one; "시즌 2" in Korean. */
interface SeasonWords {
  lead: string;
  inner: string;
}

function seasonWords(season: number | undefined, language: Language): SeasonWords {
  if (language === 'ko') return season ? { lead: `시즌 ${season}`, inner: `시즌 ${season}` } : { lead: '새 시즌', inner: '새 시즌' };
  return season ? { lead: `Season ${season}`, inner: `season ${season}` } : { lead: 'New season', inner: 'the new season' };
}

/** "in the first half of 2027" / "2027년 상반기": a release window as the end of a sentence. */
function windowPhrase(value: string, language: Language): string {
  const words = describeRelease(value, DATE_LOCALE[language]);
  if (language === 'ko') return words;
  return /^(first|second) half/.test(words) ? `in the ${words}` : `in ${words}`;
}

/**
 * Whether an exit is a departure (someone from an earlier season, or announced as returning)
 * rather than a role never taken up.
 */
export function isDeparture(event: Pick<FactEvent, 'subject' | 'previous'>, earlierCast: ReadonlySet<string> | undefined): boolean {
  if (event.previous === 'returning') return true;
  if (!earlierCast) return true;
  return event.subject !== null && earlierCast.has(event.subject);
}

function productionTitle(value: string, s: SeasonWords, language: Language): string | undefined {
  const en: Record<string, string> = {
    announced: `${s.lead} announced`,
    'pre-production': `${s.lead} in pre-production`,
    filming: `Filming has begun on ${s.inner}`,
    wrapped: `Filming wrapped on ${s.inner}`,
    'post-production': `${s.lead} in post-production`,
    released: `${s.lead} is out`,
  };
  const ko: Record<string, string> = {
    announced: `${s.lead} 제작 발표`,
    'pre-production': `${s.lead} 사전 제작 시작`,
    filming: `${s.lead} 촬영 시작`,
    wrapped: `${s.lead} 촬영 종료`,
    'post-production': `${s.lead} 후반 작업 시작`,
    released: `${s.lead} 공개`,
  };
  return (language === 'ko' ? ko : en)[value];
}

function castTitle(event: FactEvent, s: SeasonWords, language: Language, show: TitleShow): string {
  const name = plain(event.subject ?? undefined);
  const character = plain(event.character);
  const ko = language === 'ko';
  if (event.value === 'exited') {
    if (isDeparture(event, show.earlierCast)) return ko ? `${name}, ${s.inner} 하차` : `${name} leaves the ${s.inner} cast`;
    return ko ? `${name}, ${s.inner} 불참` : `${name} is not joining ${s.inner}`;
  }
  if (event.value === 'returning') {
    if (ko) return character ? `${name}, ${s.inner}에 ${character} 역으로 복귀` : `${name}, ${s.inner} 복귀`;
    return `${name} returns for ${s.inner}${character ? ` as ${character}` : ''}`;
  }
  if (ko) return character ? `${name}, ${s.inner}에 ${character} 역으로 합류` : `${name}, ${s.inner} 합류`;
  return `${name} joins ${s.inner}${character ? ` as ${character}` : ''}`;
}

function crewTitle(event: FactEvent, s: SeasonWords, language: Language): string {
  const name = plain(event.subject ?? undefined);
  const role = plain(describeCrewRole(event.value, DATE_LOCALE[language]));
  if (language === 'ko') return `${name}, ${s.inner} ${role}`;
  if (event.value === 'director') return `${name} directs ${s.inner}`;
  if (event.value === 'writer') return `${name} writes ${s.inner}`;
  return `${name} joins ${s.inner} as ${role}`;
}

/** What is new, in one sentence, in `language`. */
export function alertTitle(event: FactEvent, language: Language, show: TitleShow): string {
  const locale = DATE_LOCALE[language];
  const ko = language === 'ko';
  const s = seasonWords(show.season, language);
  let text: string;
  switch (event.kind) {
    case 'release': {
      const day = describeDay(event.value, locale);
      if (day) text = ko ? `${s.lead}, ${day} 공개` : `${s.lead} premieres ${day}`;
      else text = ko ? `${s.lead}, ${windowPhrase(event.value, language)} 공개 예정` : `${s.lead} expected ${windowPhrase(event.value, language)}`;
      break;
    }
    case 'production':
      text = productionTitle(event.value, s, language) ?? `${s.lead}: ${plain(describeValue('production', event.value, locale))}`;
      break;
    case 'renewal': {
      const title = safeInline(show.title, 100) || 'The show';
      if (event.value === 'cancelled') text = ko ? `${s.lead} 제작 취소` : `${title} ${s.inner} is cancelled`;
      else text = ko ? `${s.lead} 제작 확정` : `${title} is renewed for ${s.inner}`;
      break;
    }
    case 'cast':
      text = castTitle(event, s, language, show);
      break;
    case 'crew':
      text = crewTitle(event, s, language);
      break;
    case 'episodes': {
      const count = plain(describeValue('episodes', event.value, locale));
      text = ko ? `${s.lead}, ${count}` : `${s.lead} has ${count}`;
      break;
    }
    case 'platform':
      text = ko ? `${s.lead} ${plain(event.value)}에서 공개` : `${s.lead} streams on ${plain(event.value)}`;
      break;
  }
  if (event.reason === 'upgraded') {
    const label = confidenceWords(event.confidence, locale).label;
    // "Now official: season 2 …", "Now official: filming …", but "Now official: Kim Si-eun …".
    const lead = /^(Season|New|Filming) /.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
    text = ko ? `${label} 확인: ${text}` : `Now ${label.toLowerCase()}: ${lead}`;
  }
  return truncate(text, DISCORD_LIMITS.title);
}

/** The people of a show pack who were in a season before `season`. */
export function earlierCastOf(people: readonly { name: string; seasons: readonly number[] }[], season: number): ReadonlySet<string> {
  return new Set(people.filter((p) => p.seasons.some((n) => n < season)).map((p) => p.name));
}
