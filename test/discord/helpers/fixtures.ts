/**
 * A small, believable state of knowledge about season 2, written for these tests: an official
 * release date with a conflicting earlier report, a production timeline, cast news and articles.
 * Outlets and addresses are invented.
 */
import type { Fact, FactEvent, FactSource } from '../../../src/facts/types.ts';
import type { FeedRecord, ProcessedItem } from '../../../src/store/types.ts';
import type { MemoryWorld, ReachableFeed } from './memory-services.ts';
import { emptyWorld } from './memory-services.ts';

function source(outlet: string, path: string, published: string, confidence: FactSource['confidence'], sentence: string): FactSource {
  return {
    itemUrl: `https://${outlet.toLowerCase().replace(/[^a-z]+/g, '')}.example/${path}`, outlet, published, confidence, sentence,
    title: sentence.slice(0, 60), firstSeen: published, lastSeen: published,
  };
}

export const RELEASE_DAY = '2027-03-12';
/** Noon UTC on the release day, as the formatter renders it. */
export const RELEASE_UNIX = Date.UTC(2027, 2, 12, 12) / 1000;

export const officialRelease: Fact = {
  kind: 'release', subject: null, value: RELEASE_DAY, confidence: 'official',
  sources: [
    source('Hallyu Wire', 'aouad-s2-date', '2026-11-03T09:00:00Z', 'official', 'Netflix confirmed the second season arrives on 12 March 2027.'),
    source('Seoul Screen Daily', 'netflix-slate-2027', '2026-11-03T11:30:00Z', 'official', 'The streamer set 12 March 2027 for the zombie drama.'),
  ],
  conflicts: [{
    value: '2027-H1', confidence: 'reported',
    sources: [source('Drama Beat', 'aouad-first-half', '2026-08-20T07:00:00Z', 'reported', 'Industry sources point to the first half of 2027.')],
  }],
  asOf: '2026-11-03T09:00:00Z', updatedAt: '2026-11-03T09:05:00Z',
};

export const reportedRelease: Fact = {
  ...officialRelease, value: '2027-H1', confidence: 'reported', conflicts: [],
  sources: [source('Drama Beat', 'aouad-first-half', '2026-08-20T07:00:00Z', 'reported', 'Industry sources point to the first half of 2027.')],
  asOf: '2026-08-20T07:00:00Z',
};

export const renewal: Fact = {
  kind: 'renewal', subject: null, value: 'renewed', confidence: 'official', date: '2022-06-07',
  sources: [source('Hallyu Wire', 'aouad-renewed', '2022-06-07T02:00:00Z', 'official', 'Netflix announced a second season.')],
  conflicts: [], asOf: '2022-06-07T02:00:00Z', updatedAt: '2022-06-07T02:10:00Z',
};

export const production: Fact = {
  kind: 'production', subject: null, value: 'wrapped', confidence: 'reported', date: '2026-02-19',
  sources: [source('Seoul Screen Daily', 'aouad-wrap', '2026-02-20T05:00:00Z', 'reported', 'Cameras stopped rolling on 19 February, the agency said.')],
  conflicts: [], asOf: '2026-02-20T05:00:00Z', updatedAt: '2026-02-20T05:05:00Z',
};

export const castFacts: Fact[] = [
  {
    kind: 'cast', subject: 'Park Ji-hu', value: 'returning', character: 'Nam On-jo', confidence: 'official',
    sources: [source('Hallyu Wire', 'aouad-cast-return', '2025-07-01T03:00:00Z', 'official', 'Park Ji-hu returns as Nam On-jo.')],
    conflicts: [], asOf: '2025-07-01T03:00:00Z', updatedAt: '2025-07-01T03:00:00Z',
  },
  {
    kind: 'cast', subject: 'Lee Min-jae', value: 'new', character: 'Yong Ma-ru', confidence: 'reported',
    sources: [source('Drama Beat', 'aouad-newcomer', '2025-07-15T03:00:00Z', 'reported', 'Lee Min-jae joins as Yong Ma-ru, according to his agency.')],
    conflicts: [], asOf: '2025-07-15T03:00:00Z', updatedAt: '2025-07-15T03:00:00Z',
  },
  {
    kind: 'cast', subject: 'Yoo In-soo', value: 'exited', confidence: 'rumor',
    sources: [source('Fan Pulse', 'aouad-rumour', '2025-08-01T03:00:00Z', 'rumor', 'Fans believe Yoo In-soo will not be back.')],
    conflicts: [], asOf: '2025-08-01T03:00:00Z', updatedAt: '2025-08-01T03:00:00Z',
  },
];

