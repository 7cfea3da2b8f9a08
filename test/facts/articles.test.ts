import { beforeAll, describe, expect, test } from 'vitest';
import { describeClaim, extractClaims } from '../../src/facts/extract.ts';
import { assessRelevance } from '../../src/facts/relevance.ts';
import { loadShowPack, type ShowPack } from '../../src/facts/show-pack.ts';
import type { FeedItem } from '../../src/feeds/types.ts';

let pack: ShowPack;
beforeAll(async () => {
  pack = await loadShowPack(new URL('../../config/shows/all-of-us-are-dead.json', import.meta.url).pathname);
});

const item = (title: string, text: string, published: string): FeedItem => ({ feedUrl: 'f', id: title, link: 'https://news.example/x', title, text, published: `${published}T06:00:00Z`, outlet: 'news.example' });
const summary = (i: FeedItem): string[] => extractClaims(i, pack).map((c) => `${c.kind}|${c.subject ?? ''}|${c.value}|${c.confidence}`).sort();

describe('whole articles', () => {

  test("a newsletter's item about another show keeps its people and roles, and the next item's new names are new", () => {
    const a = item('Issue #88: a finale, and the zombie sequel fills its classroom', [
      'The last Squid Game season streams from today, six episodes in all.',
      'Lee Jung-jae wraps up Gi-hun\'s arc, and Roh Jae-won is back as the jittery Nam-gyu.',
      'All of Us Are Dead 2 has a cast, according to News1: Lomon and Cho Yi-hyun return from season one, and the new names are Kim Si-eun and Lee Min-jae.',
    ].join('\n'), '2025-06-27');
    expect(summary(a)).toEqual([
      'cast|Cho Yi-hyun|returning|reported', 'cast|Kim Si-eun|new|reported', 'cast|Lee Min-jae|new|reported', 'cast|Lomon|returning|reported',
    ]);
  });

  test("a release calendar's entries for other shows keep their days, counts and cast to themselves", () => {
    const a = item('Coming up: March 3-9, 2027', [
      'Premiere times in KST and PT; counts are for the whole season.',
      'Wed, March 3 — Lantern Row, season 2 (Netflix)',
      '5 p.m. KST / 12 a.m. PT',
      '8 episodes, all at once',
      'Seo Da-bin returns as the innkeeper.',
      'Fri, March 5 — The Quiet Ward (Disney+)',
      '10 episodes, two a week',
      'Still undated',
      'All of Us Are Dead season 2 (Netflix) is in post-production; no episode count yet.',
    ].join('\n'), '2027-02-28');
    expect(summary(a)).toEqual(['production||post-production|reported']);
  });

  test('a tracker table row is read by its columns: the status column says new, the source column who vouches', () => {
    const a = item('Zombie school S2 tracker: cast confirmed', [
      'Status: Pre-production → Filming. Source: Netflix Korea\'s press note.',
      'Actor: Lee Min-jae; Character: Yong Ma-ru; S2: new; Source: Netflix Korea',
      'Actor: Cho Yi-hyun; Character: Choi Nam-ra; S2: returning; Source: Netflix Korea',
      'Actor: Roh Yoon-seo; Character: —; S2: exited; Source: OSEN',
    ].join('\n'), '2025-07-23');
    const claims = extractClaims({ ...a, title: 'All of Us Are Dead S2 tracker: cast confirmed' }, pack);
    const rows = claims.filter((c) => c.rule === 'table-row').map((c) => `${c.subject}|${c.value}|${c.character ?? ''}|${c.confidence}`).sort();
    expect(rows).toEqual(['Cho Yi-hyun|returning|Choi Nam-ra|official', 'Lee Min-jae|new|Yong Ma-ru|official', 'Roh Yoon-seo|exited||reported']);
    // Only the value after the arrow still holds, and the source line after it vouches for it.
    expect(claims.filter((c) => c.kind === 'production').map((c) => `${c.value}|${c.confidence}`)).toEqual(['filming|official']);
  });

  test('a table that sets shows side by side gives this show only its own column, and a row about the season before gives nothing', () => {
    const a = item('All of Us Are Dead S2 tracker', [
      'Field: Director; All of Us Are Dead S2: Lee Jae-kyoo (Korean press); Sweet Home S2: Lee Eung-bok',
      'Field: Confirmed cast; All of Us Are Dead S2: none announced; Squid Game S2: Lee Jung-jae (Netflix)',
      'Field: Last season; All of Us Are Dead S2: S1 · Jan 28, 2022 · 12 eps; Squid Game S2: S1 · Sep 17, 2021 · 9 eps',
    ].join('\n'), '2023-12-04');
    expect(summary(a)).toEqual(['crew|Lee Jae-kyoo|director|reported']);
  });

  test("a roundup's paragraphs about other shows give this show nothing, even where they name a season two", () => {
    const a = item("TV News Roundup: 'All of Us Are Dead' Season 2 Gets Its Episode Count, 'Lantern Row' Renewed, and More", [
      "The day's shorter television items.",
      "EPISODES All of Us Are Dead season two runs eight episodes, according to Netflix's Tudum page. Tudum's page for Marrow Creek season two lists six.",
      'CASTING Seo Da-bin returns to Lantern Row for season two.',
      'TRAILER Netflix released the trailer for The Quiet Ward, directed by Baek Ha-neul.',
    ].join('\n'), '2026-12-16');
    expect(summary(a)).toEqual(['episodes||8|official']);
  });

  test('a long capitalised title opening a sentence is another show, even when its first word is an everyday one', () => {
    const a = item('The week ahead', 'Last Night In Busan premieres July 10 with six episodes. All of Us Are Dead season 2 is still in post-production.', '2026-06-18');
    expect(summary(a).filter((c) => c.startsWith('episodes') || c.startsWith('release'))).toEqual([]);
  });

  test("a press release that ends on the platform's boilerplate is the platform's word on all it states, except what it says it leaves out", () => {
    const a = item('All of Us Are Dead Season 2 Gets Its Date', [
      'SEOUL, Dec. 9, 2026 /Example Wire/ -- The second season of All of Us Are Dead premieres on February 26, 2027.',
      'The season is now in post-production.',
      'The release does not give an episode count. A Seoul daily reported ten episodes last month.',
      'About Netflix',
      'Netflix is a global entertainment service.',
      'Media contact: Netflix Korea Communications',
    ].join('\n'), '2026-12-09');
    expect(summary(a)).toEqual(['episodes||10|reported', 'production||post-production|official', 'release||2027-02-26|official']);
  });

  test('a cast list the platform named, restated later, is still its word; a name missing from it is not on it', () => {
    const a = item('The four leads of All of Us Are Dead 2, again', 'With the shoot over, a Seoul daily went back over the cast list that Netflix confirmed last July. Park Ji-hu is back as Nam On-jo and Lomon as Lee Su-hyeok.', '2026-02-26');
    expect(summary(a)).toEqual(['cast|Lomon|returning|official', 'cast|Park Ji-hu|returning|official', 'production||wrapped|reported']);
    const b = item('Where is he?', "Seo Ji-hoon is nowhere on the cast list Netflix released for All of Us Are Dead 2, weeks after a daily linked him to it.", '2025-07-24');
    expect(summary(b).filter((c) => c.endsWith('|official'))).toEqual([]);
  });

  test("a count owned by the first season ('the first season's 12 episodes') is not the new season's", () => {
    const a = item('All of Us Are Dead season 2 wraps', 'Filming on the second season of All of Us Are Dead ended on Thursday, Korean outlets reported. Netflix ordered it in 2022, weeks after the first season\'s 12 episodes premiered.', '2026-02-20');
    expect(summary(a).filter((c) => c.startsWith('episodes'))).toEqual([]);
  });

  test("a roundup paragraph that goes on about 'that second season' stays with this show; a slate line led by another title is that title's", () => {
    const a = item("TV News Roundup: 'Lantern Row' Dated, a Zombie Update, and More", [
      'DATED Lantern Row opens April 17 with 16 episodes.',
      'ZOMBIES Lomon, Su-hyeok on All of Us Are Dead, has finished his season 2 scenes, Korean outlets say.',
      'NEW FACES That second season, now in post-production, also adds Lee Min-jae as Yong Ma-ru, familiar from Weak Hero Class 2, Korean outlets reported.',
    ].join('\n'), '2026-03-13');
    expect(summary(a)).toContain('cast|Lee Min-jae|new|reported');
    expect(summary(a).filter((c) => c.startsWith('episodes') || c.startsWith('release'))).toEqual([]);
    const b = item('Netflix Unveils 2027 Korean Series, Led by All of Us Are Dead Season 2', 'The 2027 lineup:\nAll of Us Are Dead Season 2: early 2027\nMarrow Creek Season 2: February 2027, starring Seo Da-bin', '2026-10-21');
    expect(summary(b).filter((c) => c.startsWith('cast'))).toEqual([]);
  });

  test('a sentence calling the report before it untrue takes that report away, headline and all', () => {
    const a = item('Blogger pulls November date after Netflix says no', 'A blogger\'s post saying season 2 of All of Us Are Dead would arrive in November 2026 vanished overnight. Netflix Korea told reporters the report was "simply untrue" and that no date exists.', '2026-05-12');
    expect(summary(a).filter((c) => c.startsWith('release'))).toEqual([]);
  });

  test("'…, it added' speaks with the voice of the sentence before", () => {
    const a = item("Cho Yi-hyun's agency: she is still in it", 'Cho Yi-hyun has not quit season 2 of All of Us Are Dead, her agency said on Monday. She is still filming her part as Choi Nam-ra, it added.', '2025-11-10');
    expect(extractClaims(a, pack).filter((c) => c.kind === 'cast').map((c) => `${c.subject}|${c.value}|${c.confidence}|${c.character ?? ''}`)).toEqual(['Cho Yi-hyun|returning|official|Choi Nam-ra']);
  });

  test('a headline fact whose body says who announced it takes that voice', () => {
    const a = item('All of Us Are Dead season 2 gets a February 26 premiere', 'Netflix announced the date on Tuesday with a teaser poster; the main trailer follows next month.', '2026-12-08');
    expect(summary(a)).toEqual(['release||2027-02-26|official']);
  });

  test('a subheading naming the first season heads a section about it, up to the next subheading', () => {
    const a = item('All of Us Are Dead S2 | Release date, cast and what we know', [
      'Netflix confirmed this week that season 2 has started filming.',
      'Season one at a glance',
      'All 12 episodes arrived on January 28 and topped the charts for weeks.',
      'Fan favourites: Yoo In-soo as Gwi-nam and Lee Yoo-mi as Na-yeon.',
      'Who is back?',
      'Park Ji-hu returns as On-jo, Netflix said.',
    ].join('\n'), '2025-07-24');
    expect(summary(a)).toEqual(['cast|Park Ji-hu|returning|official', 'production||filming|official']);
  });

  test('a Korean sentence that says whose material the news came from vouches for the sentence before', () => {
    const a = item("넷플릭스 라인업 공개…'지금 우리 학교는2' 하반기", "'지금 우리 학교는' 시즌2는 내년 하반기 시청자를 찾는다. 넷플릭스가 이날 낸 보도자료에 담긴 내용이다.", '2026-10-20');
    expect(summary(a)).toEqual(['release||2027-H2|official']);
  });

  test('a fact-check quotes the claim it tests; only a verdict of true lets it stand', () => {
    expect(summary(item('Fact check: is season 2 really dated for November?', 'Claim: Netflix has set season 2 of All of Us Are Dead for November 2026. Verdict: False. The poster going round is fan art, and the streamer has named no date.', '2026-05-01'))).toEqual([]);
    expect(summary(item('[팩트체크] 지우학2 10부작 확정?', "주장: 넷플릭스가 '지금 우리 학교는' 시즌2를 10부작으로 확정했다. 판정: 사실 아님. 회차는 아직 발표되지 않았다.", '2026-05-01'))).toEqual([]);
    expect(summary(item('Fact check: did filming on All of Us Are Dead season 2 end in February?', 'Claim: Filming on season 2 of All of Us Are Dead ended in February. Verdict: True. A Seoul daily reported the wrap and nobody has disputed it.', '2026-03-01')))
      .toContain('production||wrapped|reported');
  });

  test("a headline that names another show only to say who someone is (\"Squid Game's Nam-gyu\") leaves the article on this show", () => {
    const a = item("TRIGGER'S LEAD IS JOINING THE ZOMBIE SCHOOL?! Three names 'locked in'", 'Roh Jae-won has joined All of Us Are Dead 2, a Seoul daily reports. The same paper says two first-season leads are back as well: Park Ji-hu and Lomon are both named.', '2025-06-24');
    expect(summary(a)).toEqual(['cast|Lomon|returning|reported', 'cast|Park Ji-hu|returning|reported', 'cast|Roh Jae-won|new|reported']);
  });

  test('a sentence pointing back at news of one kind vouches for that kind only', () => {
    const a = item('Crew news', 'Kim Nam-su will direct the second season of All of Us Are Dead, according to several Korean papers. Netflix, which confirmed the renewal last week, has said nothing about the crew.', '2022-06-20');
    expect(summary(a)).toContain('crew|Kim Nam-su|director|reported');
    expect(summary(a)).not.toContain('crew|Kim Nam-su|director|official');
  });

  test('a fact sheet signed off with the platform as its source is the platform\'s word', () => {
    const a = item('All of Us Are Dead season 2: who is who', 'Back: Lomon as Lee Su-hyeok; Cho Yi-hyun as Choi Nam-ra.\nNew: Roh Jae-won as Han Du-seok.\nSource: Netflix.', '2025-07-24');
    expect(summary(a)).toEqual(['cast|Cho Yi-hyun|returning|official', 'cast|Lomon|returning|official', 'cast|Roh Jae-won|new|official']);
  });

  test('a newsletter item led by another title keeps that title\'s season and episode count', () => {
    const a = item('This week: a spinoff date and a zombie refresher', 'Harbor Nights returns for season two on April 9 with ten episodes. Meanwhile All of Us Are Dead season 2 is still in post-production.', '2026-03-12');
    expect(summary(a).filter((c) => c.startsWith('episodes') || c.startsWith('release'))).toEqual([]);
  });
  test('a headline saying "official" does not beat a body that only suggests', () => {
    const a = item('The second season of All of Us Are Dead gets an official December date',
      'A new report suggests that season 2 of All of Us Are Dead could arrive in December 2026. Netflix has not commented.', '2026-01-05');
    expect(summary(a)).toEqual(['release||2026-12|speculation']);
  });

  test('a headline over a body that does not say it is at most a rumour, unless Netflix is named as the source', () => {
    const body = 'Fans of the zombie series have waited a long time, and the cast keep teasing what comes next on their social media.';
    expect(summary(item('All of Us Are Dead season 2 to premiere in early 2027', body, '2026-03-01')))
      .toEqual(['release||2027-H1|rumor']);
    expect(summary(item('Netflix confirms All of Us Are Dead season 2 premieres in January 2027', 'The streamer shared a teaser poster.', '2026-09-01')))
      .toEqual(['release||2027-01|official']);
  });

  test("a headline with no body (a news-search item) is the outlet's report", () => {
    expect(summary(item('All of Us Are Dead season 2 wraps filming', '', '2026-02-20'))).toEqual(['production||wrapped|reported']);
    expect(summary(item('All of Us Are Dead season 2 may premiere in early 2027', '', '2026-03-01'))).toEqual(['release||2027-H1|speculation']);
  });

  test('a weekday that is also a show title reads as a day when a date follows it', () => {
    const a = item('Evening bulletin, Wednesday 23 July', 'Netflix says filming has begun on season two of All of Us Are Dead. Lee Jae-kyoo directs again.', '2025-07-23');
    expect(summary(a).filter((c) => c.startsWith('crew|Lee Jae-kyoo|director|'))).toHaveLength(1);
  });

  test('an official named by role, or as "it", speaks through the pronoun of the next sentence', () => {
    expect(summary(item("Netflix's Korea chief on the zombie sequel", 'We spoke on Monday with the vice president of Korean content at Netflix. She said the second season of All of Us Are Dead runs to nine episodes.', '2026-10-01')))
      .toEqual(['episodes||9|official']);
    // "for May" is the month, and "and said a trailer could follow" is a second statement with its own hedge.
    expect(summary(item('Netflix sets its 2027 slate', 'Netflix unveiled its Korean series for 2027 on Tuesday. It slotted All of Us Are Dead season 2 for May and said a trailer could follow in April.', '2026-11-10')))
      .toEqual(['release||2027-05|official']);
  });

  test('a dated table read told beside the shoot it began is no stage of its own', () => {
    expect(summary(item('Cameras roll on season 2', "Cameras are rolling on season 2 of All of Us Are Dead, Netflix said on Tuesday, sharing footage from Monday's table read.", '2025-07-23')))
      .toEqual(['production||filming|official']);
  });

  test('a sentence that names nobody takes "he" or "she" from the person the sentence before was about', () => {
    expect(summary(item('Season 2 newcomers', 'Noh Jae-won, who played Nam-gyu in Squid Game, joins the second season of All of Us Are Dead. He plays Han Du-seok, an intelligence officer.', '2025-07-23')))
      .toEqual(['cast|Roh Jae-won|new|reported']);
    expect(extractClaims(item('Season 2 newcomers', 'Noh Jae-won, who played Nam-gyu in Squid Game, joins the second season of All of Us Are Dead. He plays Han Du-seok, an intelligence officer.', '2025-07-23'), pack)[0]?.character).toBe('Han Du-seok');
    expect(summary(item('Roh Yoon-seo out', "OSEN had news on Wednesday about Roh Yoo-seo and the second season of All of Us Are Dead. Scheduling clashes mean she won't appear, per the report.", '2025-05-14')))
      .toEqual(['cast|Roh Yoon-seo|exited|reported']);
  });

  test("a quoted title followed by the season's number names the season", () => {
    expect(summary(item("'All of Us Are Dead' 2 adds two actresses", 'Kim Si-eun and Yoon Ga-yi join the zombie skein as So Ju-ran and Lee Jong-ah, respectively, Netflix confirmed.', '2025-07-23')))
      .toEqual(['cast|Kim Si-eun|new|official', 'cast|Yoon Ga-i|new|official']);
  });

  test("'today' is the outlet's own day, in the zone it dated the article", () => {
    const late = { ...item('Cameras stop on season 2', 'The cast and crew of All of Us Are Dead filmed their final scenes of season 2 today, according to Korean media.', '2026-02-20'), published: '2026-02-20T03:40:00.000Z', utcOffsetMinutes: -300 };
    expect(extractClaims(late, pack).find((c) => c.kind === 'production')?.date).toBe('2026-02-19');
  });

  test('a sentence that points back at the season just after one about another show is that show\'s', () => {
    expect(summary(item('Netflix K-drama roundup', 'All of Us Are Dead season 2 is still filming. Zombie fans have Sweet Home 3 to look forward to first. The final season arrives on July 19 with eight episodes.', '2024-05-25')))
      .toEqual(['production||filming|reported']);
  });

  test("a headline's year that the body gives to the shoot is no release", () => {
    expect(summary(item('All of Us Are Dead sequel pushed to 2025', "Shooting on Netflix's zombie sequel will not start before 2025, according to a report in the Korean press.", '2024-05-23'))).toEqual([]);
  });

  test('"she" before anyone named, or after a correction, is the person the sentence before was about', () => {
    const joins = extractClaims(item('Season 2 newcomers', 'Kim Si-eun joins the second season of All of Us Are Dead. She will play Ju-ran, while Roh Jae-won takes the part of Du-seok.', '2025-07-23'), pack);
    expect(joins.map((c) => [c.subject, c.character])).toEqual([['Kim Si-eun', 'So Ju-ran'], ['Roh Jae-won', 'Han Du-seok']]);
    const corrected = extractClaims(item('All of Us Are Dead 2: the new faces, corrected', "Correction: an earlier version of this story said Kim Si-eun plays Lee Jong-ah. She plays So Ju-ran; Jong-ah is Yoon Ga-i's part.", '2025-07-24'), pack);
    expect(corrected.find((c) => c.subject === 'Kim Si-eun')?.character).toBe('So Ju-ran');
  });

  test("a live-updated article is read down to its earlier versions, which were news on their own dates", () => {
    expect(summary(item('Everything we know about season 2', "Netflix confirmed on Tuesday that filming has begun on All of Us Are Dead season 2. Update of June 24, 2025 Netflix hasn't confirmed any of it, but News1 says Roh Jae-won has joined.", '2025-07-23')))
      .toEqual(['production||filming|official']);
  });

  test('a season 1 retrospective yields nothing about season 2', () => {
    const a = item('Why All of Us Are Dead still matters', 'All of Us Are Dead premiered on January 28, 2022 and ran for 12 episodes. Park Ji-hu plays Nam On-jo and Lomon plays Lee Su-hyeok. Director Lee Jae-kyoo shot it in 2020.', '2023-03-01');
    expect(summary(a)).toEqual([]);
  });

  test('an article about another show lends none of its facts', () => {
    const a = item('Beauty in the Beast begins filming with Lomon',
      "Lomon, who played Lee Su-hyeok in All of Us Are Dead, has been cast in Beauty in the Beast. The drama began filming in January and is expected to premiere in late 2026. Squid Game season 3 arrives June 27.", '2026-01-20');
    expect(assessRelevance(a, pack).relevant).toBe(false);
    expect(summary(a)).toEqual([]);
  });

  test('the cast list inherits the cue of the sentence before it', () => {
    const a = item('All of Us Are Dead season 2 cast', 'Netflix confirmed that four stars of season 1 are coming back. These include Lomon, Cho Yi-hyun, Park Ji-hoo and Yoon Chan-young.', '2025-07-23');
    expect(summary(a)).toEqual([
      'cast|Cho Yi-hyun|returning|official', 'cast|Lomon|returning|official', 'cast|Park Ji-hu|returning|official', 'cast|Yoon Chan-young|returning|official',
    ]);
  });

  test('duplicates within one article keep the strongest wording', () => {
    const a = item('Season 2 of All of Us Are Dead wraps',
      'Filming on season 2 has reportedly wrapped. Netflix confirmed that season 2 wrapped filming on February 19. Season 2 has wrapped filming.', '2026-02-22');
    const claims = extractClaims(a, pack);
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ kind: 'production', value: 'wrapped', confidence: 'official', date: '2026-02-19' });
    expect(claims[0]?.evidence).toMatchObject({ itemUrl: 'https://news.example/x', outlet: 'news.example', title: a.title });
    expect(describeClaim(claims[0]!)).toBe('production wrapped on 2026-02-19 (official) — "Netflix confirmed that season 2 wrapped filming on February 19." [rule stage:wrapped; said by Netflix]');
  });
});

