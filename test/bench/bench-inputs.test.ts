import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatedInput, timelineInput } from '../../bench/bench-inputs.ts';
import { generateArticles } from '../../bench/generated-feed.ts';
import { analyseItem } from '../../src/engine/analyse-item.ts';
import { loadShowPack, type ShowPack } from '../../src/facts/show-pack.ts';
import { parseFeed } from '../../src/feeds/parser.ts';

describe('the documents the pipeline figure runs on', () => {
  let pack: ShowPack;

  beforeAll(async () => {
    pack = await loadShowPack(path.join('config', 'shows', 'all-of-us-are-dead.json'));
  });

  it('repeats the timeline to at least the items asked for, every copy a distinct article with a link', async () => {
    const input = await timelineInput(150);
    expect(input.copies).toBe(3);
    expect(input.batches).toHaveLength(3);
    const ids = new Set<string>();
    let items = 0;
    for (const doc of input.batches.flat()) {
      for (const item of (await parseFeed(doc.xml, doc.name, { maxItems: 10_000 })).items) {
        items++;
        ids.add(item.id);
        expect(item.link).toMatch(/^https:\/\//);
      }
    }
    expect(items).toBe(180);
    expect(ids.size).toBe(items);
  });

  it('reads the same claims from every copy of the timeline', async () => {
    const input = await timelineInput(120);
    const claimsOf = async (batch: number) => {
      const kinds: string[] = [];
      for (const doc of input.batches[batch] ?? []) {
        for (const item of (await parseFeed(doc.xml, doc.name, { maxItems: 10_000 })).items) {
          for (const c of analyseItem(item, pack).claims) kinds.push(`${c.kind}:${c.subject ?? ''}:${c.value}`);
        }
      }
      return kinds.sort();
    };
    const first = await claimsOf(0);
    expect(first.length).toBeGreaterThan(20);
    expect(await claimsOf(1)).toEqual(first);
  });

  it('generates the same feed every time, with a realistic share of articles about the show', async () => {
    expect(generateArticles(50)).toEqual(generateArticles(50));
    const [doc] = generatedInput(300).batches.flat();
    const { items } = await parseFeed(doc?.xml ?? '', doc?.name ?? '', { maxItems: 10_000 });
    expect(items).toHaveLength(300);
    const analyses = items.map((item) => analyseItem(item, pack));
    const relevant = analyses.filter((a) => a.relevance.relevant).length;
    expect(relevant / items.length).toBeGreaterThan(0.2);
    expect(relevant / items.length).toBeLessThan(0.5);
    expect(analyses.filter((a) => a.claims.length > 0).length).toBeGreaterThan(relevant / 2);
  });
});
