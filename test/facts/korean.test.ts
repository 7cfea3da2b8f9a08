import { beforeAll, describe, expect, test } from 'vitest';
import { extractClaims } from '../../src/facts/extract.ts';
import { assessRelevance } from '../../src/facts/relevance.ts';
import { loadShowPack, type ShowPack } from '../../src/facts/show-pack.ts';
import { findPeople, findCharacters } from '../../src/facts/names.ts';
import { findKoreanDates } from '../../src/facts/ko/dates.ts';
import { splitKoreanClauses, splitKoreanSentences, stripKoreanDateline } from '../../src/facts/ko/sentences.ts';
import { isKorean } from '../../src/facts/ko/hangul.ts';
import { wholeKoreanWord } from '../../src/facts/ko/particles.ts';
import { seasonOf } from '../../src/facts/scope.ts';
import type { FeedItem } from '../../src/feeds/types.ts';

let pack: ShowPack;
beforeAll(async () => {
  pack = await loadShowPack(new URL('../../config/shows/all-of-us-are-dead.json', import.meta.url).pathname);
});

type Want = [kind: string, subject: string | null, value: string, confidence: string, extra?: { date?: string; character?: string }];

// Each sentence sits in a season 2 article; only what that sentence claims is compared.
const CASES: Array<[date: string, sentence: string, want: Want[]]> = [
  // production
  ['2025-07-16', "넷플릭스 시리즈 '지금 우리 학교는' 시즌2가 지난 14일 경기도 모처에서 첫 촬영을 시작했다.", [['production', null, 'filming', 'reported', { date: '2025-07-14' }]]],
  ['2025-07-16', "업계 관계자에 따르면 '지우학2'는 이달 초 크랭크인해 현재 촬영이 한창이다.", [['production', null, 'filming', 'reported']]],
  ['2025-06-10', "'지금 우리 학교는' 시즌2는 다음 달 촬영에 돌입할 예정이다.", []],
  ['2026-02-20', "'지금 우리 학교는' 시즌2가 지난 19일 모든 촬영을 마쳤다.", [['production', null, 'wrapped', 'reported', { date: '2026-02-19' }]]],
  ['2026-02-21', "넷플릭스 측은 \"'지금 우리 학교는' 시즌2 촬영이 무사히 마무리됐다\"고 밝혔다.", [['production', null, 'wrapped', 'official']]],
  ['2026-02-20', "'지금 우리 학교는2' 19일 크랭크업.", [['production', null, 'wrapped', 'reported']]],
  ['2026-02-24', '제작진은 현재 시즌2의 후반 작업에 한창이다.', [['production', null, 'post-production', 'reported']]],
  ['2026-02-22', "'지금 우리 학교는' 시즌2는 현재 후반작업 중이다.", [['production', null, 'post-production', 'reported']]],
  ['2026-02-20', '제작진은 곧 후반 작업에 들어갈 예정이며, 공개 시점은 아직 확정되지 않았다.', []],
  ['2024-04-10', "'지금 우리 학교는' 시즌2는 현재 캐스팅 작업이 진행 중이다.", [['production', null, 'pre-production', 'reported']]],
  ['2025-01-10', "'지금 우리 학교는' 시즌2는 사전 제작 단계에 있다.", [['production', null, 'pre-production', 'reported']]],
  // "오늘 … 스트리밍을 시작했다": released, and today is the day.
  ['2027-03-12', "'지금 우리 학교는' 시즌2가 오늘 넷플릭스에서 스트리밍을 시작했다.", [['production', null, 'released', 'reported'], ['platform', null, 'Netflix', 'reported'], ['release', null, '2027-03-12', 'reported']]],
  ['2026-03-01', "넷플릭스가 '지금 우리 학교는' 시즌2 티저 예고편을 공개했다.", []],
  ['2026-03-10', "로몬은 앞서 넷플릭스 '지금 우리 학교는' 시즌2 촬영을 마쳤다.", []],
  // renewal
  ['2022-06-11', "넷플릭스는 '지금 우리 학교는' 시즌2 제작을 확정했다고 밝혔다.", [['renewal', null, 'renewed', 'official'], ['production', null, 'announced', 'official']]],
  ['2022-06-08', "넷플릭스는 '지금 우리 학교는'의 두 번째 시즌 제작을 결정했다.", [['renewal', null, 'renewed', 'official'], ['production', null, 'announced', 'official']]],
  ['2022-03-01', '이재규 감독은 시즌2 제작 여부는 아직 정해진 바 없다고 말했다.', []],
  ['2024-05-01', "'지금 우리 학교는' 시즌2 제작이 무산됐다는 소문은 사실무근이다.", []],
  // release
  ['2026-09-01', "넷플릭스는 '지금 우리 학교는' 시즌2를 2027년 3월 12일 공개한다고 밝혔다.", [['release', null, '2027-03-12', 'official']]],
  ['2026-03-05', "'지금 우리 학교는' 시즌2는 2027년 상반기 공개될 것으로 보인다.", [['release', null, '2027-H1', 'speculation']]],
  ['2026-03-05', '관계자에 따르면 시즌2는 내년 초 공개를 목표로 하고 있다.', [['release', null, '2027-H1', 'reported']]],
  ['2026-01-27', "'지금 우리 학교는' 시즌2는 올해 말 넷플릭스를 통해 공개될 예정인 것으로 알려졌다.", [['release', null, '2026-H2', 'reported'], ['platform', null, 'Netflix', 'reported']]],
  ['2026-10-01', '시즌2는 다음 달 공개된다.', [['release', null, '2026-11', 'reported']]],
  ['2026-05-01', '업계에서는 시즌2가 연내 공개될 가능성이 높다는 전망이 나온다.', [['release', null, '2026', 'speculation']]],
  ['2026-05-01', '시즌2는 2027년 1분기 공개가 유력하다는 소문이 돌고 있다.', [['release', null, '2027-Q1', 'speculation']]],
  ['2026-07-01', '후속편은 2027년 하반기 공개 예정이다.', [['release', null, '2027-H2', 'reported']]],
  ['2026-01-12', "'지금 우리 학교는' 시즌2가 2027년 초 공개된다는 이야기가 나왔다.", [['release', null, '2027-H1', 'rumor']]],
  ['2026-04-01', "'지금 우리 학교는' 시즌2의 공개 일정은 미정이다.", []],
  ['2026-07-01', '시즌2가 올해 안에 공개될지는 미지수다.', []],
  ['2024-01-31', "'지금 우리 학교는'은 2022년 1월 공개돼 전 세계적인 인기를 끌었다.", []],
  // cast
  ['2025-06-24', "배우 이민재가 '지금 우리 학교는' 시즌2에 합류한다.", [['cast', 'Lee Min-jae', 'new', 'reported']]],
  ['2025-06-24', "방송가에 따르면 김시은은 '지금 우리 학교는' 시즌2에 새롭게 합류하는 것으로 알려졌다.", [['cast', 'Kim Si-eun', 'new', 'rumor']]],
  ['2025-06-24', "윤가이와 노재원이 '지금 우리 학교는' 시즌2에 캐스팅됐다.", [['cast', 'Yoon Ga-i', 'new', 'reported'], ['cast', 'Roh Jae-won', 'new', 'reported']]],
  ['2025-06-24', "이민재가 '지금 우리 학교는' 시즌2 출연을 확정했다.", [['cast', 'Lee Min-jae', 'new', 'official']]],
  ['2025-06-24', '박지후는 시즌2에서 남온조 역을 다시 맡는다.', [['cast', 'Park Ji-hu', 'returning', 'reported', { character: 'Nam On-jo' }]]],
  ['2025-07-23', '남온조 역의 박지후, 이청산 역의 윤찬영도 다시 돌아온다.', [['cast', 'Park Ji-hu', 'returning', 'reported', { character: 'Nam On-jo' }], ['cast', 'Yoon Chan-young', 'returning', 'reported', { character: 'Lee Cheong-san' }]]],
  ['2025-06-24', '윤찬영은 시즌2에 재출연한다.', [['cast', 'Yoon Chan-young', 'returning', 'reported']]],
  ['2025-06-24', "조이현 역시 '지우학2'로 컴백한다.", [['cast', 'Cho Yi-hyun', 'returning', 'reported']]],
  ['2025-06-24', "로몬 소속사 측은 \"로몬이 '지금 우리 학교는' 시즌2 출연을 확정했다\"고 밝혔다.", [['cast', 'Lomon', 'returning', 'official']]],
  ['2025-09-01', '전작에서 이수혁을 연기한 로몬은 후속편에서도 같은 역을 맡는다.', [['cast', 'Lomon', 'returning', 'reported']]],
  ['2025-06-24', '새 학기와 함께 시즌2에는 용마루 역의 이민재가 합류한다.', [['cast', 'Lee Min-jae', 'new', 'reported', { character: 'Yong Ma-ru' }]]],
  ['2025-07-23', '시즌1의 박지후, 윤찬영, 조이현, 로몬이 다시 출연하고 이민재, 김시은, 노재원, 윤가이가 새롭게 합류한다.', [
    ['cast', 'Park Ji-hu', 'returning', 'reported'], ['cast', 'Yoon Chan-young', 'returning', 'reported'], ['cast', 'Cho Yi-hyun', 'returning', 'reported'], ['cast', 'Lomon', 'returning', 'reported'],
    ['cast', 'Lee Min-jae', 'new', 'reported'], ['cast', 'Kim Si-eun', 'new', 'reported'], ['cast', 'Roh Jae-won', 'new', 'reported'], ['cast', 'Yoon Ga-i', 'new', 'reported'],
  ]],
  ['2025-07-23', '대본 리딩에는 박지후, 조이현, 이민재가 참석했다.', [['production', null, 'pre-production', 'reported'], ['cast', 'Park Ji-hu', 'returning', 'reported'], ['cast', 'Cho Yi-hyun', 'returning', 'reported'], ['cast', 'Lee Min-jae', 'new', 'reported']]],
  ['2025-06-24', '최남라 역의 조이현은 시즌2에도 출연할 가능성이 높다는 관측이 나온다.', [['cast', 'Cho Yi-hyun', 'returning', 'speculation', { character: 'Choi Nam-ra' }]]],
  ['2025-05-14', "노윤서가 '지금 우리 학교는' 시즌2에서 하차한다.", [['cast', 'Roh Yoon-seo', 'exited', 'reported']]],
  ['2025-05-14', '노윤서는 이번 시즌2에 불참한다.', [['cast', 'Roh Yoon-seo', 'exited', 'reported']]],
  ['2025-05-14', '노윤서는 주연 제안을 받고 논의를 이어왔으나 최종적으로 고사했다.', [['cast', 'Roh Yoon-seo', 'exited', 'reported']]],
  ['2025-09-01', '첫 시즌에 출연했던 유인수는 시즌2에 출연하지 않는다.', [['cast', 'Yoo In-soo', 'exited', 'reported']]],
  ['2024-01-31', "노윤서는 '지금 우리 학교는' 시즌2 출연 제안을 받고 긍정적으로 검토 중이다.", []],
  ['2025-06-24', '박지후가 시즌2 합류를 긍정 검토 중이다.', []],
  ['2024-01-31', '소속사 측은 "제안을 받은 작품 중 하나일 뿐 결정된 바 없다"고 밝혔다.', []],
  ['2025-06-24', "노윤서가 '지금 우리 학교는' 시즌2에 출연한다는 보도는 사실이 아니다.", []],
  ['2025-06-24', "노재원은 '오징어 게임' 시즌2에 출연해 얼굴을 알렸다.", []],
  ['2025-06-24', "이민재는 '약한영웅 Class 2'에서 활약했다.", []],
  ['2025-06-24', '시즌1에는 박지후, 윤찬영, 조이현, 로몬 등이 출연했다.', []],
  // crew
  ['2025-07-23', '이재규·김남수 감독이 연출을, 천성일 작가가 극본을 맡았다.', [['crew', 'Lee Jae-kyoo', 'director', 'reported'], ['crew', 'Kim Nam-su', 'director', 'reported'], ['crew', 'Chun Sung-il', 'writer', 'reported']]],
  ['2025-07-23', '시즌2 연출은 시즌1에 이어 이재규 감독이 맡는다.', [['crew', 'Lee Jae-kyoo', 'director', 'reported']]],
  ['2025-07-23', '천성일 작가가 이번에도 극본을 집필한다.', [['crew', 'Chun Sung-il', 'writer', 'reported']]],
  ['2025-07-23', '이재규 감독이 다시 한 번 메가폰을 잡는다.', [['crew', 'Lee Jae-kyoo', 'director', 'reported']]],
  ['2022-08-01', '천성일 작가가 시즌2 집필에 나선 것으로 알려졌다.', [['crew', 'Chun Sung-il', 'writer', 'reported']]],
  ['2025-07-23', '시즌1을 연출한 이재규 감독은 인터뷰에서 소감을 전했다.', []],
  // a credit label before each name, the writer's first
  ['2025-08-02', "넷플릭스는 '지금 우리 학교는' 시즌2(각본 천성일, 연출 김남수)의 촬영이 한창이라고 전했다.", [['production', null, 'filming', 'official'], ['crew', 'Chun Sung-il', 'writer', 'official'], ['crew', 'Kim Nam-su', 'director', 'official']]],
  // episodes
  ['2025-09-01', "'지금 우리 학교는' 시즌2는 총 8부작으로 구성된다.", [['episodes', null, '8', 'reported']]],
  ['2026-01-01', "'지금 우리 학교는' 시즌1은 12부작으로 공개됐다.", []],
];

