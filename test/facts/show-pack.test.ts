import { mkdtemp, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { baselineClaims, loadShowPack, loadShowPacks, parseShowPack } from '../../src/facts/show-pack.ts';
import { extractClaims } from '../../src/facts/extract.ts';
import { assessRelevance } from '../../src/facts/relevance.ts';

const shipped = new URL('../../config/shows/all-of-us-are-dead.json', import.meta.url).pathname;
const invented = new URL('./fixtures/moon-lake-diaries.json', import.meta.url).pathname;

describe('show pack loader', () => {
  test('the shipped pack loads and its baseline seeds the ledger', async () => {
    const pack = await loadShowPack(shipped);
    expect(pack.season).toBe(2);
    const claims = baselineClaims(pack);
    const byKey = new Map(claims.map((c) => [`${c.kind}:${c.subject ?? ''}`, c]));
    expect(byKey.get('renewal:')?.value).toBe('renewed');
    expect(byKey.get('renewal:')?.confidence).toBe('reported');
    expect(byKey.get('production:')).toMatchObject({ value: 'post-production', date: '2026-02-19', confidence: 'reported' });
    expect(byKey.get('release:')).toMatchObject({ value: '2027-H1', confidence: 'speculation' });
    expect(byKey.get('cast:Roh Yoon-seo')?.value).toBe('exited');
    expect(byKey.get('cast:Lomon')).toMatchObject({ value: 'returning', character: 'Lee Su-hyeok', confidence: 'reported' });
    expect(byKey.get('crew:Chun Sung-il')?.value).toBe('writer');
    for (const c of claims) {
      expect(c.evidence.sentence.length).toBeGreaterThan(10);
      expect(c.evidence.outlet).toBeTruthy();
    }
  });

  test('each starting fact is credited to the seed article that says it: its outlet and date, no borrowed link, never official', async () => {
    const pack = await loadShowPack(shipped);
    // The two articles the project started from; neither quotes an official statement, and the
    // copies kept give no address, so nothing links anywhere.
    const seeds = new Set(['ETV Bharat 2026-01-10', 'New Delhi outlet 2026-02-22']);
    for (const fact of pack.baseline) {
      expect(seeds).toContain(`${fact.source.outlet} ${fact.source.published}`);
      expect(fact.source.url).toBeUndefined();
      expect(['reported', 'rumor', 'speculation']).toContain(fact.confidence);
    }
    for (const claim of baselineClaims(pack)) expect(claim.evidence.itemUrl).toMatch(/^baseline:/);
  });

  test('docs/timeline.md lists exactly the shipped starting facts', async () => {
    const { readFile } = await import('node:fs/promises');
    const pack = await loadShowPack(shipped);
    const doc = await readFile(new URL('../../docs/timeline.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## What the bot ships believing'), doc.indexOf('## Names and spellings'));
    const rows = section.split('\n').filter((l) => /^\| (renewal|production|platform|release|cast|crew|episodes) \|/.test(l));
    const expected = pack.baseline.map((b) => {
      const value = b.character ? `${b.value} as ${b.character}` : b.value;
      return `| ${b.kind} | ${b.subject ?? '—'} | ${value} | ${b.confidence} | ${b.date ?? '—'} | ${b.source.outlet}, ${b.source.published} |`;
    });
    expect(rows).toEqual(expected);
  });

  test.each([
    [(p: Record<string, unknown>) => ({ ...p, people: [0, 1, 2, { name: 'X', names: 'y', aliases: 'oops', roles: ['cast'] }].map((x, i) => (typeof x === 'number' ? (p.people as unknown[])[i] : x)) }), 'people[3].aliases: expected array'],
    [(p: Record<string, unknown>) => ({ ...p, season: 'two' }), 'season: expected number'],
    [(p: Record<string, unknown>) => ({ ...p, titles: { korean: 'x' } }), 'titles.primary: expected string'],
    [(p: Record<string, unknown>) => ({ ...p, baseline: [{ kind: 'cast', subject: null, value: 'new', confidence: 'official', source: { outlet: 'o', published: '2026-01-01', note: 'n' } }] }), 'baseline[0].subject'],
    [(p: Record<string, unknown>) => ({ ...p, baseline: [{ kind: 'release', subject: null, value: '2027', confidence: 'sure', source: { outlet: 'o', published: '2026-01-01', note: 'n' } }] }), 'baseline[0].confidence'],
  ])('a bad pack names the bad field (%#)', async (mutate, message) => {
    const { readFile } = await import('node:fs/promises');
    const good = JSON.parse(await readFile(shipped, 'utf8')) as Record<string, unknown>;
    expect(() => parseShowPack(mutate(good))).toThrow(message);
  });

  test('malformed JSON is a user-facing error naming the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'packs-'));
    await writeFile(path.join(dir, 'broken.json'), '{ "id": ');
    await expect(loadShowPacks(dir)).rejects.toThrow(/broken\.json is not valid JSON/);
  });

  test('a second show needs only a second file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'packs-'));
    await copyFile(shipped, path.join(dir, 'all-of-us-are-dead.json'));
    await copyFile(invented, path.join(dir, 'moon-lake-diaries.json'));
    const packs = await loadShowPacks(dir);
    expect(packs.map((p) => p.id)).toEqual(['all-of-us-are-dead', 'moon-lake-diaries']);
    const moon = packs[1]!;
    const item = {
      feedUrl: 'f', id: 'm1', link: 'https://news.example/moon', published: '2026-04-02T08:00:00Z',
      title: 'Moon Lake Diaries season 3 wraps filming',
      text: 'Moon Lake Diaries season 3 finished shooting on March 30, the streamer said. Han Seo-yun returns as Da-in. Season 3 is directed by Jung Tae-oh. Meanwhile River Town season 2 began filming last week. The second season premiered in 2023.',
    };
    expect(assessRelevance(item, moon).relevant).toBe(true);
    const got = extractClaims(item, moon).map((c) => [c.kind, c.subject, c.value, c.confidence, c.date ?? null, c.character ?? null]);
    // The paragraph is the streamer's announcement, so its plain cast and crew lines are official too.
    expect(got).toEqual(expect.arrayContaining([
      ['production', null, 'wrapped', 'official', '2026-03-30', null],
      ['cast', 'Han Seo-yeon', 'returning', 'official', null, 'Baek Da-in'],
      ['crew', 'Jung Tae-oh', 'director', 'official', null, null],
    ]));
    expect(got).toHaveLength(3);
  });
});
