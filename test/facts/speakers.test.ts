import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadShowPack } from '../../src/facts/show-pack.ts';
import type { ShowPack } from '../../src/facts/show-pack-schema.ts';
import { attributionAt, findAttributions } from '../../src/facts/speakers.ts';
import { findCharacters, findPeople } from '../../src/facts/names.ts';
import { pairedRoles } from '../../src/facts/pairing.ts';

let pack: ShowPack;
let other: ShowPack;
beforeAll(async () => {
  pack = await loadShowPack(path.join('config', 'shows', 'all-of-us-are-dead.json'));
  other = await loadShowPack(path.join('test', 'fixtures', 'second-show', 'ember-street.json'));
});

/** Who vouches for the word at `at` in the sentence, as [confidence, rule form]. */
function voiceAt(sentence: string, at: string, p: ShowPack = pack): [string, string] | undefined {
  const found = attributionAt(findAttributions(sentence, p), sentence.indexOf(at));
  return found ? [found.confidence, found.rule] : undefined;
}

describe('who speaks for a statement', () => {
  test.each([
    // [sentence, the word whose speaker we ask for, confidence, rule]
    ['The season arrives in March, the streamer said on Monday.', 'March', 'official', 'official-voice:tail'],
    ["The platform's release calendar puts the season in March.", 'March', 'official', 'official-voice:frame'],
    ['Per unnamed sources, the season arrives in March.', 'March', 'rumor', 'unnamed-source:according'],
    ['Two people familiar with the plans say it lands in March.', 'March', 'reported', 'cited-source:frame'],
    ['An insider says it lands in March, but the streamer has not confirmed it.', 'March', 'rumor', 'unnamed-source:frame'],
    ['Fans believe it lands in March.', 'March', 'speculation', 'guess:frame'],
    ['Daily Screen reported on Tuesday that it lands in March.', 'March', 'reported', 'named-source:frame'],
    ['The agency denied the report, saying the actor will return.', 'return', 'official', 'official-voice:participle'],
  ])('%s', (sentence, at, confidence, rule) => {
    expect(voiceAt(sentence, at)).toEqual([confidence, rule]);
  });

  test('a voice that says nothing vouches for nothing', () => {
    expect(voiceAt('The season may arrive in March, though the streamer has not said so.', 'March')).toBeUndefined();
  });

  test('a voice inside a relative clause speaks for that clause only', () => {
    expect(voiceAt('It was left off the lineup that the streamer unveiled in January, and fans now expect March.', 'March')?.[0]).not.toBe('official');
  });

  test('named voices come from the pack: Netflix for one show, Disney+ for another', () => {
    const sentence = 'Netflix said the season arrives in March.';
    expect(voiceAt(sentence, 'March')?.[0]).toBe('official');
    expect(voiceAt(sentence, 'March', other)?.[0]).not.toBe('official');
    expect(voiceAt('Disney+ Korea said the season arrives in March.', 'March', other)?.[0]).toBe('official');
  });

  test("an outlet named after the platform is an outlet", () => {
    expect(voiceAt("What's on Netflix says the season arrives in March.", 'March')?.[0]).toBe('reported');
  });
});

describe('actors and roles in step', () => {
  test.each([
    ['Kim Si-eun and Lee Min-jae play So Ju-ran and Yong Ma-ru, respectively.', { 'Kim Si-eun': 'So Ju-ran', 'Lee Min-jae': 'Yong Ma-ru' }],
    ['Returning are Park Ji-hu and Lomon, who once again play Nam On-jo and Lee Su-hyeok.', { 'Park Ji-hu': 'Nam On-jo', Lomon: 'Lee Su-hyeok' }],
  ])('%s', (sentence, want) => {
    const people = findPeople(sentence, pack);
    const paired = pairedRoles(sentence, people, findCharacters(sentence, pack));
    expect(Object.fromEntries([...paired].map(([p, c]) => [p.canonical, c]))).toEqual(want);
  });

  test('lists of different lengths are not paired', () => {
    const sentence = 'Kim Si-eun, Lee Min-jae and Yoon Ga-i join, with So Ju-ran and Yong Ma-ru among the new roles.';
    expect(pairedRoles(sentence, findPeople(sentence, pack), findCharacters(sentence, pack)).size).toBe(0);
  });

  test('a role the pack does not know is read from the prose, never as an actor', () => {
    const sentence = 'Jang Moon-seok plays Colonel Baek Jin-hyuk in the new season.';
    expect(findPeople(sentence, pack).map((p) => p.canonical)).toEqual(['Jang Moon-seok']);
    expect(findCharacters(sentence, pack).map((c) => c.canonical)).toEqual(['Baek Jin-hyuk']);
  });
});