describe('one Korean sentence in a season 2 article', () => {
  test.each(CASES)('%s %s', (date, sentence, want) => {
    const item: FeedItem = { feedUrl: 'f', id: 'i', link: 'https://news.example/ko', title: '', text: `${sentence}\n'지금 우리 학교는' 시즌2를 기다리는 팬들이 많다.`, published: `${date}T09:00:00Z` };
    const claims = extractClaims(item, pack).filter((c) => c.evidence.sentence === sentence);
    expect(claims.map((c) => [c.kind, c.subject, c.value, c.confidence]).sort()).toEqual(want.map((w) => w.slice(0, 4)).sort());
    for (const [kind, subject, value, , extra] of want) {
      const c = claims.find((x) => x.kind === kind && x.subject === subject && x.value === value);
      if (extra?.date) expect(c?.date).toBe(extra.date);
      if (extra?.character) expect(c?.character).toBe(extra.character);
    }
  });
});

describe('Korean dates, relative to the article', () => {
  const clock = { year: 2026, month: 10, day: 1 };
  test.each([
    ['2027년 3월 12일 공개', '2027-03-12'],
    ['2027년 3월 공개', '2027-03'],
    ['2027년 상반기', '2027-H1'],
    ['2027년 하반기', '2027-H2'],
    ['2027년 초', '2027-H1'],
    ['2027년 말', '2027-H2'],
    ['2027년 1분기', '2027-Q1'],
    ['내년 상반기', '2027-H1'],
    ['내년', '2027'],
    ['올해 말', '2026-H2'],
    ['연내', '2026'],
    ['다음 달', '2026-11'],
    ['내년 봄', '2027-Q2'],
    ['12월 중순', '2026-12'],
  ])('%s → %s', (text, value) => {
    expect(findKoreanDates(text, clock, 'future').map((d) => d.value)).toEqual([value]);
  });

  test('a month already well past means next year for a release, last year for an event', () => {
    expect(findKoreanDates('3월 공개', clock, 'future')[0]?.value).toBe('2027-03');
    expect(findKoreanDates('지난해 7월 촬영을 시작', clock, 'past')[0]?.value).toBe('2025-07');
  });

  test('digits after 시즌 and counts of months are no dates', () => {
    expect(findKoreanDates('시즌2 7개월 만에', clock, 'future')).toEqual([]);
  });
});

