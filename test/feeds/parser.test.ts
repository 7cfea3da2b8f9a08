import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parser.ts';
import { UserFacingError } from '../../src/shared/errors.ts';

const FEED_URL = 'https://feeds.example/rss';

const rss = (items: string, head = '<title>Drama Desk</title>') =>
  `<?xml version="1.0"?><rss version="2.0"><channel>${head}${items}</channel></rss>`;
const item = (n: number, extra = '') =>
  `<item><title>Story ${n}</title><guid>g-${n}</guid><pubDate>${new Date(Date.UTC(2026, 0, 1, n)).toUTCString()}</pubDate>${extra}</item>`;

describe('parseFeed refuses entity declarations', () => {
  it('refuses billion laughs before parsing', async () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title></channel></rss>`;
    const error = await parseFeed(bomb, FEED_URL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).code).toBe('feed-entities');
    expect((error as Error).message).toMatch(/declares its own XML entities/);
  });

  it('refuses an external entity', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>`;
    await expect(parseFeed(xxe, FEED_URL)).rejects.toThrow(/entities/);
  });

  it('accepts a plain doctype without entities', async () => {
    const feed = `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">${rss(item(1)).replace(/^<\?xml[^>]*>/, '')}`;
    expect((await parseFeed(feed, FEED_URL)).items.map((i) => i.id)).toEqual(['g-1']);
  });
});

describe('parseFeed repairs what strict XML would reject', () => {
  it('reads a bare ampersand and HTML-only entities outside CDATA', async () => {
    const parsed = await parseFeed(rss('<item><title>Park &amp; Yoon &mdash; back for more & ready&nbsp;now</title><guid>a</guid></item>'), FEED_URL);
    expect(parsed.items[0]?.title).toBe('Park & Yoon — back for more & ready now');
    expect(parsed.warnings).toContain('repaired stray "&" or HTML-only entities');
  });

  it('keeps other items when one cannot be read at all', async () => {
    const broken = '<item><title>Broken <b>unclosed</title><guid>bad</guid></item>';
    const parsed = await parseFeed(rss(item(1) + broken + item(2)), FEED_URL);
    expect(parsed.items.map((i) => i.id)).toEqual(['g-2', 'g-1']);
    expect(parsed.warnings).toContain('item 2 could not be read and was skipped');
  });

  it('drops an Atom link without href instead of the whole feed', async () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Beat</title>
<entry><title>Odd link</title><id>e1</id><link>https://beat.example/1</link><updated>2026-01-02T00:00:00Z</updated></entry>
<entry><title>Fine</title><id>e2</id><link href="https://beat.example/2"/><updated>2026-01-01T00:00:00Z</updated></entry></feed>`;
    const parsed = await parseFeed(atom, FEED_URL);
    expect(parsed.items.map((i) => [i.id, i.link])).toEqual([
      ['e1', undefined],
      ['e2', 'https://beat.example/2'],
    ]);
    expect(parsed.items[0]?.published).toBe('2026-01-02T00:00:00.000Z');
    expect(parsed.warnings).toEqual(['item 1: its link could not be read and was dropped']);
  });

  it('drops an RSS date that cannot be read but keeps the item', async () => {
    const parsed = await parseFeed(rss('<item><title>Undated</title><guid>u</guid><pubDate>next Tuesday-ish</pubDate></item>'), FEED_URL);
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0]?.published).toBeUndefined();
  });

  it('explains a document that is not a feed at all', async () => {
    await expect(parseFeed('<html><body>hi</body></html>', FEED_URL)).rejects.toThrow(/could not be read as RSS or Atom/);
  });
});

describe('parseFeed keeps the zone an item was dated in', () => {
  it('reads the offset of RSS, Atom and named zones, and says nothing when the date has none', async () => {
    const dated = (d: string) => `<item><title>t</title><guid>${d}</guid><pubDate>${d}</pubDate></item>`;
    const parsed = await parseFeed(rss(dated('Thu, 19 Feb 2026 22:40:00 -0500') + dated('Fri, 20 Feb 2026 09:15:00 +0900') + dated('Fri, 20 Feb 2026 03:40:00 GMT') + dated('2026-02-20')), FEED_URL);
    expect(Object.fromEntries(parsed.items.map((i) => [i.id, i.utcOffsetMinutes]))).toEqual({
      'Thu, 19 Feb 2026 22:40:00 -0500': -300, 'Fri, 20 Feb 2026 09:15:00 +0900': 540, 'Fri, 20 Feb 2026 03:40:00 GMT': 0, '2026-02-20': undefined,
    });
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>a</id><updated>2026-02-20T03:40:00Z</updated><entry><title>t</title><id>e</id><published>2026-02-19T22:40:00-05:00</published><updated>2026-02-19T22:40:00-05:00</updated><link href="https://a.example/e"/></entry></feed>`;
    const [entry] = (await parseFeed(atom, FEED_URL)).items;
    expect(entry?.published).toBe('2026-02-20T03:40:00.000Z');
    expect(entry?.utcOffsetMinutes).toBe(-300);
  });
});

