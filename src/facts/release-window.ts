/**
 * Release values name a span of days at some precision: a day, a month, a quarter, a half or a
 * year. Comparing spans (rather than strings) is what lets the ledger tell a refinement
 * ("first half of 2027" → "March 2027") from a contradiction ("December 2026" → "early 2027").
 */

export interface DaySpan {
  /** Inclusive, as YYYY-MM-DD strings (they sort as dates). */
  start: string;
  end: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const HALF = /^(\d{4})-H([12])$/;
const YEAR = /^(\d{4})$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthsSpan(year: number, firstMonth: number, lastMonth: number): DaySpan {
  return {
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
  };
}

/** The span a release value covers, or undefined when it is not a release value. */
export function releaseSpan(value: string): DaySpan | undefined {
  let m = DAY.exec(value);
  if (m) return { start: value, end: value };
  m = MONTH.exec(value);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? monthsSpan(Number(m[1]), month, month) : undefined;
  }
  m = QUARTER.exec(value);
  if (m) {
    const q = Number(m[2]);
    return monthsSpan(Number(m[1]), q * 3 - 2, q * 3);
  }
  m = HALF.exec(value);
  if (m) return Number(m[2]) === 1 ? monthsSpan(Number(m[1]), 1, 6) : monthsSpan(Number(m[1]), 7, 12);
  m = YEAR.exec(value);
  if (m) return monthsSpan(Number(m[1]), 1, 12);
  return undefined;
}

export function isReleaseValue(value: string): boolean {
  return releaseSpan(value) !== undefined;
}

/** True when `inner` lies wholly inside `outer` and is narrower: a more precise value. */
export function refines(inner: string, outer: string): boolean {
  const a = releaseSpan(inner);
  const b = releaseSpan(outer);
  if (!a || !b) return false;
  const within = a.start >= b.start && a.end <= b.end;
  return within && (a.start !== b.start || a.end !== b.end);
}