describe('Korean sentences and clauses', () => {
  test('sentences end in a verb ending and a full stop, also with no space after it', () => {
    expect(splitKoreanSentences('시즌2가 촬영을 마쳤다.제작진은 후반 작업에 들어간다. 공개는 언제일까? 팬들은 기다린다'))
      .toEqual(['시즌2가 촬영을 마쳤다.', '제작진은 후반 작업에 들어간다.', '공개는 언제일까?', '팬들은 기다린다']);
  });

  test('a quoted sentence stays inside the sentence that quotes it', () => {
    expect(splitKoreanSentences('소속사 측은 "결정된 바 없다."고 밝혔다. 다음 문장이다.')).toEqual(['소속사 측은 "결정된 바 없다."고 밝혔다.', '다음 문장이다.']);
  });

  test('connective endings break clauses; commas between names do not', () => {
    const s = '박지후, 윤찬영이 다시 출연하고 이민재가 합류하며, 공개 시기는 정해지지 않았다.';
    expect(splitKoreanClauses(s).map((c) => c.text)).toEqual(['박지후, 윤찬영이 다시 출연하고', '이민재가 합류하며', '공개 시기는 정해지지 않았다.']);
  });

  test('wire credits are no part of the first sentence', () => {
    expect(stripKoreanDateline('(서울=연합뉴스) 홍길동 기자 = 넷플릭스가 발표했다.')).toBe('넷플릭스가 발표했다.');
    expect(stripKoreanDateline('[스포츠경향 김기자] 시즌2가 공개됐다.')).toBe('시즌2가 공개됐다.');
  });

  test('Korean text is told from English text', () => {
    expect(isKorean("넷플릭스 'All of Us Are Dead' 시즌2 촬영 시작")).toBe(true);
    expect(isKorean('Netflix confirms 지금 우리 학교는 season 2')).toBe(false);
  });
});

