import { describe, expect, test } from 'vitest';
import { isAllowedHostEntry, loadConfig } from '../../src/config/env.ts';

function problem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('configuration: every variable validated, in words', () => {
  test('defaults when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({
      storeUrl: 'sqlite://./data/hyosan.sqlite', storeNamespace: 'hyosan', show: 'all-of-us-are-dead', pollIntervalSeconds: 600,
      allowedHosts: [], fetchTimeoutMs: 15_000, fetchMaxBytes: 5_242_880, readArticlePages: true, deliveryRatePerSecond: 40,
      logLevel: 'info', logFormat: 'auto',
    });
  });

  test.each([
    [{ DISCORD_APPLICATION_ID: '123' }, 'DISCORD_APPLICATION_ID="123" must be the Application ID from the Developer Portal (General Information): 5 to 25 digits'],
    [{ DISCORD_API_URL: 'ftp://example.com' }, 'DISCORD_API_URL="ftp://example.com" must be an http or https URL'],
    [{ STORE_URL: 'mysql://db' }, 'STORE_URL must start with sqlite://, redis://, rediss://, postgres:// or postgresql://'],
    [{ STORE_NAMESPACE: 'Hyosan!' }, 'STORE_NAMESPACE="Hyosan!" must be 1 to 40 lowercase letters, digits, - or _'],
    [{ POLL_INTERVAL_SECONDS: 'abc' }, 'POLL_INTERVAL_SECONDS="abc" must be a whole number of seconds from 10 to 86400'],
    [{ POLL_INTERVAL_SECONDS: '5' }, 'POLL_INTERVAL_SECONDS="5" must be a whole number of seconds from 10 to 86400'],
    [{ POLL_INTERVAL_SECONDS: '600.5' }, 'POLL_INTERVAL_SECONDS="600.5" must be a whole number of seconds from 10 to 86400'],
    [{ FEED_ALLOWED_HOSTS: 'rsshub.local, not_a_host!!' }, 'FEED_ALLOWED_HOSTS "not_a_host!!" is not a host name, IP address or CIDR range'],
    [{ FEED_ALLOWED_HOSTS: '10.0.0.0/99' }, '"10.0.0.0/99" is not a host name, IP address or CIDR range'],
    [{ FETCH_TIMEOUT_SECONDS: '0.5' }, 'FETCH_TIMEOUT_SECONDS="0.5" must be a number of seconds from 1 to 120'],
    [{ FETCH_MAX_BYTES: '5MB' }, 'FETCH_MAX_BYTES="5MB" must be a whole number of bytes from 10000 to 50000000'],
    [{ READ_ARTICLE_PAGES: 'maybe' }, 'READ_ARTICLE_PAGES="maybe" must be true or false'],
    [{ DELIVERY_RATE_PER_SECOND: '50' }, 'DELIVERY_RATE_PER_SECOND="50" must be a number of requests per second from 1 to 45'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL="loud" must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT="xml" must be auto (readable lines on a terminal, JSON otherwise), pretty or json'],
    [{ SHOW: 'nonexistent' }, 'SHOW="nonexistent" is not a show pack in config/shows/ (show packs there: all-of-us-are-dead)'],
  ])('%o is refused: %s', (env, words) => {
    const message = problem(env);
    expect(message).toContain(words);
    expect(message.startsWith('Invalid configuration: ')).toBe(true);
    expect(message.endsWith('See .env.example.')).toBe(true);
    expect(message).not.toMatch(/NaN|received|Expected|invalid_/);
  });

  test('the token is never shown back, even when other variables are wrong', () => {
    const message = problem({ DISCORD_TOKEN: 'MTAwMDAw.secret-token-value', POLL_INTERVAL_SECONDS: 'x' });
    expect(message).not.toContain('secret-token-value');
  });

  test('allowed hosts take names, addresses and ranges', () => {
    for (const ok of ['rsshub.local', '192.168.1.20', '10.0.0.0/8', '::1', '[fd00::1]', 'fd00::/8', 'feeds.example.com.']) expect(isAllowedHostEntry(ok), ok).toBe(true);
    for (const bad of ['not_a_host!!', 'http://x', '1.2.3.4/33', 'a..b']) expect(isAllowedHostEntry(bad), bad).toBe(false);
    expect(loadConfig({ FEED_ALLOWED_HOSTS: ' rsshub.local , 10.0.0.0/8 ' }).allowedHosts).toEqual(['rsshub.local', '10.0.0.0/8']);
  });
});
