import { beforeAll, describe, expect, test } from 'vitest';
import { loadShowPack } from '../../src/facts/show-pack.ts';
import type { ShowPack } from '../../src/facts/show-pack-schema.ts';
import { extractClaims } from '../../src/facts/extract.ts';
import { inKoreanDay } from '../../src/facts/release-time.ts';
import { datesOtherShows, isOtherListEntry } from '../../src/facts/list-entries.ts';
import { seasonOf } from '../../src/facts/scope.ts';

let pack: ShowPack;
beforeAll(async () => {
  pack = await loadShowPack(new URL('../../config/shows/all-of-us-are-dead.json', import.meta.url).pathname);
});

const at = (text: string, value: string, phrase: string) => ({ value, start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });

describe('premiere times are read as the day in Korea', () => {
  test.each([
    ['drops at 5 p.m. KST on July 9', '2027-07-09', 'July 9', '2027-07-09'],
    // July is US daylight time: midnight PDT is 4 p.m. in Seoul the same day.
    ['arrives at midnight PT on July 9', '2027-07-09', 'July 9', '2027-07-09'],
    ['starts at 10 p.m. HST on July 8', '2027-07-08', 'July 8', '2027-07-09'],
    ['opens at 9 a.m. BST on July 9', '2027-07-09', 'July 9', '2027-07-09'],
    // January is US standard time: 12 a.m. PST on January 14 is 5 p.m. on January 14 in Seoul.
    ['lands at 12 a.m. PST on January 14', '2027-01-14', 'January 14', '2027-01-14'],
    ['premieres on July 9', '2027-07-09', 'July 9', '2027-07-09'],
  ])('%s', (text, value, phrase, want) => {
    expect(inKoreanDay(at(text, value, phrase), text)).toBe(want);
  });

  test('months and windows are left as they are', () => {
    expect(inKoreanDay({ value: '2027-07', start: 0, end: 4 }, 'July at 11 p.m. PT')).toBe('2027-07');
  });
});

describe('list entries and slates', () => {
  test.each([
    ['5. Harbor Lights – premieres June 4', true],
    ['Sweet Home: New Dawn – streams from May 14', true],
    ['3. All of Us Are Dead season 2 – premieres March 12', false],
    ['Release date: the new season premieres March 12', false],
    ['Seoul: the cast gathered on Monday', false],
  ])('%s', (line, other) => {
    expect(isOtherListEntry(line, pack)).toBe(other);
  });

  test('an article dating two other shows is a slate; one naming a rival in passing is not', () => {
    expect(datesOtherShows("Kingdom returns Jan. 22.\nHellbound season 3 arrives Feb. 19.\nAll of Us Are Dead season 2 follows.", pack)).toBe(true);
    expect(datesOtherShows('All of Us Are Dead season 2 premieres March 12, a year after Squid Game ended.', pack)).toBe(false);
  });

  test("a slate's unknown titles lend no date to this show", () => {
    const claims = extractClaims({
      feedUrl: 'f', id: 'slate', link: 'https://trade.example/slate', title: 'The streamer dates its 2027 series', published: '2026-12-02T09:00:00Z',
      text: "Kingdom comes back on Jan. 29 and Hellbound season 3 lands Feb. 26.\nAll of Us Are Dead season 2 premieres March 19.\nElsewhere, the courtroom drama 'Gavel', which launches May 7, leads the spring.",
    }, pack);
    expect(claims.filter((c) => c.kind === 'release').map((c) => c.value)).toEqual(['2027-03-19']);
  });
});

describe('the next season', () => {
  test('season 3 markers are a later season', () => {
    expect(seasonOf('Season 3 is in the works', pack)).toBe('later');
    expect(seasonOf('시즌3 제작이 확정됐다', pack)).toBe('later');
    expect(seasonOf('Season 2 ended on a cliffhanger that sets up season 3', pack)).toBe('tracked');
  });

  test("a third-season order is not this season's renewal, nor its schedule", () => {
    const claims = extractClaims({
      feedUrl: 'f', id: 's3', link: 'https://trade.example/s3', title: 'Zombie drama gets third season', published: '2027-05-02T09:00:00Z',
      text: 'The streamer has renewed All of Us Are Dead for a third installment.\nThe third season should begin shooting next spring and is pencilled in for 2029.',
    }, pack);
    expect(claims.filter((c) => c.kind === 'renewal' || c.kind === 'release' || (c.kind === 'production' && c.value !== 'released'))).toEqual([]);
  });
});

describe('episode counts', () => {
  test('a Korean count in parentheses after 시즌1 is the first season’s', () => {
    const claims = extractClaims({
      feedUrl: 'f', id: 'ko', link: 'https://wire.example/ko', title: "'지금 우리 학교는' 시즌2 공개", published: '2027-04-10T09:00:00Z',
      text: '이번 시즌2는 모두 6부작이며, 시즌1(12부작)보다 짧아졌다.',
    }, pack);
    expect(claims.filter((c) => c.kind === 'episodes').map((c) => c.value)).toEqual(['6']);
  });

  test("an official announcement's plain episode count is official", () => {
    const claims = extractClaims({
      feedUrl: 'f', id: 'nf', link: 'https://newsroom.example/s2', title: 'Season 2 trailer', published: '2026-11-12T09:00:00Z',
      text: 'Netflix officially announced the premiere of All of Us Are Dead season 2 today.\nThe new season runs nine episodes.',
    }, pack);
    expect(claims.find((c) => c.kind === 'episodes')).toMatchObject({ value: '9', confidence: 'official' });
  });
});