function change(kind: FactEvent['kind'], value: string, previous: string | null, at: string, date: string, s: FactSource): FactEvent {
  return { type: 'fact-change', reason: previous ? 'changed' : 'new', kind, subject: null, value, previous, confidence: s.confidence, date, sources: [s], at };
}

/** Newest first. */
export const events: FactEvent[] = [
  change('production', 'wrapped', 'filming', '2026-02-20T05:05:00Z', '2026-02-19', production.sources[0] as FactSource),
  change('production', 'filming', null, '2025-09-02T05:05:00Z', '2025-09-01',
    source('Seoul Screen Daily', 'aouad-filming', '2025-09-02T05:00:00Z', 'reported', 'Filming began on 1 September in Gyeonggi.')),
  change('renewal', 'renewed', null, '2022-06-07T02:10:00Z', '2022-06-07', renewal.sources[0] as FactSource),
];

export const news: ProcessedItem[] = [
  {
    id: 'n1', feedUrl: 'https://hallyuwire.example/feed', link: 'https://hallyuwire.example/aouad-s2-date',
    title: 'All of Us Are Dead season 2 gets a March date', outlet: 'Hallyu Wire', published: '2026-11-03T09:00:00Z',
    relevant: true, summary: ['release 2027-03-12 (official)'], processedAt: '2026-11-03T09:05:00Z',
  },
  {
    id: 'n2', feedUrl: 'https://dramabeat.example/rss', link: 'https://dramabeat.example/aouad-first-half',
    title: 'Zombie school drama eyes early 2027 @everyone', outlet: 'Drama Beat', published: '2026-08-20T07:00:00Z',
    relevant: true, summary: ['release 2027-H1 (reported)'], processedAt: '2026-08-20T07:05:00Z',
  },
];

export const defaultFeed: FeedRecord = {
  url: 'https://hallyuwire.example/feed', addedBy: [], isDefault: true, title: 'Hallyu Wire', health: 'ok', failures: 0,
  lastSuccessAt: '2026-11-03T09:00:00Z', nextDueAt: '2026-11-03T09:10:00Z', baselined: true, createdAt: '2025-01-01T00:00:00Z',
};

export const failingFeed: FeedRecord = {
  url: 'https://dramabeat.example/rss', addedBy: [], isDefault: true, title: 'Drama Beat', health: 'failing', failures: 3,
  lastError: 'The server answered 503 three times in a row.', nextDueAt: '2026-11-03T10:00:00Z', baselined: true, createdAt: '2025-01-01T00:00:00Z',
};

export const reachableFeed: ReachableFeed = {
  title: 'K-Drama Ledger',
  report: {
    url: 'https://kdramaledger.example/feed.xml', feedTitle: 'K-Drama Ledger', warnings: [],
    items: [{
      title: 'Season 2 of the zombie hit is set for March', link: 'https://kdramaledger.example/a1', relevant: true,
      reason: 'mentions the show and season 2', claims: [{
        kind: 'release', subject: null, value: '2027-03-12', confidence: 'official',
        evidence: { itemUrl: 'https://kdramaledger.example/a1', sentence: 'Netflix has dated the second season for 12 March 2027.' },
      }],
    }],
  },
};

export function populatedWorld(): MemoryWorld {
  const world = emptyWorld();
  world.facts.push(officialRelease, renewal, production, ...castFacts);
  world.events.push(...events);
  world.news.push(...news);
  world.feeds.push({ ...defaultFeed }, { ...failingFeed });
  world.reachable.set(reachableFeed.report.url, reachableFeed);
  world.lastCheckedAt = '2026-11-03T09:10:00Z';
  return world;
}
