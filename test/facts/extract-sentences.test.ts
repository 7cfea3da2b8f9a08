import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { extractClaims } from '../../src/facts/extract.ts';
import { loadShowPack, type ShowPack } from '../../src/facts/show-pack.ts';

type Want = [string, string | null, string, string, (string | null)?, (string | null)?];
interface Case { s: string; d: string; want: Want[] }

const cases = JSON.parse(readFileSync(new URL('../fixtures/sentences/claims.json', import.meta.url), 'utf8')) as Case[];
let pack: ShowPack;
beforeAll(async () => {
  pack = await loadShowPack(new URL('../../config/shows/all-of-us-are-dead.json', import.meta.url).pathname);
});

describe('one sentence in a season 2 article', () => {
  test.each(cases)('$s', ({ s, d, want }) => {
    const claims = extractClaims({ feedUrl: 'f', id: 'i', link: 'https://news.example/a', title: '', text: `${s}\nAll of Us Are Dead season 2 is coming.`, published: `${d}T09:00:00Z` }, pack)
      .filter((c) => c.evidence.sentence === s);
    const got = claims.map((c) => [c.kind, c.subject, c.value, c.confidence]).sort();
    expect(got).toEqual(want.map((w) => w.slice(0, 4)).sort());
    for (const w of want) {
      const c = claims.find((x) => x.kind === w[0] && x.subject === w[1] && x.value === w[2]);
      if (w[4]) expect(c?.date).toBe(w[4]);
      if (w[5]) expect(c?.character).toBe(w[5]);
      expect(c?.evidence.sentence).toBe(s);
    }
  });
});
