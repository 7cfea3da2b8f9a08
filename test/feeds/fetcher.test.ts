import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { fetchFeed, USER_AGENT, type FetchFailure, type FetchOk, type FetchResult } from '../../src/feeds/fetcher.ts';
import { resolveAllowed, type HostLookup } from '../../src/feeds/url-guard.ts';
import { startServer, type TestServer } from './helpers/test-server.ts';

const FEED = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Drama Desk</title>
<item><title>Zombie school drama sets table read</title><link>https://news.example/a</link></item></channel></rss>`;
const allow = { allowedHosts: ['127.0.0.1'] };

function ok(result: FetchResult): FetchOk {
  if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}
function failure(result: FetchResult): FetchFailure {
  if (result.status !== 'error') throw new Error(`expected error, got ${result.status}`);
  return result;
}

// "지금 우리 학교는 시즌 2" in EUC-KR, and "ゾンビ" in Shift_JIS.
const EUC_KR_TITLE = Buffer.from('c1f6b1dd20bfecb8ae20c7d0b1b3b4c220bdc3c1f02032', 'hex');
const SJIS_TITLE = Buffer.from('835d83938372', 'hex');
const rssWithTitle = (decl: string, title: Buffer) =>
  Buffer.concat([Buffer.from(`<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>`), title, Buffer.from('</title></channel></rss>')]);

let server: TestServer;
let seenHeaders: Record<string, string | string[] | undefined> = {};
let redirectHops = 0;

beforeAll(async () => {
  server = await startServer({
    '/feed': (req, res) => {
      seenHeaders = req.headers;
      if (req.headers['if-none-match'] === '"v1"') {
        res.statusCode = 304;
        res.end();
        return;
      }
      res.setHeader('content-type', 'application/rss+xml; charset=utf-8');
      res.setHeader('etag', '"v1"');
      res.setHeader('last-modified', 'Tue, 03 Mar 2026 10:00:00 GMT');
      res.end(FEED);
    },
    '/gzip': (_req, res) => {
      res.setHeader('content-encoding', 'gzip');
      res.end(zlib.gzipSync(FEED));
    },
    '/br': (_req, res) => {
      res.setHeader('content-encoding', 'br');
      res.end(zlib.brotliCompressSync(FEED));
    },
    '/deflate': (_req, res) => {
      res.setHeader('content-encoding', 'deflate');
      res.end(zlib.deflateSync(FEED));
    },
    '/deflate-raw': (_req, res) => {
      res.setHeader('content-encoding', 'deflate');
      res.end(zlib.deflateRawSync(FEED));
    },
    '/slow': (_req, res) => {
      res.setHeader('content-type', 'application/rss+xml');
      res.write('<rss version="2.0"><channel>');
      const drip = setInterval(() => res.write('<!-- still here -->'), 30);
      res.on('close', () => clearInterval(drip));
    },
    '/hang': () => {
      // Never answers.
    },
    '/huge': (_req, res) => {
      res.setHeader('content-type', 'application/rss+xml');
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 8 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    },
    '/bomb': (_req, res) => {
      res.setHeader('content-encoding', 'gzip');
      res.end(zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x41), { level: 9 }));
    },
    '/loop': (req, res) => {
      redirectHops++;
      const n = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('n') ?? 0);
      res.statusCode = 302;
      res.setHeader('location', `/loop?n=${n + 1}`);
      res.end();
    },
    '/hop': (_req, res) => {
      res.statusCode = 301;
      res.setHeader('location', '/feed');
      res.end();
    },
    '/to-private': (_req, res) => {
      res.statusCode = 302;
      res.setHeader('location', 'http://10.0.0.5/feed');
      res.end();
    },
    '/to-metadata-name': (_req, res) => {
      res.statusCode = 302;
      res.setHeader('location', 'http://metadata.test/latest');
      res.end();
    },
    '/to-file': (_req, res) => {
      res.statusCode = 302;
      res.setHeader('location', 'file:///etc/passwd');
      res.end();
    },
    '/euc-kr-header': (_req, res) => {
      res.setHeader('content-type', 'application/xml; charset=EUC-KR');
      res.end(rssWithTitle('', EUC_KR_TITLE));
    },
    '/euc-kr-declared': (_req, res) => {
      res.setHeader('content-type', 'application/xml');
      res.end(rssWithTitle(' encoding="euc-kr"', EUC_KR_TITLE));
    },
    '/euc-kr-mislabelled': (_req, res) => {
      res.setHeader('content-type', 'text/xml; charset=utf-8');
      res.end(rssWithTitle(' encoding="EUC-KR"', EUC_KR_TITLE));
    },
    '/unknown-label': (_req, res) => {
      res.setHeader('content-type', 'text/xml; charset=klingon');
      res.end(rssWithTitle(' encoding="shift_jis"', SJIS_TITLE));
    },
    '/windows-1252': (_req, res) => {
      res.setHeader('content-type', 'text/xml; charset=windows-1252');
      res.end(rssWithTitle('', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x80])));
    },
    '/bom': (_req, res) => {
      res.setHeader('content-type', 'text/xml; charset=iso-8859-1');
      res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), rssWithTitle('', Buffer.from('학교 ✓', 'utf8'))]));
    },
    '/bad-bytes': (_req, res) => {
      res.setHeader('content-type', 'text/xml; charset=utf-8');
      res.end(rssWithTitle('', Buffer.from([0x41, 0xff, 0xfe, 0x42])));
    },
    '/429': (_req, res) => {
      res.statusCode = 429;
      res.setHeader('retry-after', '120');
      res.end('slow down');
    },
    '/503-date': (_req, res) => {
      res.statusCode = 503;
      res.setHeader('retry-after', 'Tue, 03 Mar 2026 10:05:00 GMT');
      res.end('maintenance');
    },
    '/410': (_req, res) => {
      res.statusCode = 410;
      res.end();
    },
    '/html': (_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end('<!DOCTYPE html><html><head><title>K-drama news</title></head><body><p>Hello</p></body></html>');
    },
    '/challenge': (_req, res) => {
      res.statusCode = 403;
      res.setHeader('content-type', 'text/html');
      res.setHeader('cf-mitigated', 'challenge');
      res.end('<html><head><title>Just a moment...</title></head><body><script src="/cdn-cgi/challenge-platform/x.js"></script></body></html>');
    },
    '/challenge-200': (_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end('<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>window._cf_chl_opt={}</body></html>');
    },
    '/json': (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"items":[]}');
    },
  });
});

