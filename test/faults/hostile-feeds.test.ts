/**
 * Hostile and broken feeds, served from 127.0.0.1 next to two good feeds, polled by the real app.
 * Every case proves the same four things from the outside: the poll round ends (the bot keeps
 * running), the good feeds still deliver their items and facts, memory stays bounded, and the
 * broken feed's health says in words what is wrong, with the backoff the scheduler promises:
 * interval × 2^(failures−1) with full jitter, at least 60 s, at most 24 h, never before Retry-After.
 */
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FeedRecord } from '../../src/store/types.ts';
import { pendingDeliveries, startTestApp, subscribedGuild, type TestApp } from './helpers/app-under-test.ts';
import { chatterArticle, releaseArticle, rssXml, type Article } from './helpers/feed-xml.ts';
import { startRouteServer, type Handler, type RouteServer } from './helpers/route-server.ts';

const INTERVAL_S = 600;
const MAX_BACKOFF_S = 24 * 3600;
const CAP_BYTES = 200_000;
/** Generous: a bomb that got through would cost hundreds of MiB, the cap allows a few. */
const HEAP_BUDGET = 48 * 1024 * 1024;
const DAY_MS = 86_400_000;

let server: RouteServer;
const GOOD_A = '/good/seoul-screen.xml';
const GOOD_B = '/good/kdrama-desk.xml';
const goodA = [releaseArticle('ss-premiere', new Date())];
const goodB = [chatterArticle('kd-1', new Date(), 1), chatterArticle('kd-2', new Date(Date.now() - 3600_000), 2)];

const xmlHeaders = { 'content-type': 'application/rss+xml; charset=utf-8' };
const serve = (body: string | Buffer, headers: Record<string, string> = xmlHeaders, status = 200): Handler => (_req, res, ctx) => {
  ctx.count(Buffer.byteLength(body));
  res.writeHead(status, headers).end(body);
};
const oneItem = (title = 'All of Us Are Dead season 2 stills released') =>
  rssXml('Outlet', [{ guid: 'x1', title, body: 'Netflix shared new stills from All of Us Are Dead season 2.', pubDate: new Date().toUTCString() }]);

type BombKind = 'gzip' | 'deflate' | 'br';

/**
 * 40 MiB of padding inside a valid feed start, compressed to a few KiB. Compressing takes a second
 * or more on a busy machine, so the bombs are built in beforeAll, before any fetch deadline runs.
 */
const bombs = new Map<BombKind, Buffer>();

async function buildBombs(): Promise<void> {
  const raw = Buffer.concat([Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>'), Buffer.alloc(40 * 1024 * 1024, 0x20)]);
  const [gzip, deflate, br] = await Promise.all([
    promisify(zlib.gzip)(raw),
    promisify(zlib.deflate)(raw),
    promisify(zlib.brotliCompress)(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } }),
  ]);
  bombs.set('gzip', gzip).set('deflate', deflate).set('br', br);
}

function bomb(kind: BombKind): Handler {
  return (_req, res, ctx) => {
    const packed = bombs.get(kind);
    if (!packed) throw new Error(`the ${kind} bomb was not built before the test`);
    ctx.count(packed.length);
    res.writeHead(200, { ...xmlHeaders, 'content-encoding': kind }).end(packed);
  };
}

