/** Builders for events and server settings, written for these tests. */
import type { Evidence, FactEvent } from '../../../src/facts/types.ts';
import type { GuildSettings } from '../../../src/store/types.ts';
import { FACT_KINDS } from '../../../src/facts/types.ts';

export function source(outlet: string, path: string, published = '2026-02-12T09:30:00Z', sentence = 'Netflix has confirmed the new season.'): Evidence {
  return { itemUrl: `https://${outlet.toLowerCase().replace(/[^a-z]+/g, '')}.example/${path}`, outlet, published, sentence, title: `${outlet} story` };
}

export function factEvent(overrides: Partial<FactEvent> = {}): FactEvent {
  return {
    type: 'fact-change',
    reason: 'changed',
    kind: 'release',
    subject: null,
    value: '2027-H1',
    previous: '2026-12',
    confidence: 'reported',
    previousConfidence: 'reported',
    sources: [source('Seoul Screen Daily', 'aoad-s2-window', '2026-02-12T09:30:00Z', 'The second season is now expected in the first half of 2027, people close to the production said.')],
    at: '2026-02-12T10:00:00.000Z',
    ...overrides,
  };
}

let guildSeq = 0;

/** A server subscribed to everything, joined long before any test event. */
export function guild(overrides: Partial<GuildSettings> = {}): GuildSettings {
  guildSeq += 1;
  const id = String(100000000000000000n + BigInt(guildSeq));
  return {
    guildId: `9${id}`,
    alertChannelId: `8${id}`,
    kinds: [...FACT_KINDS],
    minConfidence: 'speculation',
    paused: false,
    feeds: [],
    joinedAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}
