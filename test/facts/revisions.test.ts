import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { extractClaims } from '../../src/facts/extract.ts';
import { loadShowPack } from '../../src/facts/show-pack.ts';
import type { ShowPack } from '../../src/facts/show-pack-schema.ts';

let pack: ShowPack;
beforeAll(async () => {
  pack = await loadShowPack(path.join('config', 'shows', 'all-of-us-are-dead.json'));
});

const read = (text: string, date: string) =>
  extractClaims({ feedUrl: 'f', id: 'i', link: 'https://news.example/r', title: 'All of Us Are Dead season 2', text, published: `${date}T09:00:00Z` }, pack);

describe('what the ledger needs to know about a claim', () => {
  test('a halt or reshoots is marked as a setback, so only an official one moves production back', () => {
    const [halt] = read('Production on season 2 has been halted after an accident on set, Netflix said on Monday.', '2025-10-06').filter((c) => c.kind === 'production');
    expect(halt).toMatchObject({ value: 'filming', confidence: 'official', setback: true });
    const [reshoot] = read('Reshoots are under way on season 2, a source close to the production said.', '2026-04-01').filter((c) => c.kind === 'production');
    expect(reshoot).toMatchObject({ value: 'filming', setback: true });
  });

  test('a date that replaces an earlier one is marked as a revision', () => {
    const [moved] = read('Season 2 will now premiere on April 9 instead of March 12, Netflix said.', '2027-02-20').filter((c) => c.kind === 'release');
    expect(moved).toMatchObject({ value: '2027-04-09', confidence: 'official', revises: true });
    const [plain] = read('Season 2 premieres on March 12, Netflix said.', '2027-01-20').filter((c) => c.kind === 'release');
    expect(plain?.revises).toBeUndefined();
  });

  test('a plain stage is no setback', () => {
    const [filming] = read('Filming on season 2 began on Monday, Netflix said.', '2025-07-23').filter((c) => c.kind === 'production');
    expect(filming?.setback).toBeUndefined();
  });
});