describe('Korean names with particles', () => {
  test.each([
    ['박지후는 돌아온다', 'Park Ji-hu'],
    ['로몬이 합류했다', 'Lomon'],
    ['노윤서가 하차했다', 'Roh Yoon-seo'],
    ['윤가이와 노재원', 'Yoon Ga-i'],
    ['이재규·김남수 감독', 'Lee Jae-kyoo'],
  ])('%s names %s', (text, who) => {
    expect(findPeople(text, pack).map((p) => p.canonical)).toContain(who);
  });

  test('a name inside a longer word is somebody else', () => {
    expect(wholeKoreanWord('김이민재가', 1, 3)).toBe(-1);
    expect(wholeKoreanWord('이민재가족', 0, 3)).toBe(-1);
    expect(wholeKoreanWord('이민재가 합류', 0, 3)).toBe(3);
    expect(findPeople('로몬스터 팬클럽', pack)).toEqual([]);
  });

  test('characters are found by their Korean names', () => {
    expect(findCharacters('남온조 역의 박지후와 이수혁 역의 로몬', pack).map((c) => c.canonical)).toEqual(['Nam On-jo', 'Lee Su-hyeok']);
  });
});

describe('Korean titles and seasons', () => {
  test.each([
    ["'지금 우리 학교는' 시즌2", 'tracked'],
    ['지우학2 촬영', 'tracked'],
    ["'지금 우리 학교는2' 크랭크업", 'tracked'],
    ['두 번째 시즌 제작', 'tracked'],
    ['후속편 공개', 'tracked'],
    ['시즌1 공개 당시', 'earlier'],
    ['첫 시즌의 인기', 'earlier'],
    ['전작의 흥행', 'earlier'],
    ['2022년 1월 공개된 이 작품', 'earlier'],
  ])('%s → %s', (text, scope) => {
    expect(seasonOf(text, pack)).toBe(scope);
  });

  test("another show's season 2 is not this show's", () => {
    expect(seasonOf("'오징어 게임' 시즌2에 출연한 노재원", pack)).toBe('unknown');
  });

  test('an article that names the show by its Korean short title is relevant', () => {
    const item: FeedItem = { feedUrl: 'f', id: 'k', title: '지우학2, 크랭크업', text: '지우학 시즌2가 촬영을 마쳤다.', published: '2026-02-20T05:00:00Z' };
    expect(assessRelevance(item, pack).relevant).toBe(true);
  });
});

