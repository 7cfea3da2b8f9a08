import { beforeAll, describe, expect, test } from 'vitest';
import { findCharacters, findPeople, matchPerson } from '../../src/facts/names.ts';
import { loadShowPack, type ShowPack } from '../../src/facts/show-pack.ts';
import { keysOfName } from '../../src/facts/romanization.ts';

let pack: ShowPack;
beforeAll(async () => {
  pack = await loadShowPack(new URL('../../config/shows/all-of-us-are-dead.json', import.meta.url).pathname);
});

describe('matchPerson: every spelling finds its person', () => {
  test.each([
    ['Park Ji-hu', 'Park Ji-hu'], ['Park Ji-hoo', 'Park Ji-hu'], ['Park Ji Hu', 'Park Ji-hu'], ['PARK JIHU', 'Park Ji-hu'],
    ['Ji-hu Park', 'Park Ji-hu'], ['Bak Ji-hu', 'Park Ji-hu'], ['Pak Jihoo', 'Park Ji-hu'], ['박지후', 'Park Ji-hu'],
    ['Yoon Chan-young', 'Yoon Chan-young'], ['Yun Chanyeong', 'Yoon Chan-young'], ['Chan-young Yoon', 'Yoon Chan-young'],
    ['Cho Yi-hyun', 'Cho Yi-hyun'], ['Jo Yi-hyeon', 'Cho Yi-hyun'], ['Cho Yihyun', 'Cho Yi-hyun'],
    ['Lomon', 'Lomon'], ['Park Solomon', 'Lomon'], ['Solomon Park', 'Lomon'], ['LOMON', 'Lomon'],
    ['Roh Jae-won', 'Roh Jae-won'], ['Noh Jae-won', 'Roh Jae-won'], ['No Jaewon', 'Roh Jae-won'], ['Jae Won Roh', 'Roh Jae-won'],
    ['Roh Yoon-seo', 'Roh Yoon-seo'], ['Noh Yun-seo', 'Roh Yoon-seo'],
    ['Lee Jae-kyoo', 'Lee Jae-kyoo'], ['Lee JQ', 'Lee Jae-kyoo'], ['Lee Jae-gyu', 'Lee Jae-kyoo'], ['Yi Jae-kyu', 'Lee Jae-kyoo'], ['Rhee Jaegyu', 'Lee Jae-kyoo'],
    ['Lee Min-jae', 'Lee Min-jae'], ['Min-jae Lee', 'Lee Min-jae'], ['Yi Minjae', 'Lee Min-jae'],
    ['Kim Si-eun', 'Kim Si-eun'], ['Kim Shi-eun', 'Kim Si-eun'], ['Gim Si-eun', 'Kim Si-eun'],
    ['Yoon Ga-i', 'Yoon Ga-i'], ['Yoon Ga-yi', 'Yoon Ga-i'], ['Yun Gai', 'Yoon Ga-i'],
    ['Chun Sung-il', 'Chun Sung-il'], ['Cheon Seong-il', 'Chun Sung-il'], ['천성일', 'Chun Sung-il'],
    ['Lim Jae-hyeok', 'Lim Jae-hyuk'], ['Im Jae-hyuk', 'Lim Jae-hyuk'], ['Yim Jae-hyuk', 'Lim Jae-hyuk'],
    ['Kim Nam-soo', 'Kim Nam-su'], ['Yoo In-su', 'Yoo In-soo'], ['Ham Seung-min', 'Ham Sung-min'],
  ])('%s → %s', (written, canonical) => {
    expect(matchPerson(written, pack)).toBe(canonical);
  });

  test.each(['Park Chan-wook', 'Lee Jung-jae', 'Kim Go-eun', 'Squid Game', 'Netflix', 'Ji-hu'])('%s is nobody in the pack', (written) => {
    expect(matchPerson(written, pack)).toBeUndefined();
  });

  test('no two people in the pack share a key', () => {
    const owner = new Map<string, string>();
    for (const p of pack.people) {
      for (const k of keysOfName(p.name)) {
        expect(owner.get(k) ?? p.name, `${p.name} collides on ${k}`).toBe(p.name);
        owner.set(k, p.name);
      }
    }
  });
});

describe('findPeople in sentences', () => {
  test.each([
    ['Roh Yoon-seo left while Roh Jae-won joined.', ['Roh Yoon-seo', 'Roh Jae-won']],
    ['Yoon Chan-young and Yoon Ga-i shared photos.', ['Yoon Chan-young', 'Yoon Ga-i']],
    ['Lee Min-jae met director Lee Jae-kyoo.', ['Lee Min-jae', 'Lee Jae-kyoo']],
    ["Lomon's co-star Park Ji-hoo smiled.", ['Lomon', 'Park Ji-hu']],
    ['Newcomers Kim Se-yoon and Seo Ji-hoon join the cast.', ['Kim Se-yoon', 'Seo Ji-hoon']],
    ['Se-yoon Kim joins the cast.', ['Kim Se-yoon']],
    ['Roh Jae-won plays Han Du-seok, an intelligence agent.', ['Roh Jae-won']],
    ['Nam On-jo (Park Ji-hu) survives.', ['Park Ji-hu']],
    ['The Han River scenes were shot in Seoul.', []],
    ['I think the show is great.', []],
  ])('%s', (sentence, names) => {
    expect(findPeople(sentence, pack).map((p) => p.canonical)).toEqual(names);
  });

  test('a person not in the pack is marked unknown with the name as written', () => {
    const [p] = findPeople('Actress Jang Da-ah has joined the second season.', pack);
    expect(p).toMatchObject({ canonical: 'Jang Da-ah', known: false });
    expect(p?.span).toEqual({ start: 8, end: 18 });
  });
});

describe('findCharacters', () => {
  test.each([
    ['Choi Nam-la and Nam Onjo walk in.', ['Choi Nam-ra', 'Nam On-jo']],
    ['Lee Chung-san and Lee Soo-hyuk are back.', ['Lee Cheong-san', 'Lee Su-hyeok']],
    ['On-jo misses Cheong-san.', ['Nam On-jo', 'Lee Cheong-san']],
    ['Yoon Gwi-nam and Lee Na-yeon died in season 1.', ['Yoon Gwi-nam', 'Lee Na-yeon']],
  ])('%s', (sentence, names) => {
    expect(findCharacters(sentence, pack).map((c) => c.canonical)).toEqual(names);
  });
});
