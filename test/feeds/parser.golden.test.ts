import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parser.ts';

/**
 * Golden files: each fixtures/<name>.xml sits next to <name>.expected.json, the parse a reader
 * checked by hand. UPDATE_GOLDEN=1 rewrites them; review the diff before committing.
 */
const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const names = readdirSync(dir).filter((f) => f.endsWith('.xml')).map((f) => f.slice(0, -4)).sort();

const kinds: Record<string, 'news-search'> = { 'news-search': 'news-search' };

describe('parseFeed golden files', () => {
  it('has fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(9);
  });

  it.each(names)('%s', async (name) => {
    const xml = readFileSync(`${dir}${name}.xml`, 'utf8');
    const feedUrl = `https://feeds.example/section/${name}.xml`;
    const kind = kinds[name];
    const parsed = await parseFeed(xml, feedUrl, kind ? { kind } : {});
    const expectedPath = `${dir}${name}.expected.json`;
    if (process.env.UPDATE_GOLDEN) writeFileSync(expectedPath, `${JSON.stringify(parsed, null, 2)}\n`);
    expect(parsed).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
});