const endless: Handler = (_req, res, ctx) => {
  res.writeHead(200, xmlHeaders);
  const chunk = Buffer.from(`<?xml version="1.0"?><rss><channel>${'<!-- more news is coming -->'.repeat(500)}`);
  const pump = () => {
    while (!res.destroyed) {
      ctx.count(chunk.length);
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
  };
  res.on('close', () => undefined);
  pump();
};

const slowDrip: Handler = (_req, res, ctx) => {
  res.writeHead(200, xmlHeaders);
  const text = oneItem();
  let i = 0;
  const timer = setInterval(() => {
    if (res.destroyed || i >= text.length) return void clearInterval(timer);
    ctx.count(1);
    res.write(text[i++]);
  }, 150);
  res.on('close', () => clearInterval(timer));
};

const neverAnswers: Handler = () => undefined;

const resetMidBody: Handler = (req, res) => {
  res.writeHead(200, xmlHeaders);
  res.write(oneItem().slice(0, 120));
  setTimeout(() => req.socket.destroy(), 20);
};

const redirect = (to: (base: string) => string, status = 302): Handler => (_req, res, ctx) => void res.writeHead(status, { location: to(ctx.base) }).end();

const html = '<!doctype html><html><head><title>Seoul Screen — news</title></head><body><h1>Latest K-drama news</h1></body></html>';
const challenge = '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div id="cf-chl-widget">Checking your browser</div></body></html>';

const billionLaughs = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">' +
  '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol9 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">]>' +
  '<rss version="2.0"><channel><title>Laughs</title><item><title>&lol9;</title><guid>l1</guid><description>&lol9;</description></item></channel></rss>';
const externalFile = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY leak SYSTEM "file:///etc/passwd">]>' +
  '<rss version="2.0"><channel><title>Leak</title><item><title>All of Us Are Dead &leak;</title><guid>e1</guid><description>&leak;</description></item></channel></rss>';
const externalHttp = (base: string) => `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % remote SYSTEM "${base}/secret/dtd"> %remote;]>` +
  '<rss version="2.0"><channel><title>Remote</title><item><title>All of Us Are Dead</title><guid>r1</guid><description>x</description></item></channel></rss>';

function manyItems(n: number): string {
  const now = Date.now();
  return rssXml('Big Outlet', Array.from({ length: n }, (_, i) => chatterArticle(`big-${i}`, new Date(now - i * 60_000), i)));
}

interface Expectation {
  health: FeedRecord['health'];
  /** What the admin reads in /feeds list. */
  error?: RegExp;
  /** Seconds the server asked to wait; the next poll may not come sooner. */
  retryAfter?: number;
  check?: (t: TestApp, record: FeedRecord) => Promise<void> | void;
}

interface HostileCase extends Expectation {
  name: string;
  env?: Record<string, string>;
  /** The misbehaving server; `build` when it needs the server's own address. */
  handler?: Handler;
  build?: (server: RouteServer) => Handler;
}

