import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readFeedFiles, replayItems } from '../../src/engine/replay.ts';
import { loadShowPack } from '../../src/facts/show-pack.ts';

// A second, invented show on another platform runs through the same engine: its platform, brands,
// genre words, people and earlier season come from its pack, so nothing about the first show (or
// Netflix) may leak into what is read.
const DIR = path.join('test', 'fixtures', 'second-show');

describe('a second show from its own pack', () => {
  let changes: string[];

  beforeAll(async () => {
    const pack = await loadShowPack(path.join(DIR, 'ember-street.json'));
    const { items } = await readFeedFiles([path.join(DIR, 'ember-street.rss')]);
    const replayed = await replayItems(items, pack, { fresh: true });
    changes = replayed.flatMap((r) =>
      r.events
        .filter((e) => e.type === 'fact-change')
        .map((e) => [e.kind, e.subject ?? '-', e.value, e.confidence, e.character ?? '-', e.date ?? '-', r.item.id].join(' | ')),
    );
  });

  test('every change of its timeline, once, at the right confidence', () => {
    expect(changes).toEqual([
      'renewal | - | renewed | official | - | - | es-1',
      'production | - | announced | official | - | - | es-1',
      'release | - | 2026-H2 | speculation | - | - | es-2',
      'production | - | filming | official | - | - | es-3',
      'cast | Seo Ha-neul | returning | official | Yoon Ji-ho | - | es-3',
      'cast | Baek Min-seok | new | official | Oh Tae-gu | - | es-3',
      'crew | Moon Jae-hyun | director | official | - | - | es-3',
      'production | - | wrapped | reported | - | 2026-01-18 | es-5',
      'release | - | 2026-06-12 | official | - | - | es-6',
      'episodes | - | 8 | official | - | - | es-6',
    ]);
  });

  test("another show on the same platform gives this one nothing", () => {
    expect(changes.some((c) => c.endsWith('es-4'))).toBe(false);
  });
});
