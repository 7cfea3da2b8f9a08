/**
 * URLs an admin might give to /feeds add or /feeds test, and to `npm run cli -- check`: every
 * spelling of a loopback, private or metadata address, names that resolve there (also only at
 * connect time), other schemes, credentials and absurd lengths. All refused with a reason meant
 * for the admin, and no private address is ever reached, unless it is on the allow-list.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HostLookup } from '../../src/feeds/url-guard.ts';
import { createFeedAdmin } from '../../src/services/feed-admin.ts';
import { UserFacingError } from '../../src/shared/errors.ts';
import { startTestApp, type TestApp } from './helpers/app-under-test.ts';
import { chatterArticle, rssXml } from './helpers/feed-xml.ts';
import { startRouteServer, type RouteServer } from './helpers/route-server.ts';
import { childEnv } from '../helpers/child-env.ts';

const GUILD = '700000000000000099';
let server: RouteServer;
let guarded: TestApp;
let allowing: TestApp;

beforeAll(async () => {
  server = await startRouteServer();
  server.route('/feed.xml', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssXml('Local Outlet', [chatterArticle('a1', new Date())])));
  server.route('/to-metadata', (_req, res) => void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/iam/' }).end());
  server.route('/drip', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 200);
    res.on('close', () => clearInterval(timer));
  });
  guarded = await startTestApp([], { env: { FEED_ALLOWED_HOSTS: '' } });
  allowing = await startTestApp([], { env: { FEED_ALLOWED_HOSTS: '127.0.0.1' } });
});

afterAll(async () => {
  await guarded?.app.stop();
  await allowing?.app.stop();
  await server?.close();
});

const p = () => server.port;
const refusedFor = (address: string) => new RegExp(`^refused: ${address.replace(/[.[\]]/g, '\\$&')} is .*; add it to FEED_ALLOWED_HOSTS if this is your own feed service$`);

const cases: { name: string; url: () => string; reason: RegExp }[] = [
  { name: 'loopback', url: () => `http://127.0.0.1:${p()}/feed.xml`, reason: refusedFor('127.0.0.1') },
  { name: 'loopback, decimal', url: () => `http://2130706433:${p()}/feed.xml`, reason: refusedFor('127.0.0.1') },
  { name: 'loopback, hex', url: () => `http://0x7f000001:${p()}/feed.xml`, reason: refusedFor('127.0.0.1') },
  { name: 'loopback, octal', url: () => `http://0177.0.0.1:${p()}/feed.xml`, reason: refusedFor('127.0.0.1') },
  { name: 'loopback, short form', url: () => `http://127.1:${p()}/feed.xml`, reason: refusedFor('127.0.0.1') },
  { name: 'loopback, another address in 127/8', url: () => `http://127.45.6.7:${p()}/feed.xml`, reason: refusedFor('127.45.6.7') },
  { name: 'IPv6 loopback', url: () => `http://[::1]:${p()}/feed.xml`, reason: refusedFor('::1') },
  { name: 'IPv4-mapped IPv6 loopback', url: () => `http://[::ffff:127.0.0.1]:${p()}/feed.xml`, reason: /^refused: ::ffff:7f00:1 is .*FEED_ALLOWED_HOSTS/ },
  { name: '0.0.0.0', url: () => `http://0.0.0.0:${p()}/feed.xml`, reason: refusedFor('0.0.0.0') },
  { name: '0 (short for 0.0.0.0)', url: () => `http://0:${p()}/feed.xml`, reason: refusedFor('0.0.0.0') },
  { name: 'cloud metadata address', url: () => 'http://169.254.169.254/latest/meta-data/', reason: refusedFor('169.254.169.254') },
  { name: 'cloud metadata address, IPv6', url: () => 'http://[fd00:ec2::254]/latest/meta-data/', reason: refusedFor('fd00:ec2::254') },
  { name: 'private 10/8', url: () => 'http://10.20.30.40/rss', reason: refusedFor('10.20.30.40') },
  { name: 'private 172.16/12', url: () => 'http://172.16.0.1/rss', reason: refusedFor('172.16.0.1') },
  { name: 'private 192.168/16', url: () => 'http://192.168.1.1/rss', reason: refusedFor('192.168.1.1') },
  { name: 'shared address space 100.64/10', url: () => 'http://100.64.0.1/rss', reason: refusedFor('100.64.0.1') },
  { name: 'localhost by name', url: () => `http://localhost:${p()}/feed.xml`, reason: /^refused: localhost resolves to (127\.0\.0\.1|::1), .*FEED_ALLOWED_HOSTS/ },
  { name: 'file: scheme', url: () => 'file:///etc/passwd', reason: /^refused: only http and https feeds can be read, not file$/ },
  { name: 'ftp: scheme', url: () => 'ftp://ftp.example.org/pub/feed.xml', reason: /^refused: only http and https feeds can be read, not ftp$/ },
  { name: 'data: scheme', url: () => 'data:application/rss+xml,<rss/>', reason: /^refused: only http and https feeds can be read, not data$/ },
  { name: 'javascript: scheme', url: () => 'javascript:alert(1)', reason: /^refused: only http and https feeds can be read, not javascript$/ },
  { name: 'gopher: scheme', url: () => 'gopher://127.0.0.1:70/1', reason: /^refused: only http and https feeds can be read, not gopher$/ },
  { name: 'user and password in the URL', url: () => 'https://fan:hunter2@news.example/feed.xml', reason: /^refused: the URL contains a user name or password/ },
  { name: 'user name only in the URL', url: () => 'https://apikey@news.example/feed.xml', reason: /^refused: the URL contains a user name or password/ },
  { name: 'absurd length', url: () => `https://news.example/${'a'.repeat(5000)}`, reason: /^refused: the URL is 5021 characters long; the limit is 2048$/ },
  { name: 'not a URL at all', url: () => 'the feed on that news site please', reason: /^refused: ".*" is not a valid URL$/ },
];

describe('URLs an admin might give', () => {
  test.each(cases)('/feeds test and /feeds add refuse: $name', async (c) => {
    const hitsBefore = server.hits('/feed.xml');
    const report = await guarded.app.services.feeds.test(c.url());
    expect(report.error).toMatch(c.reason);
    expect(report.items).toEqual([]);
    const added = await guarded.app.services.feeds.add(GUILD, c.url()).then(() => undefined, (e: unknown) => e);
    expect(added).toBeInstanceOf(UserFacingError);
    expect((added as Error).message).toMatch(c.reason);
    expect(await guarded.app.stores.feeds.list()).toEqual([]);
    expect(server.hits('/feed.xml')).toBe(hitsBefore);
  });

  test('the same loopback feed is read once its host is on the allow-list', async () => {
    const report = await allowing.app.services.feeds.test(`http://127.0.0.1:${p()}/feed.xml`);
    expect(report.error).toBeUndefined();
    expect(report.feedTitle).toBe('Local Outlet');
    expect(report.items).toHaveLength(1);
  });

  test('an allowed feed that redirects to the metadata address is still refused', async () => {
    const report = await allowing.app.services.feeds.test(server.url('/to-metadata'));
    expect(report.error).toMatch(/^refused: 169\.254\.169\.254 is .*\(reached through a redirect\)$/);
  });
});

describe('names that resolve to private addresses (a hostile DNS)', () => {
  function admin(lookup: HostLookup) {
    const guard = { lookup };
    return createFeedAdmin({ pack: guarded.app.pack, feeds: guarded.app.stores.feeds, guilds: guarded.app.stores.guilds, guard, check: { fetch: { ...guard, timeoutMs: 2000 } } });
  }

  test.each([
    { name: 'a name whose only address is private', answers: [[{ address: '10.0.0.5', family: 4 }]], reason: /^refused: intranet\.example resolves to 10\.0\.0\.5, / },
    { name: 'a name with one public and one loopback address', answers: [[{ address: '93.184.216.34', family: 4 }, { address: '127.0.0.1', family: 4 }]], reason: /^refused: intranet\.example resolves to 127\.0\.0\.1, / },
    { name: 'a name resolving to the IPv4-mapped metadata address', answers: [[{ address: '::ffff:169.254.169.254', family: 6 }]], reason: /^refused: intranet\.example resolves to ::ffff:169\.254\.169\.254, / },
  ])('$name', async ({ answers, reason }) => {
    const lookup: HostLookup = async () => answers[0] ?? [];
    const report = await admin(lookup).test(`http://intranet.example:${p()}/feed.xml`);
    expect(report.error).toMatch(reason);
  });

  test('a DNS answer that changes between the check and the connection (rebinding) is refused at connect time', async () => {
    let calls = 0;
    // Public when the URL is checked, loopback when the socket is about to open.
    const lookup: HostLookup = async () => (calls++ === 0 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]);
    const hits = server.hits('/feed.xml');
    const report = await admin(lookup).test(`http://rebind.example:${p()}/feed.xml`);
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(report.error).toMatch(/^refused: rebind\.example resolves to 127\.0\.0\.1, .*FEED_ALLOWED_HOSTS/);
    expect(server.hits('/feed.xml')).toBe(hits);
  });
});

interface CliRun { code: number | null; stdout: string; stderr: string; ms: number }

function runCheck(url: string, env: Record<string, string>, deadlineMs = 15_000): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli.ts', 'check', url], {
      cwd: process.cwd(),
      env: childEnv({ PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', READ_ARTICLE_PAGES: 'false', FETCH_TIMEOUT_SECONDS: '1', ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cli check ${url} hung past ${deadlineMs} ms`));
    }, deadlineMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

const NO_ENV: Record<string, string> = {};

describe('npm run cli -- check', () => {
  test.each<{ name: string; url: () => string; env: Record<string, string>; reason: RegExp }>([
    { name: 'loopback by decimal address', url: () => `http://2130706433:${p()}/feed.xml`, env: NO_ENV, reason: refusedFor('127.0.0.1') },
    { name: 'metadata address', url: () => 'http://169.254.169.254/latest/meta-data/', env: NO_ENV, reason: refusedFor('169.254.169.254') },
    { name: 'file: URL', url: () => 'file:///etc/passwd', env: NO_ENV, reason: /only http and https feeds can be read, not file/ },
    { name: 'credentials in the URL', url: () => 'https://fan:secret@news.example/feed.xml', env: NO_ENV, reason: /contains a user name or password/ },
    { name: 'redirect from an allowed host to the metadata address', url: () => server.url('/to-metadata'), env: { FEED_ALLOWED_HOSTS: '127.0.0.1' }, reason: /169\.254\.169\.254 is .*reached through a redirect/ },
    { name: 'a body that drips forever', url: () => server.url('/drip'), env: { FEED_ALLOWED_HOSTS: '127.0.0.1' }, reason: /did not send the whole feed within 1 s/ },
  ])('$name: exits 1 with the reason, before the deadline', async ({ url, env, reason }) => {
    const target = url();
    const run = await runCheck(target, env);
    expect(run.code).toBe(1);
    const line = run.stderr.trim().split('\n').at(-1) ?? '';
    expect(line.startsWith('Cannot use ')).toBe(true);
    expect(line.slice(line.indexOf(': ') + 2)).toMatch(reason);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