const cases: HostileCase[] = [
  { name: 'entity expansion ("billion laughs")', handler: serve(billionLaughs), health: 'failing', error: /declares its own XML entities.*not read/ },
  { name: 'external entity reading a local file', handler: serve(externalFile), health: 'failing', error: /entit/ },
  {
    name: 'external parameter entity fetching a URL', build: (s) => serve(externalHttp(s.base)), health: 'failing', error: /entit/,
    check: () => void expect(server.hits('/secret/dtd')).toBe(0),
  },
  { name: 'gzip decompression bomb', handler: bomb('gzip'), health: 'failing', error: /larger than 195\.3 KiB once decompressed/ },
  { name: 'brotli decompression bomb', handler: bomb('br'), health: 'failing', error: /larger than .* once decompressed/ },
  { name: 'deflate decompression bomb', handler: bomb('deflate'), health: 'failing', error: /larger than .* once decompressed/ },
  {
    name: 'endless body', handler: endless, health: 'failing', error: /larger than .* KiB/,
    // The bot hung up: the server could not push more than the cap plus socket buffers.
    check: () => void expect(server.bytesSent('/hostile/endless-body')).toBeLessThan(16 * 1024 * 1024),
  },
  { name: 'slow-drip body', handler: slowDrip, health: 'failing', error: /did not send the whole feed within 1 s/ },
  { name: 'headers never sent', handler: neverAnswers, health: 'failing', error: /did not send the whole feed within 1 s/ },
  { name: 'body over the size cap', handler: serve(rssXml('Huge', [{ guid: 'h', title: 'Huge', body: 'x'.repeat(CAP_BYTES + 10) }])), health: 'failing', error: /larger than 195\.3 KiB/ },
  { name: 'connection reset mid-body', handler: resetMidBody, health: 'failing', error: /connection|closed|broke/ },
  { name: 'redirect loop between two addresses', handler: redirect((b) => `${b}/hostile/loop-b`), health: 'failing', error: /redirected more than 5 times; use the address it finally lands on/ },
  { name: 'redirect to the cloud metadata address', handler: redirect(() => 'http://169.254.169.254/latest/meta-data/'), health: 'failing', error: /^refused: 169\.254\.169\.254 is .*reached through a redirect/ },
  { name: 'redirect to a private network address', handler: redirect(() => 'http://10.0.0.7/feed.xml', 301), health: 'failing', error: /^refused: 10\.0\.0\.7 is .*FEED_ALLOWED_HOSTS.*redirect/ },
  { name: 'redirect to another loopback address', handler: redirect((b) => b.replace('127.0.0.1', '127.0.0.2'), 307), health: 'failing', error: /^refused: 127\.0\.0\.2 is .*redirect/ },
  { name: 'redirect to IPv6 loopback', handler: redirect(() => 'http://[::1]/feed.xml', 308), health: 'failing', error: /^refused: ::1 is .*redirect/ },
  { name: 'redirect to a file: URL', handler: redirect(() => 'file:///etc/passwd'), health: 'failing', error: /only http and https feeds can be read, not file .*redirect/ },
  { name: 'redirect to an ftp: URL', handler: redirect(() => 'ftp://ftp.example.org/feed.xml'), health: 'failing', error: /only http and https feeds can be read, not ftp/ },
  { name: 'HTML page instead of a feed', handler: serve(html, { 'content-type': 'text/html; charset=utf-8' }), health: 'failing', error: /returns a web page \(HTML\), not a feed; open it in a browser/ },
  { name: 'bot-check page with 403', handler: serve(challenge, { 'content-type': 'text/html' }, 403), health: 'failing', error: /bot check .*pick another feed/ },
  { name: 'bot-check page with 200 and cf-mitigated', handler: serve(challenge, { 'content-type': 'text/html', 'cf-mitigated': 'challenge' }), health: 'failing', error: /bot check/ },
  { name: 'empty body', handler: serve(''), health: 'failing', error: /empty document, not a feed/ },
  { name: 'JSON instead of a feed', handler: serve('{"items":[]}', { 'content-type': 'application/json' }), health: 'failing', error: /returns JSON, not an RSS or Atom feed/ },
  {
    name: 'truncated XML', handler: serve(oneItem().slice(0, 200)), health: 'failing', error: /could not be read as RSS or Atom/,
  },
  {
    name: 'missing charset, Latin-1 declared in the XML', handler: serve(Buffer.from(rssXml('Café', [{ guid: 'c1', title: 'Café talk: All of Us Are Dead', body: 'Fans à Paris.' }], { prolog: '<?xml version="1.0" encoding="ISO-8859-1"?>' }), 'latin1'), { 'content-type': 'application/rss+xml' }),
    health: 'ok', check: async (t) => expect((await t.app.stores.items.recent(10, { includeIrrelevant: true })).map((i) => i.title)).toContain('Café talk: All of Us Are Dead'),
  },
  {
    name: 'header says UTF-8 over Latin-1 bytes', handler: serve(Buffer.from(rssXml('Café', [{ guid: 'c2', title: 'Crème de la crème: All of Us Are Dead', body: 'Fans.' }], { prolog: '<?xml version="1.0" encoding="ISO-8859-1"?>' }), 'latin1')),
    health: 'ok', check: async (t) => expect((await t.app.stores.items.recent(10, { includeIrrelevant: true })).map((i) => i.title)).toContain('Crème de la crème: All of Us Are Dead'),
  },
  {
    name: 'invalid UTF-8 bytes', handler: serve(Buffer.concat([Buffer.from(rssXml('Bytes', [{ guid: 'u1', title: 'Broken TITLE_MARK bytes', body: 'All of Us Are Dead.' }]).replace('TITLE_MARK', '\u0000'), 'utf8')].map((b) => Buffer.from(b.toString('latin1').replace('\u0000', '\xff\xfe\xc3'), 'latin1')))),
    health: 'ok', check: async (t) => {
      const titles = (await t.app.stores.items.recent(10, { includeIrrelevant: true })).map((i) => i.title);
      expect(titles.some((x) => x.startsWith('Broken') && x.includes('\uFFFD'))).toBe(true);
    },
  },
  {
    name: 'unreadable and impossible dates', handler: serve(rssXml('Dates', [
      { guid: 'd1', title: 'All of Us Are Dead set visit', body: 'A visit.', pubDate: 'sometime last week' },
      { guid: 'd2', title: 'All of Us Are Dead poster', body: 'A poster.', pubDate: 'Mon, 30 Feb 2026 25:61:00 GMT' },
      { guid: 'd3', title: 'All of Us Are Dead far future', body: 'A date.', pubDate: 'Fri, 31 Dec 9999 23:59:59 GMT' },
    ])),
    health: 'ok', check: async (t) => {
      const seen = await t.app.stores.items.seen(['d1', 'd2', 'd3']);
      expect([...seen].sort()).toEqual(['d1', 'd2', 'd3']);
    },
  },
  {
    name: 'duplicate GUIDs in one document', handler: serve(rssXml('Dupes', [chatterArticle('same', new Date(), 1), chatterArticle('same', new Date(Date.now() - 1000), 2), chatterArticle('same', new Date(), 3)])),
    health: 'ok', check: async (t) => {
      const stored = (await t.app.stores.items.recent(50, { includeIrrelevant: true })).filter((i) => i.id === 'same');
      expect(stored).toHaveLength(1);
    },
  },
  {
    name: '300 items at once', handler: serve(manyItems(300)), health: 'ok',
    check: async (t) => expect((await t.app.stores.items.seen(Array.from({ length: 300 }, (_, i) => `big-${i}`))).size).toBe(300),
  },
  {
    name: '1,000 items at once (only the newest 300 are kept)', handler: serve(manyItems(1000)), health: 'ok', env: { FETCH_MAX_BYTES: '1000000' },
    check: async (t) => {
      expect((await t.app.stores.items.seen(Array.from({ length: 300 }, (_, i) => `big-${i}`))).size).toBe(300);
      expect((await t.app.stores.items.seen(Array.from({ length: 700 }, (_, i) => `big-${i + 300}`))).size).toBe(0);
    },
  },
  { name: '304 Not Modified to a request without validators', handler: serve('', {}, 304), health: 'failing', error: /304 Not Modified.*without/ },
  { name: '429 with Retry-After in seconds', handler: serve('slow down', { 'retry-after': '1800' }, 429), health: 'failing', error: /asks too often \(HTTP 429\); it asked to wait 1800 s/, retryAfter: 1800 },
  { name: '503 with Retry-After in seconds', handler: serve('maintenance', { 'retry-after': '120' }, 503), health: 'failing', error: /unavailable for now \(HTTP 503\); it asked to wait 120 s/, retryAfter: 120 },
  { name: '503 with Retry-After as an HTTP date', handler: (_req, res) => void res.writeHead(503, { 'retry-after': new Date(Date.now() + 7200_000).toUTCString() }).end(), health: 'failing', error: /HTTP 503\); it asked to wait 7\d{3} s/, retryAfter: 7199 },
  { name: '429 with an absurd Retry-After (ten years)', handler: serve('', { 'retry-after': String(10 * 365 * 86400) }, 429), health: 'failing', error: /HTTP 429/, retryAfter: MAX_BACKOFF_S },
  { name: '410 Gone', handler: serve('gone', {}, 410), health: 'disabled', error: /gone for good \(HTTP 410\); remove it or replace it/ },
  { name: '404 Not Found', handler: serve('nope', {}, 404), health: 'failing', error: /not found \(HTTP 404\); the outlet may have moved it/ },
  { name: '500 Internal Server Error', handler: serve('oops', {}, 500), health: 'failing', error: /site had an error \(HTTP 500\); it is usually temporary/ },
  { name: 'unknown content encoding', handler: serve(oneItem(), { ...xmlHeaders, 'content-encoding': 'zstd-custom' }), health: 'failing', error: /compressed the response with "zstd-custom", which cannot be read/ },
  { name: 'corrupt gzip', handler: serve(Buffer.from('this is not gzip at all, just words'), { ...xmlHeaders, 'content-encoding': 'gzip' }), health: 'failing', error: /compressed response that is corrupt/ },
];

