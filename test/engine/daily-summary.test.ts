import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { summarize } from '../../src/daily-summary.ts';
import { newFeedRecord } from '../../src/feeds/feed-health.ts';
import { openStores } from '../../src/store/index.ts';
import type { Stores } from '../../src/store/types.ts';
import { factEvent } from '../alerts/helpers/fixtures.ts';
import { logSink } from '../helpers/log-sink.ts';

let stores: Stores;
beforeEach(async () => {
  stores = await openStores('sqlite://:memory:');
});
afterEach(async () => {
  await stores.close();
});

describe('daily summary', () => {
  test('one line: feeds by health, facts changed and alerts sent in the last day; the alert counts start again', async () => {
    const now = new Date('2026-12-06T12:00:00Z');
    const at = new Date('2026-01-01T00:00:00Z');
    await stores.feeds.put({ ...newFeedRecord('https://a.example/feed', at, { isDefault: true }), health: 'ok' });
    await stores.feeds.put({ ...newFeedRecord('https://b.example/feed', at, { isDefault: true }), health: 'ok' });
    await stores.feeds.put({ ...newFeedRecord('https://c.example/feed', at, { isDefault: true }), health: 'failing' });
    await stores.facts.appendEvents([
      factEvent({ at: '2026-12-04T10:00:00.000Z' }),
      factEvent({ at: '2026-12-06T01:00:00.000Z', value: '2027-03-14' }),
      factEvent({ at: '2026-12-06T02:00:00.000Z', type: 'corroboration' }),
      factEvent({ at: '2026-12-06T03:00:00.000Z', kind: 'episodes', value: '8', previous: null, silent: true }),
    ]);
    const tally = { posted: 5, edited: 2 };
    const { logger, lines } = logSink('info');
    const summary = await summarize({ feeds: stores.feeds, facts: stores.facts, tally, clock: () => now, logger });
    expect(summary).toEqual({ feeds: { ok: 2, failing: 1, disabled: 0, new: 0 }, factsChanged: 1, alertsPosted: 5, alertsEdited: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      module: 'summary', msg: 'last 24 h: feeds 2 ok, 1 failing, 0 disabled; 1 facts changed; 5 alerts posted, 2 edited',
    });
    expect(tally).toEqual({ posted: 0, edited: 0 });
  });
});
