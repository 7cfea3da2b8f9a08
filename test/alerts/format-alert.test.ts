import { describe, expect, test } from 'vitest';
import { formatAlert, formatPreview, MAX_SOURCES_SHOWN } from '../../src/alerts/format-alert.ts';
import type { FactEvent } from '../../src/facts/types.ts';
import { factEvent, guild, source } from './helpers/fixtures.ts';

const SHOW = 'All of Us Are Dead';
const ROLE = '333333333333333333';

interface Golden {
  name: string;
  event: FactEvent;
  title: string;
  description: string;
  color: number;
  confidence: string;
  content: string;
}

const GOLDEN: Golden[] = [
  {
    name: 'release date with Discord timestamps',
    event: factEvent({ value: '2027-03-14', previous: '2027-H1', confidence: 'official', previousConfidence: 'reported' }),
    title: 'All of Us Are Dead · Release date: changed',
    description:
      'Release date: **first half of 2027** → **14 March 2027**\n' +
      'Confidence: 📰 Reported → ✅ Official\n' +
      '📅 <t:1805025600:D> (<t:1805025600:R>)',
    color: 0x2ecc71,
    confidence: '✅ **Official** — announced by Netflix, the studio or the cast themselves',
    content: '✅ Release date: 14 March 2027',
  },
  {
    name: 'release window moved',
    event: factEvent({ value: '2027-H1', previous: '2026-12' }),
    title: 'All of Us Are Dead · Release window: changed',
    description: 'Release window: **December 2026** → **first half of 2027**',
    color: 0x3498db,
    confidence: '📰 **Reported** — reported by news outlets, not yet confirmed',
    content: '📰 Release window: first half of 2027',
  },
  {
    name: 'first release window, a quarter',
    event: factEvent({ reason: 'new', value: '2027-Q1', previous: null, previousConfidence: null, confidence: 'rumor' }),
    title: 'All of Us Are Dead · Release window: new',
    description: 'Release window: **Q1 2027**',
    color: 0xe67e22,
    confidence: '💬 **Rumor** — unconfirmed talk from an unnamed or single source',
    content: '💬 Release window: Q1 2027',
  },
  {
    name: 'production stage with its date',
    event: factEvent({ kind: 'production', value: 'wrapped', previous: 'filming', date: '2026-02-19', confidence: 'official', previousConfidence: 'official' }),
    title: 'All of Us Are Dead · Production: changed',
    description: 'Production: **filming** → **filming wrapped**\nDate: 19 February 2026',
    color: 0x2ecc71,
    confidence: '✅ **Official** — announced by Netflix, the studio or the cast themselves',
    content: '✅ Production: filming wrapped',
  },
  {
    name: 'cast member with character',
    event: factEvent({ kind: 'cast', reason: 'new', subject: 'Park Ji-hu', value: 'returning', character: 'Nam On-jo', previous: null, previousConfidence: null }),
    title: 'All of Us Are Dead · Cast — Park Ji-hu: new',
    description: 'Cast: **Park Ji-hu** — **returning** as **Nam On-jo**',
    color: 0x3498db,
    confidence: '📰 **Reported** — reported by news outlets, not yet confirmed',
    content: '📰 Cast — Park Ji-hu: returning',
  },
  {
    name: 'crew member',
    event: factEvent({ kind: 'crew', reason: 'new', subject: 'Lee Jae-kyoo', value: 'director', previous: null, previousConfidence: null, confidence: 'official' }),
    title: 'All of Us Are Dead · Crew — Lee Jae-kyoo: new',
    description: 'Crew: **Lee Jae-kyoo** — **director**',
    color: 0x2ecc71,
    confidence: '✅ **Official** — announced by Netflix, the studio or the cast themselves',
    content: '✅ Crew — Lee Jae-kyoo: director',
  },
  {
    name: 'renewal',
    event: factEvent({ kind: 'renewal', reason: 'new', value: 'renewed', previous: null, previousConfidence: null, confidence: 'official' }),
    title: 'All of Us Are Dead · Renewal: new',
    description: 'Renewal: **renewed**',
    color: 0x2ecc71,
    confidence: '✅ **Official** — announced by Netflix, the studio or the cast themselves',
    content: '✅ Renewal: renewed',
  },
  {
    name: 'confidence upgrade of the same value',
    event: factEvent({ reason: 'upgraded', value: '2027-H1', previous: '2027-H1', confidence: 'official', previousConfidence: 'reported' }),
    title: 'All of Us Are Dead · Release window: now official',
    description: 'Release window: **first half of 2027**\nConfidence: 📰 Reported → ✅ Official',
    color: 0x2ecc71,
    confidence: '✅ **Official** — announced by Netflix, the studio or the cast themselves',
    content: '✅ Release window: first half of 2027',
  },
  {
    name: 'episode count',
    event: factEvent({ kind: 'episodes', value: '10', previous: '8', confidence: 'speculation', previousConfidence: 'speculation' }),
    title: 'All of Us Are Dead · Episode count: changed',
    description: 'Episode count: **8 episodes** → **10 episodes**',
    color: 0x95a5a6,
    confidence: '🔮 **Speculation** — a guess or a hint, nothing reported yet',
    content: '🔮 Episode count: 10 episodes',
  },
];