beforeAll(async () => {
  await buildBombs();
  server = await startRouteServer();
  server.route(GOOD_A, serve(rssXml('Seoul Screen', goodA)));
  server.route(GOOD_B, serve(rssXml('K-Drama Desk', goodB)));
  server.route('/hostile/loop-b', redirect((b) => `${b}/hostile/redirect-loop-between-two-addresses`));
  server.route('/secret/dtd', serve('<!ENTITY leak "secret">', { 'content-type': 'application/xml-dtd' }));
  for (const c of cases) {
    const handler = c.build ? c.build(server) : c.handler;
    if (!handler) throw new Error(`case "${c.name}" has no server`);
    server.route(pathOf(c.name), handler);
  }
});

afterAll(async () => {
  await server?.close();
});

function pathOf(name: string): string {
  return `/hostile/${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

async function expectGoodFeedsDelivered(t: TestApp): Promise<void> {
  for (const url of [server.url(GOOD_A), server.url(GOOD_B)]) {
    const record = await t.app.stores.feeds.get(url);
    expect(record?.health, url).toBe('ok');
    expect(record?.baselined).toBe(true);
  }
  expect((await t.app.stores.items.seen(['ss-premiere', 'kd-1', 'kd-2'])).size).toBe(3);
  // The good outlet's fact was learned although a hostile feed shared the round.
  const release = await t.app.stores.facts.getFact('release', null);
  expect(release?.value).toBe('2027-03-12');
}

/** The window the scheduler promises for a first failure. */
function expectBackoff(record: FeedRecord, retryAfter: number | undefined): void {
  const delay = (Date.parse(record.nextDueAt) - Date.parse(record.lastAttemptAt ?? '')) / 1000;
  const floor = Math.max(60, Math.min(retryAfter ?? 0, MAX_BACKOFF_S));
  const ceiling = Math.max(Math.min(INTERVAL_S * 2 ** (record.failures - 1), MAX_BACKOFF_S), floor);
  // Two seconds of slack: an HTTP-date Retry-After is whole seconds, read a moment after it was written.
  expect(delay).toBeGreaterThanOrEqual(floor - 2);
  expect(delay).toBeLessThanOrEqual(ceiling + 2);
}

describe('hostile and broken feeds', () => {
  test.each(cases)('$name', async (c) => {
    const url = server.url(pathOf(c.name));
    const t = await startTestApp([server.url(GOOD_A), server.url(GOOD_B), url], c.env ? { env: c.env } : {});
    try {
      const heapBefore = process.memoryUsage().heapUsed;
      const started = Date.now();
      await t.app.pollNow();
      // One round, whatever the feed did: deadline 1 s, a little slack for three feeds at once.
      expect(Date.now() - started).toBeLessThan(5000);
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(HEAP_BUDGET);

      await expectGoodFeedsDelivered(t);
      const record = await t.app.stores.feeds.get(url);
      expect(record).toBeDefined();
      const r = record as FeedRecord;
      expect(r.health).toBe(c.health);
      if (c.error) {
        expect(r.lastError).toMatch(c.error);
        // Words, not a stack trace or a JavaScript value.
        expect(r.lastError).not.toMatch(/\bat .*\.ts:\d+|undefined|\[object|TypeError/);
      } else {
        expect(r.lastError).toBeUndefined();
      }
      if (r.health === 'failing') {
        expect(r.failures).toBe(1);
        expectBackoff(r, c.retryAfter);
      }
      if (r.health === 'disabled') {
        // A disabled feed is not polled again until an admin acts.
        t.advance(2 * DAY_MS);
        const hits = server.hits(pathOf(c.name));
        await t.app.pollNow();
        expect(server.hits(pathOf(c.name))).toBe(hits);
      }
      await c.check?.(t, r);
    } finally {
      await t.app.stop();
    }
  });
});

describe('backoff and recovery over several polls', () => {
  test('a feed failing again and again backs off exponentially with full jitter, capped at 24 h, and recovers at once', async () => {
    let failing = true;
    server.route('/hostile/flaky', (_req, res) => void (failing ? res.writeHead(500).end() : res.writeHead(200, xmlHeaders).end(oneItem())));
    const url = server.url('/hostile/flaky');
    const t = await startTestApp([server.url(GOOD_A), url]);
    try {
      for (let failures = 1; failures <= 10; failures++) {
        await t.app.pollNow();
        const r = (await t.app.stores.feeds.get(url)) as FeedRecord;
        expect(r.failures).toBe(failures);
        expect(r.health).toBe('failing');
        expectBackoff(r, undefined);
        // Not polled before it is due.
        const hits = server.hits('/hostile/flaky');
        t.advance(59_000);
        await t.app.pollNow();
        expect(server.hits('/hostile/flaky')).toBe(hits);
        t.advance(Date.parse(r.nextDueAt) - t.now().getTime());
      }
      failing = false;
      await t.app.pollNow();
      const healed = (await t.app.stores.feeds.get(url)) as FeedRecord;
      expect(healed).toMatchObject({ health: 'ok', failures: 0 });
      expect(healed.lastError).toBeUndefined();
    } finally {
      await t.app.stop();
    }
  });

  test('a feed that answers 304 forever is still asked plainly once a day', async () => {
    server.route('/hostile/always-304', (req, res) => {
      if (req.headers['if-none-match'] || req.headers['if-modified-since']) return void res.writeHead(304).end();
      res.writeHead(200, { ...xmlHeaders, etag: '"v1"' }).end(oneItem());
    });
    const url = server.url('/hostile/always-304');
    const t = await startTestApp([url]);
    try {
      await t.app.pollNow();
      for (let i = 0; i < 6; i++) {
        t.advance(5 * 3600_000);
        await t.app.pollNow();
        expect((await t.app.stores.feeds.get(url))?.health).toBe('ok');
      }
      // 30 hours of 304s: one of those polls must have been unconditional.
      const r = (await t.app.stores.feeds.get(url)) as FeedRecord;
      expect(t.now().getTime() - Date.parse(r.lastUnconditionalAt ?? '')).toBeLessThan(DAY_MS);
      expect(Date.parse(r.lastUnconditionalAt ?? '')).toBeGreaterThan(Date.now() + 3600_000);
    } finally {
      await t.app.stop();
    }
  });

  test('changing GUIDs and re-dated items without new content raise no second alert', async () => {
    let feed: Article[] = [chatterArticle('old-1', new Date(Date.now() - 400 * DAY_MS))];
    server.route('/hostile/shifting', (_req, res) => void res.writeHead(200, xmlHeaders).end(rssXml('Shifting', feed)));
    const url = server.url('/hostile/shifting');
    const t = await startTestApp([url]);
    try {
      await t.app.stores.guilds.put(subscribedGuild('800000000000000001'));
      await t.app.pollNow();
      const fresh = releaseArticle('rel-1', new Date());
      feed = [fresh, ...feed];
      t.advance(DAY_MS);
      await t.app.pollNow();
      expect((await pendingDeliveries(t.app)).filter((d) => d.action === 'post')).toHaveLength(1);
      for (let round = 2; round <= 5; round++) {
        // The same story under a new GUID and a new date, then the old GUID re-dated.
        feed = [{ ...fresh, guid: `rel-${round}`, pubDate: new Date(Date.now() + round * 3600_000).toUTCString() }, { ...fresh, pubDate: new Date(Date.now() + round * 60_000).toUTCString() }];
        t.advance(DAY_MS);
        await t.app.pollNow();
        expect((await t.app.stores.feeds.get(url))?.health).toBe('ok');
      }
      const deliveries = await pendingDeliveries(t.app);
      expect(deliveries.filter((d) => d.action === 'post')).toHaveLength(1);
      expect(deliveries.filter((d) => d.action === 'edit')).toHaveLength(0);
    } finally {
      await t.app.stop();
    }
  });
});

