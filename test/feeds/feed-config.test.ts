import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFeedsConfig, parseFeedsConfig } from '../../src/feeds/feed-config.ts';
import { checkUrl } from '../../src/feeds/url-guard.ts';

const shipped = fileURLToPath(new URL('../../config/feeds.json', import.meta.url));

describe('feeds config', () => {
  it('the shipped defaults load, pass the URL guard and include both news searches', async () => {
    const config = await loadFeedsConfig(shipped);
    expect(config.feeds.length).toBeGreaterThanOrEqual(5);
    for (const feed of config.feeds) expect(checkUrl(feed.url).ok).toBe(true);
    const searches = config.feeds.filter((f) => f.kind === 'news-search').map((f) => decodeURIComponent(f.url.replace(/\+/g, ' ')));
    expect(searches.some((u) => u.includes('"All of Us Are Dead"'))).toBe(true);
    expect(searches.some((u) => u.includes('"지금 우리 학교는"'))).toBe(true);
  });

  it('names every bad field', () => {
    const bad = { feeds: [{ url: 'https://ok.example/feed', name: 'Ok', kind: 'outlet' }, { url: 'ftp://x.example', name: '', kind: 'blog' }] };
    expect(() => parseFeedsConfig(bad)).toThrow(/feeds\[1\]\.url: must be an http or https URL/);
    expect(() => parseFeedsConfig(bad)).toThrow(/feeds\[1\]\.name: must not be empty/);
    expect(() => parseFeedsConfig(bad)).toThrow(/feeds\[1\]\.kind:/);
  });

  it('refuses duplicates, unknown keys and a missing list', () => {
    const dup = { feeds: [{ url: 'https://a.example/f', name: 'A', kind: 'outlet' }, { url: 'https://a.example/f', name: 'B', kind: 'outlet' }] };
    expect(() => parseFeedsConfig(dup)).toThrow(/feeds\[1\]\.url: is listed twice/);
    expect(() => parseFeedsConfig({ feeds: [{ url: 'https://a.example/f', name: 'A', kind: 'outlet', colour: 'red' }] })).toThrow(/feeds\[0\]/);
    expect(() => parseFeedsConfig({})).toThrow(/feeds:/);
  });

  it('says when the file is not JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feeds-config-'));
    const path = join(dir, 'feeds.json');
    writeFileSync(path, '{ "feeds": [ ');
    await expect(loadFeedsConfig(path)).rejects.toThrow(/is not valid JSON/);
  });
});