describe('formatAlert golden messages', () => {
  test.each(GOLDEN)('$name', ({ event, title, description, color, confidence, content }) => {
    const message = formatAlert(event, { showTitle: SHOW });
    expect(message.content).toBe(content);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.embeds).toHaveLength(1);
    const [embed] = message.embeds;
    expect(embed).toMatchObject({
      title,
      description,
      color,
      url: 'https://seoulscreendaily.example/aoad-s2-window',
      timestamp: '2026-02-12T10:00:00.000Z',
    });
    expect(embed?.fields).toEqual([
      { name: 'Confidence', value: confidence },
      { name: 'Source', value: '• [Seoul Screen Daily — 12 Feb 2026](https://seoulscreendaily.example/aoad-s2-window)' },
      { name: 'What the article says', value: '> The second season is now expected in the first half of 2027, people close to the production said.' },
    ]);
    expect(embed?.footer.text).toMatch(/✅ official.*📰 reported.*💬 rumor.*🔮 speculation/);
  });
});

describe('formatAlert details', () => {
  test('pings the configured role in content, and only that role', () => {
    const message = formatAlert(factEvent(), { showTitle: SHOW, pingRoleId: ROLE });
    expect(message.content).toBe(`<@&${ROLE}> 📰 Release window: first half of 2027`);
    expect(message.allowed_mentions).toEqual({ parse: [], roles: [ROLE] });
  });

  test('shows five sources and counts the rest', () => {
    const sources = ['Alpha News', 'Bravo Daily', 'Charlie Times', 'Delta Post', 'Echo Wire', 'Foxtrot Star', 'Golf Herald'].map((o, i) =>
      source(o, `s${i}`, `2026-02-1${i}T08:00:00Z`),
    );
    const message = formatAlert(factEvent({ sources }), { showTitle: SHOW });
    const field = message.embeds[0]?.fields[1];
    expect(field?.name).toBe('Sources (7)');
    const lines = field?.value.split('\n') ?? [];
    expect(lines).toHaveLength(MAX_SOURCES_SHOWN + 1);
    expect(lines[0]).toBe('• [Alpha News — 10 Feb 2026](https://alphanews.example/s0)');
    expect(lines[4]).toBe('• [Echo Wire — 14 Feb 2026](https://echowire.example/s4)');
    expect(lines[5]).toBe('+2 more');
  });

  test('"also reported by" names later outlets once and lists them as sources', () => {
    const first = source('Seoul Screen Daily', 'aoad-s2-window');
    const later = [source('Hangul Herald', 'h1', '2026-02-13T08:00:00Z'), source('K-Wave Wire', 'k1', '2026-02-14T08:00:00Z'), first];
    const message = formatAlert(factEvent({ sources: [first] }), { showTitle: SHOW, alsoReportedBy: later });
    const embed = message.embeds[0];
    expect(embed?.description.split('\n').at(-1)).toBe('Also reported by Hangul Herald, K-Wave Wire.');
    expect(embed?.fields[1]?.name).toBe('Sources (3)');
    expect(embed?.fields[1]?.value).toContain('• [K-Wave Wire — 14 Feb 2026](https://kwavewire.example/k1)');
  });

  test('a source without a usable link is named, not linked, and its host stands in for a missing outlet', () => {
    const message = formatAlert(
      factEvent({ sources: [{ itemUrl: 'javascript:alert(1)', sentence: 'x', outlet: 'Shady Site' }, { itemUrl: 'https://www.news.example/a', sentence: 'y' }] }),
      { showTitle: SHOW },
    );
    const embed = message.embeds[0];
    expect(embed?.url).toBeUndefined();
    expect(embed?.fields[1]?.value).toBe('• Shady Site\n• [news.example](https://www.news.example/a)');
  });

  test('dates follow the locale', () => {
    const message = formatAlert(factEvent({ value: '2027-03-14' }), { showTitle: SHOW, locale: 'fr-FR' });
    expect(message.embeds[0]?.description).toContain('**14 mars 2027**');
  });

  test('the same event always formats the same way', () => {
    const event = factEvent();
    expect(formatAlert(event, { showTitle: SHOW })).toEqual(formatAlert(structuredClone(event), { showTitle: SHOW }));
  });
});

describe('formatPreview', () => {
  test('shows a sample alert and the settings, and pings nobody', () => {
    const settings = guild({ alertChannelId: '444444444444444444', pingRoleId: ROLE, kinds: ['release', 'cast'], minConfidence: 'reported' });
    const preview = formatPreview(settings, { showTitle: SHOW });
    expect(preview.allowed_mentions).toEqual({ parse: [] });
    expect(preview.content).not.toContain('<@');
    expect(preview.embeds).toHaveLength(2);
    expect(preview.embeds[0]?.title).toBe('All of Us Are Dead · Release window: changed');
    const fields = Object.fromEntries(preview.embeds[1]?.fields.map((f) => [f.name, f.value]) ?? []);
    expect(fields).toEqual({
      Status: '▶️ Active',
      Channel: '<#444444444444444444>',
      'Role pinged': `<@&${ROLE}>`,
      Kinds: 'Release, Cast',
      'Minimum confidence': '📰 Reported',
    });
  });

  test('tells an admin why alerts stopped', () => {
    const reason = 'Hyosan can no longer post in <#444444444444444444> (missing access). An admin can fix the permission and run /alerts channel again.';
    const preview = formatPreview(guild({ disabledReason: reason, pingRoleId: undefined }), { showTitle: SHOW });
    const fields = Object.fromEntries(preview.embeds[1]?.fields.map((f) => [f.name, f.value]) ?? []);
    expect(fields.Status).toBe(`⛔ Stopped: ${reason}`);
    expect(fields['Role pinged']).toBe('no role is pinged');
  });
});