afterAll(async () => {
  await server.close();
});

describe('fetchFeed', () => {
  it('reads a feed, sends the bot\'s user agent and returns validators without saving them', async () => {
    const result = ok(await fetchFeed(server.url('/feed'), allow));
    expect(result.text).toBe(FEED);
    expect(result.etag).toBe('"v1"');
    expect(result.lastModified).toBe('Tue, 03 Mar 2026 10:00:00 GMT');
    expect(result.contentType).toMatch(/rss\+xml/);
    expect(result.finalUrl).toBe(server.url('/feed'));
    expect(seenHeaders['user-agent']).toBe(USER_AGENT);
    expect(seenHeaders['if-none-match']).toBeUndefined();
  });

  it('sends the validators it is given and reports 304 as not-modified', async () => {
    const result = await fetchFeed(server.url('/feed'), { ...allow, etag: '"v1"', lastModified: 'Tue, 03 Mar 2026 10:00:00 GMT' });
    expect(result).toEqual({ status: 'not-modified' });
    expect(seenHeaders['if-none-match']).toBe('"v1"');
    expect(seenHeaders['if-modified-since']).toBe('Tue, 03 Mar 2026 10:00:00 GMT');
  });

  it.each(['/gzip', '/br', '/deflate', '/deflate-raw'])('decodes %s', async (path) => {
    expect(ok(await fetchFeed(server.url(path), allow)).text).toBe(FEED);
  });

  it('cuts a slow-drip body at the deadline', async () => {
    const started = Date.now();
    const result = failure(await fetchFeed(server.url('/slow'), { ...allow, timeoutMs: 300 }));
    expect(result.kind).toBe('timeout');
    expect(result.message).toBe('the site did not send the whole feed within 0.3 s');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up on a server that never answers', async () => {
    expect(failure(await fetchFeed(server.url('/hang'), { ...allow, timeoutMs: 200 })).kind).toBe('timeout');
  });

  it('stops reading a body over the cap', async () => {
    const result = failure(await fetchFeed(server.url('/huge'), { ...allow, maxBytes: 1024 * 1024 }));
    expect(result.kind).toBe('too-large');
    expect(result.message).toMatch(/larger than 1 MiB once decompressed/);
  });

  it('stops a gzip bomb while it expands', async () => {
    const result = failure(await fetchFeed(server.url('/bomb'), { ...allow, maxBytes: 2 * 1024 * 1024 }));
    expect(result.kind).toBe('too-large');
  });

  it('follows a redirect and reports where it landed', async () => {
    expect(ok(await fetchFeed(server.url('/hop'), allow)).finalUrl).toBe(server.url('/feed'));
  });

  it('refuses a redirect chain longer than five', async () => {
    redirectHops = 0;
    const result = failure(await fetchFeed(server.url('/loop'), allow));
    expect(result.kind).toBe('too-many-redirects');
    expect(redirectHops).toBe(6);
  });

  it('refuses a redirect to a private address', async () => {
    const result = failure(await fetchFeed(server.url('/to-private'), allow));
    expect(result.kind).toBe('refused');
    expect(result.message).toMatch(/10\.0\.0\.5 is a private address.*through a redirect/);
  });

  it('refuses a redirect to a name that resolves to the metadata service', async () => {
    const lookup: HostLookup = async (host) => (host === 'metadata.test' ? [{ address: '169.254.169.254', family: 4 }] : []);
    const result = failure(await fetchFeed(server.url('/to-metadata-name'), { ...allow, lookup }));
    expect(result.kind).toBe('refused');
    expect(result.message).toMatch(/metadata\.test resolves to 169\.254\.169\.254, a link-local/);
  });

  it('refuses a redirect to file:', async () => {
    const result = failure(await fetchFeed(server.url('/to-file'), allow));
    expect(result.kind).toBe('refused');
    expect(result.message).toMatch(/only http and https/);
  });

  it('refuses 127.0.0.1 with the default (empty) allow-list', async () => {
    const result = failure(await fetchFeed(server.url('/feed')));
    expect(result.kind).toBe('refused');
    expect(result.message).toMatch(/127\.0\.0\.1 is a loopback address.*FEED_ALLOWED_HOSTS/);
  });

  it('checks the address at connect time, so a DNS answer that changes is still caught', async () => {
    let calls = 0;
    const rebinding: HostLookup = async () => (++calls === 1 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]);
    const url = `http://rebind.test:${server.port}/feed`;
    // The check an admin command would make when the feed is added passes…
    await expect(resolveAllowed('rebind.test', { lookup: rebinding })).resolves.toHaveLength(1);
    // …but the connection itself sees the new answer and refuses it.
    const result = failure(await fetchFeed(url, { lookup: rebinding }));
    expect(result.kind).toBe('refused');
    expect(result.message).toMatch(/rebind\.test resolves to 127\.0\.0\.1, a loopback address/);
    expect(calls).toBe(2);
  });

  it('connects through the injected lookup when the answer is allowed', async () => {
    const lookup: HostLookup = async () => [{ address: '127.0.0.1', family: 4 }];
    const result = ok(await fetchFeed(`http://my-rsshub.test:${server.port}/feed`, { ...allow, lookup }));
    expect(result.text).toBe(FEED);
  });

  it('says when the server refuses the connection', async () => {
    const closed = await startServer({});
    const url = closed.url('/feed');
    await closed.close();
    const result = failure(await fetchFeed(url, allow));
    expect(result.kind).toBe('network');
    expect(result.message).toBe('the server refused the connection');
  });
});

