import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkFeed } from '../../src/engine/check-feed.ts';
import { loadShowPack, type ShowPack } from '../../src/facts/show-pack.ts';

let pack: ShowPack;
let dir: string;

beforeAll(async () => {
  pack = await loadShowPack(path.join('config', 'shows', 'all-of-us-are-dead.json'));
  dir = await mkdtemp(path.join(tmpdir(), 'hyosan-check-'));
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, content);
  return p;
}

describe('check on a local file', () => {
  test('reads a feed in the charset its XML declaration names', async () => {
    const xml = '<?xml version="1.0" encoding="euc-kr"?><rss version="2.0"><channel><title>연예</title><item><title>지금 우리 학교는2 촬영 종료</title><description>넷플릭스 측은 지금 우리 학교는 시즌2가 촬영을 마쳤다고 밝혔다.</description><pubDate>Fri, 20 Feb 2026 00:00:00 GMT</pubDate></item></channel></rss>';
    // Encode as EUC-KR where the text is Korean, as a Korean outlet's feed would be.
    const eucKr = Buffer.concat(xml.split(/([\uac00-\ud7a3\s]+)/).map((part) => (/[\uac00-\ud7a3]/.test(part) ? encodeEucKr(part) : Buffer.from(part))));
    const report = await checkFeed(await file('euc-kr.xml', eucKr), pack, { allowFiles: true });
    expect(report.error).toBeUndefined();
    expect(report.feedTitle).toBe('연예');
    expect(report.items[0]?.title).toBe('지금 우리 학교는2 촬영 종료');
  });

  test('refuses a web page and a file over the size cap, with the reason', async () => {
    expect((await checkFeed(await file('page.html', '<!doctype html><html><body>news</body></html>'), pack, { allowFiles: true })).error).toMatch(/web page/);
    const big = await file('big.xml', new Uint8Array(2048));
    expect((await checkFeed(big, pack, { allowFiles: true, fetch: { maxBytes: 1024 } })).error).toMatch(/larger than 1024 bytes/);
  });

  test('a file path is never read when files are not allowed (Discord): it goes to the URL guard', async () => {
    const p = await file('feed.xml', '<rss version="2.0"><channel><title>x</title></channel></rss>');
    expect((await checkFeed(p, pack)).error).toBeDefined();
  });
});

/** EUC-KR bytes for Hangul text, through the WHATWG encoder tables Node ships (ICU). */
function encodeEucKr(text: string): Buffer {
  const decoder = new TextDecoder('euc-kr');
  const table = new Map<string, number[]>();
  for (let lead = 0xb0; lead <= 0xc8; lead += 1) {
    for (let trail = 0xa1; trail <= 0xfe; trail += 1) table.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
  }
  return Buffer.from([...text].flatMap((ch) => table.get(ch) ?? [...Buffer.from(ch)]));
}
