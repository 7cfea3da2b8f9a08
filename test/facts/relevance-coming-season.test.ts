import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { assessRelevance } from '../../src/facts/relevance.ts';
import { loadShowPack } from '../../src/facts/show-pack.ts';
import type { ShowPack } from '../../src/facts/show-pack-schema.ts';

let pack: ShowPack;
beforeAll(async () => {
  pack = await loadShowPack(path.join('config', 'shows', 'all-of-us-are-dead.json'));
});

const item = (title: string, text: string, published = '2026-11-02T09:00:00Z') => ({ feedUrl: 'f', id: title, link: 'https://news.example/x', title, text, published });

describe('news of the coming season without the words "season 2"', () => {
  test.each([
    ['dated ahead of the article', 'Students return', 'The students of All of Us Are Dead return on January 29, 2027, Netflix said.'],
    ['an earlier season actor returning', 'Not that Park', 'Park Ji-hu is the actress returning as On-jo in All of Us Are Dead.'],
    ['called by its genre', 'Zombie sequel gets eight episodes', 'Netflix Korea confirmed that the second season of the zombie drama will have eight episodes.'],
  ])('%s is relevant', (_why, title, text) => {
    expect(assessRelevance(item(title, text), pack).relevant).toBe(true);
  });

  test.each([
    ['a look back with a past date', 'Anniversary', 'All of Us Are Dead premiered on January 28, 2022, and topped the charts.'],
    ['another zombie show by its genre', "Zombieverse's new season", "The second season of Netflix's zombie reality show 'Zombieverse' arrives in March."],
  ])('%s is not', (_why, title, text) => {
    expect(assessRelevance(item(title, text), pack).relevant).toBe(false);
  });
});
