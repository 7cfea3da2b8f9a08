import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractMainText, readArticleText } from '../../src/feeds/article-reader.ts';
import { HostThrottle } from '../../src/feeds/host-throttle.ts';
import { startServer, type TestServer } from './helpers/test-server.ts';

const ARTICLE = `<!DOCTYPE html><html><head><title>Season two wraps</title><script>var ad = 1;</script></head><body>
<header><nav><p>Home | Dramas | Film</p></nav></header>
<main>
  <article>
    <h1>Season two wraps filming</h1>
    <p class="byline">By Staff Reporter</p>
    <p>Filming on the second season of <em>All of Us Are Dead</em> wrapped last Friday, the production company said.</p>
    <figure><img src="a.jpg"><figcaption><p>The cast at the wrap party.</p></figcaption></figure>
    <p>The streamer has not yet named a release date &amp; fans are waiting.</p>
    <div class="related-stories"><p>Read also: another zombie show</p></div>
    <script>track()</script>
  </article>
  <aside><p>Most popular this week</p></aside>
</main>
<footer><p>Copyright Seoul Screen Daily</p></footer></body></html>`;

let server: TestServer;
const starts: number[] = [];

beforeAll(async () => {
  server = await startServer({
    '/article': (_req, res) => {
      starts.push(Date.now());
      res.setHeader('content-type', 'text/html; charset=utf-8');
      setTimeout(() => res.end(ARTICLE), 20);
    },
    '/euc-kr': (_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(Buffer.concat([
        Buffer.from('<html><head><meta charset="euc-kr"></head><body><article><p>'),
        Buffer.from('c1f6b1dd20bfecb8ae20c7d0b1b3b4c220bdc3c1f02032', 'hex'),
        Buffer.from('</p></article></body></html>'),
      ]));
    },
    '/pdf': (_req, res) => {
      res.setHeader('content-type', 'application/pdf');
      res.end('%PDF-1.4');
    },
  });
});
afterAll(() => server.close());

describe('extractMainText', () => {
  it('keeps the article paragraphs and drops navigation, bylines, captions, asides, related links and footer', () => {
    expect(extractMainText(ARTICLE)).toBe(
      'Filming on the second season of All of Us Are Dead wrapped last Friday, the production company said.\n' +
        'The streamer has not yet named a release date & fans are waiting.',
    );
  });

  it('falls back to the page paragraphs without an article element, and to undefined without any', () => {
    expect(extractMainText('<body><nav><p>menu</p></nav><div><p>Only text here.</p></div></body>')).toBe('Only text here.');
    expect(extractMainText('<body><div>no paragraphs</div></body>')).toBeUndefined();
  });
});

describe('readArticleText', () => {
  const base = { allowedHosts: ['127.0.0.1'], timeoutMs: 2000 };

  it('reads through the guarded fetcher', async () => {
    const text = await readArticleText(server.url('/article'), { ...base, throttle: new HostThrottle({ minGapMs: 0 }) });
    expect(text).toMatch(/^Filming on the second season/);
  });

  it('honours a charset given in a meta tag', async () => {
    expect(await readArticleText(server.url('/euc-kr'), { ...base, throttle: new HostThrottle({ minGapMs: 0 }) })).toBe('지금 우리 학교는 시즌 2');
  });

  it('returns undefined for refused, missing or non-HTML pages', async () => {
    const throttle = new HostThrottle({ minGapMs: 0 });
    expect(await readArticleText(server.url('/article'), { throttle })).toBeUndefined();
    expect(await readArticleText(server.url('/missing'), { ...base, throttle })).toBeUndefined();
    expect(await readArticleText(server.url('/pdf'), { ...base, throttle })).toBeUndefined();
    expect(await readArticleText('not a url', { ...base, throttle })).toBeUndefined();
  });

  it('asks one host one thing at a time, with the minimum gap between starts', async () => {
    starts.length = 0;
    const throttle = new HostThrottle({ minGapMs: 150 });
    const results = await Promise.all([1, 2, 3].map(() => readArticleText(server.url('/article'), { ...base, throttle })));
    expect(results.every((r) => r?.startsWith('Filming'))).toBe(true);
    expect(starts).toHaveLength(3);
    for (let i = 1; i < starts.length; i++) expect((starts[i] as number) - (starts[i - 1] as number)).toBeGreaterThanOrEqual(140);
  });
});

/** A task that takes `ms` and records how many copies of it ran at once. */
function concurrencyProbe(ms: number): { task: () => Promise<void>; peak: () => number } {
  let running = 0;
  let peak = 0;
  return {
    task: async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
    },
    peak: () => peak,
  };
}

describe('HostThrottle', () => {
  it('runs different hosts in parallel and survives a failed task', async () => {
    const throttle = new HostThrottle({ minGapMs: 0 });
    const { task, peak } = concurrencyProbe(20);
    await Promise.all([throttle.run('a.example', task), throttle.run('b.example', task)]);
    expect(peak()).toBe(2);
    await expect(throttle.run('a.example', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(throttle.run('a.example', async () => 'still works')).resolves.toBe('still works');
  });

  it('never overlaps two tasks for one host', async () => {
    const throttle = new HostThrottle({ minGapMs: 0 });
    const { task, peak } = concurrencyProbe(10);
    await Promise.all([1, 2, 3, 4].map(() => throttle.run('same.example', task)));
    expect(peak()).toBe(1);
  });
});
