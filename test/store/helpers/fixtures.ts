/** Small builders for store records; the text is made up for the tests. */
import type { Fact, FactEvent, FactKind } from '../../../src/facts/types.ts';
import type { Delivery, FeedRecord, GuildSettings, ProcessedItem } from '../../../src/store/types.ts';

export function makeFact(overrides: Partial<Fact> = {}): Fact {
  return {
    kind: 'production',
    subject: null,
    value: 'filming',
    confidence: 'reported',
    sources: [
      {
        itemUrl: 'https://news.example/aouad-season-two-cameras-roll',
        sentence: 'Cameras are now rolling on the second season of the zombie drama, the outlet reported.',
        title: 'Zombie school drama begins shooting its second season',
        outlet: 'news.example',
        confidence: 'reported',
        firstSeen: '2025-06-01T10:00:00.000Z',
        lastSeen: '2025-06-02T10:00:00.000Z',
      },
    ],
    conflicts: [],
    asOf: '2025-06-01T09:00:00.000Z',
    updatedAt: '2025-06-01T10:00:00.000Z',
    ...overrides,
  };
}

export function makeEvent(kind: FactKind, value: string, at: string, overrides: Partial<FactEvent> = {}): FactEvent {
  return {
    type: 'fact-change',
    reason: 'new',
    kind,
    subject: kind === 'cast' || kind === 'crew' ? 'Park Ji-hu' : null,
    value,
    previous: null,
    confidence: 'reported',
    sources: [{ itemUrl: `https://news.example/${kind}/${value}`, sentence: `A made-up sentence saying ${kind} is ${value}.` }],
    at,
    ...overrides,
  };
}

export function makeItem(id: string, overrides: Partial<ProcessedItem> = {}): ProcessedItem {
  return {
    id,
    feedUrl: 'https://news.example/feed.xml',
    link: `https://news.example/articles/${id}`,
    title: `Headline for ${id}`,
    outlet: 'news.example',
    relevant: true,
    summary: ['production: filming (reported)'],
    processedAt: '2025-06-10T00:00:00.000Z',
    ...overrides,
  };
}

export function makeFeed(url: string, overrides: Partial<FeedRecord> = {}): FeedRecord {
  return {
    url,
    addedBy: [],
    isDefault: true,
    health: 'new',
    failures: 0,
    nextDueAt: '2025-06-10T00:00:00.000Z',
    baselined: false,
    createdAt: '2025-06-01T00:00:00.000Z',
    ...overrides,
  };
}

export function makeGuild(guildId: string, overrides: Partial<GuildSettings> = {}): GuildSettings {
  return {
    guildId,
    alertChannelId: `${guildId}-alerts`,
    kinds: ['release', 'production', 'cast'],
    minConfidence: 'reported',
    paused: false,
    feeds: [],
    joinedAt: '2025-05-01T00:00:00.000Z',
    updatedAt: '2025-05-01T00:00:00.000Z',
    ...overrides,
  };
}

export function makeDelivery(id: string, overrides: Partial<Delivery> = {}): Delivery {
  return {
    id,
    nonce: `nonce-${id}`,
    guildId: 'guild-1',
    channelId: 'channel-1',
    event: makeEvent('release', '2026-Q3', '2025-06-01T00:00:00.000Z'),
    action: 'post',
    alertKey: 'release::2026-Q3',
    state: 'pending',
    attempts: 0,
    nextAttemptAt: '2025-06-01T00:00:00.000Z',
    createdAt: '2025-06-01T00:00:00.000Z',
    updatedAt: '2025-06-01T00:00:00.000Z',
    ...overrides,
  };
}
