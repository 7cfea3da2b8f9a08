import { describe, expect, it } from 'vitest';
import { checkUrl, resolveAllowed, RefusedError, type HostLookup } from '../../src/feeds/url-guard.ts';
import { whyAddressRefused } from '../../src/feeds/ip-policy.ts';

describe('checkUrl refuses private hosts in every spelling', () => {
  const refused: [string, RegExp][] = [
    ['http://127.0.0.1/feed', /loopback/],
    ['http://2130706433/feed', /127\.0\.0\.1 is a loopback/],
    ['http://0x7f000001/feed', /127\.0\.0\.1 is a loopback/],
    ['http://0177.0.0.1/feed', /127\.0\.0\.1 is a loopback/],
    ['http://127.1/feed', /127\.0\.0\.1 is a loopback/],
    ['http://0x7f.1/feed', /127\.0\.0\.1/],
    ['http://127.000.000.001/feed', /loopback/],
    ['http://10.0.0.5/rss', /private/],
    ['http://172.16.3.4/rss', /private/],
    ['http://192.168.1.1/rss', /private/],
    ['http://100.64.0.1/rss', /carrier-grade NAT/],
    ['http://169.254.169.254/latest/meta-data/', /link-local.*metadata/],
    ['http://0.0.0.0/', /unspecified/],
    ['http://0/', /unspecified/],
    ['http://224.0.0.1/', /multicast/],
    ['http://255.255.255.255/', /broadcast/],
    ['http://240.0.0.1/', /reserved/],
    ['http://[::1]/', /loopback/],
    ['http://[::]/', /unspecified/],
    ['http://[fe80::1]/', /link-local/],
    ['http://[fd00::1]/', /unique-local/],
    ['http://[fc12:3456::1]/', /unique-local/],
    ['http://[ff02::1]/', /multicast/],
    ['http://[::ffff:127.0.0.1]/', /loopback.*wrapped in IPv6/],
    ['http://[::ffff:7f00:1]/', /loopback/],
    ['http://[::ffff:a9fe:a9fe]/', /link-local/],
    ['http://[::127.0.0.1]/', /loopback/],
    ['http://[64:ff9b::10.0.0.1]/', /private.*rfc6052/],
    ['http://[2002:c0a8:0101::1]/', /private.*6to4/],
  ];
  it.each(refused)('%s', (input, why) => {
    const result = checkUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(why);
      expect(result.reason).toMatch(/^refused: .*FEED_ALLOWED_HOSTS/);
    }
  });

  it.each([
    ['file:///etc/passwd', /only http and https/],
    ['ftp://example.com/feed.xml', /only http and https/],
    ['javascript:alert(1)', /only http and https/],
    ['gopher://example.com/', /only http and https/],
    ['http://user:secret@example.com/feed', /user name or password/],
    ['http://:secret@example.com/feed', /user name or password/],
    ['not a url', /not a valid URL/],
    [`https://example.com/${'a'.repeat(2100)}`, /limit is 2048/],
  ])('refuses %s', (input, why) => {
    const result = checkUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(why);
  });

  it.each([
    'https://www.soompi.com/feed',
    'http://8.8.8.8/feed',
    'https://[2606:4700::1111]/feed',
    'http://[2002:0808:0808::1]/',
    'http://[::ffff:8.8.8.8]/',
  ])('lets public %s through', (input) => {
    expect(checkUrl(input).ok).toBe(true);
  });

  it('lets an allow-listed address, range or name through', () => {
    expect(checkUrl('http://127.0.0.1:1200/rss', { allowedHosts: ['127.0.0.1'] }).ok).toBe(true);
    expect(checkUrl('http://10.1.2.3/rss', { allowedHosts: ['10.0.0.0/8'] }).ok).toBe(true);
    expect(checkUrl('http://[::ffff:10.1.2.3]/rss', { allowedHosts: ['10.0.0.0/8'] }).ok).toBe(true);
    expect(checkUrl('http://10.1.2.3/rss', { allowedHosts: ['10.9.9.9'] }).ok).toBe(false);
    expect(checkUrl('http://[fd00::5]/rss', { allowedHosts: ['fd00::/8'] }).ok).toBe(true);
  });
});

describe('resolveAllowed judges what DNS answers', () => {
  const dns = (table: Record<string, string[]>): HostLookup => async (host) => {
    const answers = table[host];
    if (!answers) throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
    return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

  it('refuses a name that resolves to a private address, naming both', async () => {
    const lookup = dns({ 'feed.example': ['10.0.0.5'] });
    await expect(resolveAllowed('feed.example', { lookup })).rejects.toThrow(
      'refused: feed.example resolves to 10.0.0.5, a private address; add it to FEED_ALLOWED_HOSTS if this is your own feed service',
    );
  });

  it('refuses when any one of several answers is private', async () => {
    const lookup = dns({ 'mixed.example': ['93.184.216.34', '::1'] });
    await expect(resolveAllowed('mixed.example', { lookup })).rejects.toBeInstanceOf(RefusedError);
  });

  it('returns public answers and honours allow-listed names', async () => {
    const lookup = dns({ 'news.example': ['93.184.216.34'], 'rsshub.lan': ['192.168.0.10'] });
    await expect(resolveAllowed('news.example', { lookup })).resolves.toEqual([{ address: '93.184.216.34', family: 4 }]);
    await expect(resolveAllowed('rsshub.lan', { lookup, allowedHosts: ['rsshub.lan'] })).resolves.toHaveLength(1);
    await expect(resolveAllowed('rsshub.lan', { lookup, allowedHosts: ['192.168.0.0/24'] })).resolves.toHaveLength(1);
  });

  it('says when a name does not exist', async () => {
    await expect(resolveAllowed('missing.example', { lookup: dns({}) })).rejects.toThrow(/does not exist/);
  });

  it('classifies addresses directly', () => {
    expect(whyAddressRefused('93.184.216.34')).toBeUndefined();
    expect(whyAddressRefused('198.18.0.1')).toMatch(/reserved/);
    expect(whyAddressRefused('2001:db8::1')).toMatch(/reserved/);
  });
});