describe('what a whole article lends its sentences', () => {
  test.each([
    {
      why: 'an official lead makes the plain cast list under it official',
      title: 'Netflix unveils the season 2 line-up of All of Us Are Dead',
      text: 'SEOUL, Aug. 2 -- Netflix officially announced the cast of the second season of "All of Us Are Dead" on Saturday.\nPark Ji-hu and Lomon return. Kang Da-bin joins them.',
      date: '2025-08-02',
      want: ['cast|Kang Da-bin|new|official', 'cast|Lomon|returning|official', 'cast|Park Ji-hu|returning|official'],
    },
    {
      why: 'an article that says nothing is confirmed lends no authority, whatever its lead',
      title: 'All of Us Are Dead season 2 cast taking shape',
      text: 'Netflix officially announced a second season of All of Us Are Dead in 2022.\nPark Ji-hu returns, according to industry reports. Netflix has yet to confirm the cast.',
      date: '2025-06-01',
      want: ['cast|Park Ji-hu|returning|reported', 'production||announced|official', 'renewal||renewed|official'],
    },
    {
      why: 'a one-sentence opening paragraph and the next paragraph naming who broke that news form the lead',
      title: 'Season 2 of All of Us Are Dead is shooting',
      text: 'The second season of All of Us Are Dead is now in production.\nNetflix shared the news Monday alongside set photos.\nLee Min-jae and Kim Si-eun join the cast.',
      date: '2025-07-22',
      want: ['cast|Kim Si-eun|new|official', 'cast|Lee Min-jae|new|official', 'production||filming|official'],
    },
    {
      why: "'It also confirmed' carries the official voice of the sentence before",
      title: 'All of Us Are Dead season 2 trailer date set',
      text: 'Director Lee Jae-kyoo met the press in Seoul on Monday.\nNetflix will reveal the season 2 trailer on January 8. It also confirmed that season 2 runs eight episodes.\nFans have theories. They said the season runs twelve episodes.',
      date: '2026-12-20',
      want: ['episodes||8|official'],
    },
    {
      why: "a platform that will only 'announce once it is settled' lends its authority to nothing",
      title: "'지금 우리 학교는' 시즌2 출연진 윤곽",
      text: "스타뉴스에 따르면 노재원이 '지금 우리 학교는' 시즌2에 새롭게 합류한다. 시즌1의 로몬도 다시 출연한다. 넷플릭스 관계자는 \"결정되면 알리겠다\"며 말을 아꼈다.",
      date: '2025-06-20',
      want: ['cast|Lomon|returning|reported', 'cast|Roh Jae-won|new|reported'],
    },
    {
      why: "a paragraph headed by another show's title alone is that show's entry in a list",
      title: 'Season 2 of All of Us Are Dead has wrapped: what to watch meanwhile',
      text: 'Filming on All of Us Are Dead season 2 wrapped last week, Korean outlets report.\nKingdom. Both seasons, six episodes apiece, and the period zombies still scare.',
      date: '2026-02-24',
      want: ['production||wrapped|reported'],
    },
    {
      why: 'a question in the headline tells nothing; the rest of the headline still does',
      title: 'All of Us Are Dead 2 pushed to 2028? Netflix says no',
      text: 'Fans have been sharing an unsourced post.',
      date: '2026-07-01',
      want: [],
    },
    {
      why: 'the statement in a paragraph covers that paragraph only',
      title: 'All of Us Are Dead season 2 adds two faces',
      text: 'Kang Da-bin joins All of Us Are Dead season 2, StarNews reported on Friday.\nThe streamer said filming on season 2 has started. Seo Ji-hoon joins the cast.',
      date: '2025-08-10',
      want: ['cast|Kang Da-bin|new|reported', 'cast|Seo Ji-hoon|new|official', 'production||filming|official'],
    },
    {
      why: 'a story headlined about another show gives nothing from sentences that do not name this one',
      title: 'Meet the new faces of Sweet Home season 3',
      text: 'The new season arrives on Netflix on July 19. Newcomers include Kang Da-bin and Seo Ji-hoon. Meanwhile the All of Us Are Dead fandom is still waiting for its second season.',
      date: '2024-07-01',
      want: [],
    },
    {
      why: 'an article keeps its furthest stage and the wrap told beside it, not the filming it looks back on',
      title: 'All of Us Are Dead season 2 moves into post-production',
      text: 'Filming on the second season of All of Us Are Dead wrapped last week after cameras first rolled in July. The sequel is now in post-production.',
      date: '2026-02-25',
      want: ['production||post-production|reported', 'production||wrapped|reported'],
    },
    {
      why: 'a superseded plan next to the new one leaves only the new one',
      title: 'All of Us Are Dead season 2 now aims for 2027',
      text: 'The producers had earlier talked of a release in late 2026, but the long shoot has pushed that plan back. According to the production company, season 2 is now expected to premiere in 2027.',
      date: '2026-03-10',
      want: ['release||2027|reported'],
    },
    {
      why: 'of two equally sure release windows, the article means the one it ends on',
      title: 'When will the second season of All of Us Are Dead come out?',
      text: 'A December 2026 date might happen, some outlets said last year. With Netflix leaving the show off its 2026 slate, most watchers now think the zombie drama could land in the first half of 2027 instead.',
      date: '2026-02-01',
      want: ['release||2027-H1|speculation'],
    },
    {
      why: 'a surer release value beats a later, vaguer one in the same article',
      title: 'All of Us Are Dead season 2 gets a date',
      text: 'Netflix announced on Tuesday that All of Us Are Dead season 2 premieres on March 12, 2027. Some fans had guessed it might come out in early 2027.',
      date: '2026-10-06',
      want: ['release||2027-03-12|official'],
    },
    {
      why: 'a renewal story that recaps who made and starred in the first season casts and credits nobody for the second',
      title: 'Netflix orders a second season of All of Us Are Dead',
      text: 'The high-school zombie thriller has been renewed for season 2, as announced by Netflix during its Tudum fan event.\nThe first season arrived in January and spent weeks in the global top 10.\nThe show starred Park Ji-hu, Lomon and Yoo In-soo. Kim Nam-su and Lee Jae-kyoo directed the show, which was scripted by Chun Sung-il.',
      date: '2022-06-08',
      want: ['production||announced|official', 'renewal||renewed|official'],
    },
    {
      why: 'a fan-imagined line-up casts nobody, even with season 2 in every sentence',
      title: 'Fans pick their dream cast for a grown-up All of Us Are Dead season 2',
      text: 'A fan-made post imagining an adult season 2 has gone viral.\nIn it, Han Ye-ri plays Nam On-jo (Park Ji-hu) and Kang Ha-neul is cast as Lee Su-hyeok (Lomon) in season 2.',
      date: '2022-03-01',
      want: [],
    },
    {
      why: 'a table read shown by Netflix casts everyone reading, new or returning as the pack knows them',
      title: 'All of Us Are Dead season 2 begins production at Netflix',
      text: 'Netflix shared a clip on Wednesday of the season 2 table read.\nOn screen, Kim Si-eun, Lomon and Yoon Ga-i read their season 2 scripts before Netflix announces that the new season is now in production.',
      date: '2025-07-23',
      want: ['cast|Kim Si-eun|new|official', 'cast|Lomon|returning|official', 'cast|Yoon Ga-i|new|official', 'production||filming|official'],
    },
    {
      why: 'a release guess framed by how long post-production takes is no post-production stage',
      title: 'When could All of Us Are Dead season 2 arrive?',
      text: 'Filming for season 2 has been under way since July.\nGiven the long post-production schedule that effects-heavy shows need, a premiere in late 2026 is a realistic estimate.',
      date: '2025-11-05',
      want: ['production||filming|reported', 'release||2026-H2|speculation'],
    },
  ])('$why', ({ title, text, date, want }) => {
    expect(summary(item(title, text, date))).toEqual(want);
  });
});