describe('parseFeed shapes items', () => {
  it('keeps the 300 newest items by default and says so', async () => {
    const many = Array.from({ length: 320 }, (_, n) => item(n)).join('');
    const parsed = await parseFeed(rss(many), FEED_URL);
    expect(parsed.items).toHaveLength(300);
    expect(parsed.items[0]?.id).toBe('g-319');
    expect(parsed.items.at(-1)?.id).toBe('g-20');
    expect(parsed.warnings).toContain('kept the newest 300 of 320 items');
  });

  it('honours a smaller cap', async () => {
    const parsed = await parseFeed(rss(item(1) + item(2) + item(3)), FEED_URL, { maxItems: 2 });
    expect(parsed.items.map((i) => i.id)).toEqual(['g-3', 'g-2']);
  });

  it('caps long titles and texts', async () => {
    const longText = 'zombie '.repeat(5000);
    const parsed = await parseFeed(rss(`<item><title>${'long '.repeat(200)}</title><description>${longText}</description><guid>l</guid></item>`), FEED_URL);
    const first = parsed.items[0];
    expect(first?.title.length).toBeLessThanOrEqual(500);
    expect(first?.text.length).toBeLessThanOrEqual(20_000);
    expect(first?.text.endsWith('…')).toBe(true);
  });

  it('drops links with credentials or odd schemes and gives a stable hash id without guid or link', async () => {
    const a = await parseFeed(rss('<item><title>No ids</title><link>https://u:p@x.example/</link><pubDate>Mon, 02 Mar 2026 00:00:00 GMT</pubDate></item>'), FEED_URL);
    const b = await parseFeed(rss('<item><title>No ids</title><link>data:text/html,hi</link><pubDate>Mon, 02 Mar 2026 00:00:00 GMT</pubDate></item>'), FEED_URL);
    expect(a.items[0]?.link).toBeUndefined();
    expect(a.items[0]?.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.items[0]?.id).toBe(b.items[0]?.id);
  });

  it('splits "Headline - Outlet" in news-search feeds without a source element', async () => {
    const parsed = await parseFeed(rss('<item><title>Season 2 filming wraps - Drama Post</title><guid>n</guid></item>'), FEED_URL, { kind: 'news-search' });
    expect(parsed.items[0]).toMatchObject({ title: 'Season 2 filming wraps', outlet: 'Drama Post' });
  });
});

describe('parseFeed read from a file', () => {
  it('keeps absolute links and link-based ids when the feed has a path, not a URL', async () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://desk.example/"><title>Desk</title><link>https://desk.example/</link><description>d</description></channel>
<item rdf:about="https://desk.example/story-1"><title>Story</title><link>https://desk.example/story-1</link><dc:date>2026-01-02T00:00:00Z</dc:date></item>
</rdf:RDF>`;
    const { items } = await parseFeed(rdf, 'test/fixtures/desk.rdf');
    expect(items[0]?.link).toBe('https://desk.example/story-1');
    expect(items[0]?.id).toBe('https://desk.example/story-1');
    const relative = await parseFeed(rss(item(1, '<link>/stories/1</link>')), 'feeds/local.xml');
    expect(relative.items[0]?.link).toBeUndefined();
  });
});