describe('whole Korean articles', () => {
  const article = (title: string, text: string, published: string): string[] =>
    extractClaims({ feedUrl: 'f', id: title, link: 'https://news.example/ko', title, text, published: `${published}T03:00:00Z`, outlet: 'news.example' }, pack)
      .map((c) => `${c.kind}|${c.subject ?? ''}|${c.value}|${c.confidence}`).sort();

  test("Netflix's announcement in the lead makes the plain cast list that follows official", () => {
    expect(article("넷플릭스, '지금 우리 학교는' 시즌2 출연진 공개",
      "넷플릭스가 23일 '지금 우리 학교는' 시즌2의 출연진을 공식 발표했다. 이민재와 김시은이 새롭게 합류한다.", '2025-07-23'))
      .toEqual(['cast|Kim Si-eun|new|official', 'cast|Lee Min-jae|new|official']);
  });

  test('an article about another show lends none of its facts, even where it names this one', () => {
    expect(article("로몬, '뷰티 인 더 비스트' 촬영 한창",
      "배우 로몬이 새 드라마 '뷰티 인 더 비스트' 촬영에 한창이다. 로몬은 앞서 '지금 우리 학교는' 시즌2 촬영을 마쳤으며, 공개 시기는 아직 정해지지 않았다.", '2026-03-10'))
      .toEqual([]);
  });

  test('a Korean headline over a body that does not say it is at most a rumour; with no body it is the outlet\'s report', () => {
    const body = '팬들의 기대가 크다. 배우들은 개인 계정에 촬영장 사진을 올리며 근황을 전했고, 제작진은 후속 소식을 곧 알리겠다고 말했다.';
    expect(article("'지금 우리 학교는' 시즌2, 2027년 상반기 공개 확정", body, '2026-05-01')).toEqual(['release||2027-H1|rumor']);
    expect(article("'지금 우리 학교는' 시즌2, 2027년 상반기 공개 확정", '', '2026-05-01')).toEqual(['release||2027-H1|reported']);
  });
});
