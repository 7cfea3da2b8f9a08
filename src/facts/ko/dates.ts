import { collectDates, type ArticleClock, type DateDirection, type DateMention, type DateRule } from '../dates.ts';

/**
 * Korean dates, read relative to the article's own date. Values follow src/facts/dates.ts:
 *   2027년 3월 12일 → 2027-03-12;  3월 12일 / 지난 19일 / 19일 → the year (and month) from the article
 *   2027년 3월 / 내년 3월 / 3월 중순 → 2027-03;  다음 달·내달 → the month after; 이달 → this month
 *   2027년 상반기·초·초반·연초 → 2027-H1;  하반기·말·연말·하순 → 2027-H2;  1분기 → 2027-Q1
 *   봄 Q2, 여름 Q3, 가을 Q4, 겨울 Q1;  내년 → next year, 올해·연내 → this year, 지난해·작년 → last year
 */
const pad = (n: number): string => String(n).padStart(2, '0');

type YearWord = '올해' | '내년' | '지난해' | '작년' | '금년' | '이듬해' | '후년';

function yearOf(explicit: string | undefined, word: string | undefined, clock: ArticleClock): number | undefined {
  if (explicit) return Number(explicit);
  switch (word as YearWord | undefined) {
    case '올해':
    case '금년':
      return clock.year;
    case '내년':
    case '이듬해':
      return clock.year + 1;
    case '후년':
      return clock.year + 2;
    case '지난해':
    case '작년':
      return clock.year - 1;
    default:
      return undefined;
  }
}

/** A month with no year: ahead of the article for plans, behind it for events. */
function yearForMonth(month: number, day: number, clock: ArticleClock, dir: DateDirection): number {
  const apart = (month - clock.month) * 31 + (day - clock.day);
  if (dir === 'future' && apart < -60) return clock.year + 1;
  if (dir === 'past' && apart > 7) return clock.year - 1;
  return clock.year;
}

const YEAR = '(?:(20\\d\\d)년|(올해|내년|지난해|작년|금년|이듬해|후년))';
const SEASON_Q: Record<string, number> = { 봄: 2, 여름: 3, 가을: 4, 겨울: 1 };


/** Most specific first; a later rule never takes text an earlier one took. */
const RULES: DateRule[] = [
  { re: new RegExp(`${YEAR}\\s*(\\d{1,2})월\\s*(\\d{1,2})일`, 'g'), value: (m, c) => `${yearOf(m[1], m[2], c)}-${pad(Number(m[3]))}-${pad(Number(m[4]))}` },
  { re: /(?<![\d.])(\d{1,2})월\s*(\d{1,2})일/g, value: (m, c, d) => { const mo = Number(m[1]); const day = Number(m[2]); return `${yearForMonth(mo, day, c, d)}-${pad(mo)}-${pad(day)}`; } },
  { re: new RegExp(`${YEAR}\\s*([1-4])\\s*분기`, 'g'), value: (m, c) => `${yearOf(m[1], m[2], c)}-Q${m[3]}` },
  { re: new RegExp(`${YEAR}\\s*(상반기|하반기|초반|초|연초|말|연말|하순|후반|전반기|후반기|중반)`, 'g'), value: (m, c) => {
    const y = yearOf(m[1], m[2], c);
    const w = m[3] ?? '';
    if (w === '중반') return `${y}`;
    return /상반기|초|전반기/.test(w) ? `${y}-H1` : `${y}-H2`;
  } },
  { re: new RegExp(`${YEAR}\\s*(봄|여름|가을|겨울)`, 'g'), value: (m, c) => `${yearOf(m[1], m[2], c)}-Q${SEASON_Q[m[3] ?? ''] ?? 1}` },
  { re: new RegExp(`${YEAR}\\s*(\\d{1,2})월`, 'g'), value: (m, c) => `${yearOf(m[1], m[2], c)}-${pad(Number(m[3]))}` },
  // "내달 29일", "다음 달 5일": a day of next month; "지난달 19일" a day of the last one.
  { re: /(다음\s*달|내달|이달|이번\s*달|지난\s*달)\s*(\d{1,2})일/g, value: (m, c) => {
    const mo = c.month + (/다음|내달/.test(m[1] ?? '') ? 1 : /지난/.test(m[1] ?? '') ? -1 : 0);
    const [y, mm] = mo > 12 ? [c.year + 1, 1] : mo < 1 ? [c.year - 1, 12] : [c.year, mo];
    return `${y}-${pad(mm)}-${pad(Number(m[2]))}`;
  } },
  // "지난 2월": the last February before the article, never the next one.
  { re: /지난\s*([1-9]|1[0-2])월/g, value: (m, c) => { const mo = Number(m[1]); return `${mo < c.month ? c.year : c.year - 1}-${pad(mo)}`; } },
  { re: /(다음\s*달|내달|이달|이번\s*달|지난달)/g, value: (m, c) => {
    const add = /다음|내달/.test(m[1] ?? '') ? 1 : /지난/.test(m[1] ?? '') ? -1 : 0;
    const mo = c.month + add;
    if (mo > 12) return `${c.year + 1}-01`;
    if (mo < 1) return `${c.year - 1}-12`;
    return `${c.year}-${pad(mo)}`;
  } },
  { re: /(?<![\d.])([1-9]|1[0-2])월(?:\s*(?:초|중순|말|하순|초순|께|경))?/g, value: (m, c, d) => { const mo = Number(m[1]); return `${yearForMonth(mo, 15, c, d)}-${pad(mo)}`; } },
  { re: /(?:지난|오는)\s*(\d{1,2})일/g, value: (m, c) => `${c.year}-${pad(c.month)}-${pad(Number(m[1]))}` },
  // "어제", "전날" (the day before the article's own), "그제", "오늘".
  { re: /(어제|전날|그저께|그제|오늘)(?![\uac00-\ud7a3]*일)/g, value: (m, c, d) => {
    const back = m[1] === '오늘' ? 0 : m[1] === '그저께' || m[1] === '그제' ? 2 : 1;
    if (back > 0 && d === 'future') return undefined;
    return new Date(Date.UTC(c.year, c.month - 1, c.day - back)).toISOString().slice(0, 10);
  } },
  // "19일 크랭크업": for what has happened, a bare day is a day of the article's month, or of the
  // month before when it is still to come. Not for what is ahead: "넷플릭스는 2일 …" is the day the
  // news was given far more often than a premiere day.
  { re: /(?<![\d.월])(\d{1,2})일(?!\s*(?:간|동안|째|만|치|분량|부터\s*\d))/g, value: (m, c, d) => {
    if (d === 'future') return undefined;
    const day = Number(m[1]);
    const at = new Date(Date.UTC(c.year, c.month - 1 + (day > c.day ? -1 : 0), 1));
    return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(day)}`;
  } },
  { re: /(연내|연말|연초)/g, value: (m, c) => (m[1] === '연내' ? `${c.year}` : m[1] === '연말' ? `${c.year}-H2` : `${c.year}-H1`) },
  { re: new RegExp(YEAR, 'g'), value: (m, c) => `${yearOf(m[1], m[2], c)}` },
];

/** Every Korean date expression in the text, earliest first, none overlapping. */
export function findKoreanDates(text: string, clock: ArticleClock, dir: DateDirection): DateMention[] {
  // "시즌2 2월": digits right after 시즌 belong to the season.
  return collectDates(text, RULES, clock, dir, (_match, start) => /시즌\s*$/.test(text.slice(0, start)));
}