describe('fetchFeed charsets', () => {
  it.each([
    ['/euc-kr-header', '지금 우리 학교는 시즌 2'],
    ['/euc-kr-declared', '지금 우리 학교는 시즌 2'],
    ['/euc-kr-mislabelled', '지금 우리 학교는 시즌 2'],
    ['/unknown-label', 'ゾンビ'],
    ['/windows-1252', 'Café “q” – €'],
    ['/bom', '학교 ✓'],
    ['/bad-bytes', 'A\uFFFD\uFFFDB'],
  ])('%s', async (path, title) => {
    const text = ok(await fetchFeed(server.url(path), allow)).text;
    expect(text).toContain(`<title>${title}</title>`);
    expect(text.startsWith('\uFEFF')).toBe(false);
  });
});

describe('fetchFeed errors are for people', () => {
  it('reads Retry-After seconds on 429', async () => {
    const result = failure(await fetchFeed(server.url('/429'), allow));
    expect(result).toMatchObject({ kind: 'rate-limited', httpStatus: 429, retryAfterSeconds: 120 });
    expect(result.message).toMatch(/asked to wait 120 s/);
  });

  it('reads a Retry-After date on 503', async () => {
    const now = () => new Date('2026-03-03T10:00:00Z');
    const result = failure(await fetchFeed(server.url('/503-date'), { ...allow, now }));
    expect(result).toMatchObject({ kind: 'rate-limited', httpStatus: 503, retryAfterSeconds: 300 });
  });

  it('reports 410 as gone', async () => {
    const result = failure(await fetchFeed(server.url('/410'), allow));
    expect(result).toMatchObject({ kind: 'gone', httpStatus: 410 });
    expect(result.message).toMatch(/gone for good/);
  });

  it('says a web page is not a feed', async () => {
    const result = failure(await fetchFeed(server.url('/html'), allow));
    expect(result.kind).toBe('not-a-feed');
    expect(result.message).toMatch(/web page \(HTML\), not a feed/);
  });

  it.each(['/challenge', '/challenge-200'])('recognises a bot check at %s', async (path) => {
    const result = failure(await fetchFeed(server.url(path), allow));
    expect(result.kind).toBe('not-a-feed');
    expect(result.message).toMatch(/bot check/);
  });

  it('says JSON is not a feed', async () => {
    expect(failure(await fetchFeed(server.url('/json'), allow)).message).toMatch(/JSON/);
  });

  it('says 404 in words', async () => {
    expect(failure(await fetchFeed(server.url('/nowhere'), allow))).toMatchObject({ kind: 'http', httpStatus: 404 });
  });
});
