import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { feedFiles, readFeedFiles, replayItems, type ReplayedItem } from '../../src/engine/replay.ts';
import { loadShowPack } from '../../src/facts/show-pack.ts';
import { describeScore, scoreTimeline, type ExpectedChange, type ForbiddenClaim, type TimelineScore } from './timeline-score.ts';

// The first timeline tuned the extractor; the held-out one, written afterwards in other outlets'
// styles, checks that the rules are about how news is written and not about those articles.
const TIMELINES = [
  { name: 'the 2022–2026 timeline', dir: path.join('test', 'fixtures', 'timeline') },
  { name: 'the held-out timeline', dir: path.join('test', 'fixtures', 'timeline-heldout') },
  // Korean outlets break the news first; their wording must carry the same facts.
  { name: 'the Korean-language timeline', dir: path.join('test', 'fixtures', 'timeline-ko') },
  // The launch phase: premiere dates, a delay, the premiere itself, rankings and season 3 talk.
  { name: 'the launch timeline', dir: path.join('test', 'fixtures', 'timeline-launch') },
];

describe.each(TIMELINES)('replay --fresh over $name', ({ dir: TIMELINE }) => {
  let replayed: ReplayedItem[];
  let score: TimelineScore;

  beforeAll(async () => {
    const pack = await loadShowPack(path.join('config', 'shows', 'all-of-us-are-dead.json'));
    const { items } = await readFeedFiles(await feedFiles([TIMELINE]));
    replayed = await replayItems(items, pack, { fresh: true });
    const expected = JSON.parse(await readFile(path.join(TIMELINE, 'expected.json'), 'utf8')) as { changes: ExpectedChange[]; forbidden: ForbiddenClaim[] };
    score = scoreTimeline(replayed, expected.changes, expected.forbidden);
    console.log(`${TIMELINE}: ${describeScore(score)}`);
  });

  test('finds at least 9 in 10 of the real fact changes', () => {
    expect(score.found.length / score.expected).toBeGreaterThanOrEqual(0.9);
  });

  test('raises at most one false alert per 20 articles', () => {
    expect(score.falseAlerts.length).toBeLessThanOrEqual(Math.floor(score.articles / 20));
  });

  test('takes nothing from other shows, season 1 or denied reports', () => {
    expect(score.forbiddenHits.map((h) => h.claim.why)).toEqual([]);
  });

  test('never flip-flops: no fact changes back to a value it just left', () => {
    const history = new Map<string, string[]>();
    for (const e of replayed.flatMap((r) => r.events).filter((e) => e.type === 'fact-change')) {
      const key = `${e.kind}:${e.subject ?? ''}`;
      history.set(key, [...(history.get(key) ?? []), e.value]);
    }
    for (const values of history.values()) {
      for (let i = 2; i < values.length; i++) expect(values[i]).not.toBe(values[i - 2]);
    }
  });
});