describe('relevance', () => {
  test.each([
    ['All of Us Are Dead season 2 wraps filming', 'The zombie series is done shooting.', true, 'tracked'],
    ['ALL OF US ARE DEAD 2: new stills', 'Netflix shared stills.', true, 'tracked'],
    ['지금 우리 학교는 시즌2 촬영 종료', '넷플릭스 시리즈', true, 'tracked'],
    ['Ten K-dramas to binge', 'Shows like Squid Game, All of Us Are Dead and Sweet Home keep Netflix busy.', false, 'unknown'],
    ['Squid Game season 3 review', 'Unlike All of Us Are Dead, Squid Game has no zombies.', false, 'unknown'],
    ['Park Ji-hu talks about her new film', 'The All of Us Are Dead star opened up. She said All of Us Are Dead changed her life.', true, 'unknown'],
    ['All of Us Are Dead tops charts in 2022', 'The first season was watched by millions.', true, 'earlier'],
  ])('%s', (title, text, relevant, season) => {
    const r = assessRelevance(item(title, text, '2026-01-01'), pack);
    expect(r.relevant).toBe(relevant);
    expect(r.season).toBe(season);
    expect(r.reason).toMatch(/mentions 'All of Us Are Dead'|never mentions/);
  });

  test('the reason is written for people', () => {
    const r = assessRelevance(item('All of Us Are Dead season 2 update', 'All of Us Are Dead is back. Filming of All of Us Are Dead ended.', '2026-02-22'), pack);
    expect(r.reason).toBe("mentions 'All of Us Are Dead' 3 times, in the headline, season 2 in the headline");
  });
});
