/**
 * Each server reads alerts in its language: the one an admin chose with /alerts language, else
 * Korean when the server's preferred locale is Korean, else English. Real SQLite store, the real
 * delivery worker and fan-out; Discord is the scripted fake the worker tests use.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DeliveryWorker } from '../../src/alerts/delivery.ts';
import { planDeliveries } from '../../src/alerts/fan-out.ts';
import { serverLanguagePort } from '../../src/alerts/server-language-port.ts';
import { CHANNEL_LOOKUP_INTERVAL_MS, channelLanguage, createAlertAdmin } from '../../src/services/alert-admin.ts';
import { openStores } from '../../src/store/index.ts';
import type { GuildSettings, Stores } from '../../src/store/types.ts';
import { logSink } from '../helpers/log-sink.ts';
import { FakeClock } from './helpers/fake-clock.ts';
import { FakeDiscord } from './helpers/fake-discord.ts';
import { factEvent, guild, source } from './helpers/fixtures.ts';

let stores: Stores;
let clock: FakeClock;
let discord: FakeDiscord;
const locales = new Map<string, string>();

beforeEach(async () => {
  stores = await openStores('sqlite://:memory:');
  clock = new FakeClock('2026-02-12T12:00:00.000Z');
  discord = new FakeDiscord(clock);
  locales.clear();
});
afterEach(async () => {
  await stores.close();
});

function admin() {
  return createAlertAdmin({
    guilds: stores.guilds, feeds: stores.feeds, outbox: stores.outbox, meta: stores.meta, showTitle: 'All of Us Are Dead',
    guildLocale: (guildId) => locales.get(guildId), clock: clock.now,
  });
}

async function deliver(guilds: GuildSettings[], events = [factEvent()]): Promise<void> {
  for (const g of guilds) await stores.guilds.put(g);
  const alerts = admin();
  const worker = new DeliveryWorker({
    outbox: stores.outbox, guilds: stores.guilds, port: serverLanguagePort(discord, channelLanguage(stores.guilds, alerts)),
    showTitle: 'All of Us Are Dead', season: 2, now: clock.now, sleep: clock.sleep,
  });
  for (const event of events) {
    await planDeliveries(event, guilds, stores.outbox, { now: clock.now });
    await worker.drainOnce();
  }
}

describe('alert language per server', () => {
  test('follows the preferred locale until an admin chooses, and "automatic" follows it again', async () => {
    const g = guild();
    const alerts = admin();
    expect(await alerts.language(g.guildId)).toEqual({ language: 'en', chosen: false });
    locales.set(g.guildId, 'ko');
    expect(await alerts.language(g.guildId)).toEqual({ language: 'ko', chosen: false });
    expect(await alerts.setLanguage(g.guildId, 'en')).toEqual({ language: 'en', chosen: true });
    // A new process reads the choice back from the store.
    expect(await admin().language(g.guildId)).toEqual({ language: 'en', chosen: true });
    expect(await alerts.setLanguage(g.guildId, 'auto')).toEqual({ language: 'ko', chosen: false });
  });

  test('a Korean server gets the alert in Korean, an English one in English, and an admin choice wins over the locale', async () => {
    const korean = guild();
    const english = guild();
    const chosen = guild();
    locales.set(korean.guildId, 'ko');
    locales.set(chosen.guildId, 'ko');
    await admin().setLanguage(chosen.guildId, 'en');
    await deliver([korean, english, chosen]);
    const title = (g: GuildSettings) => discord.messages(g.alertChannelId ?? '')[0]?.message.embeds[0]?.title;
    // Delivery passes the pack's season: the title names it in each server's language.
    expect(title(korean)).toBe('시즌 2, 2027년 상반기 공개 예정');
    expect(title(english)).toBe('Season 2 expected in the first half of 2027');
    expect(title(chosen)).toBe('Season 2 expected in the first half of 2027');
    // What reaches Discord is one language only.
    expect(discord.messages(korean.alertChannelId ?? '')[0]?.message.languages).toBeUndefined();
  });

  test('a corroboration edits the Korean alert in Korean, changing only its source line', async () => {
    const korean = guild();
    locales.set(korean.guildId, 'ko-KR');
    const first = factEvent();
    const later = factEvent({ type: 'corroboration', previous: '2027-H1', sources: [source('Hangul Herald', 'h1', '2026-02-13T08:00:00Z')], at: '2026-02-13T08:05:00.000Z' });
    await deliver([korean], [first, later]);
    const [stored] = discord.messages(korean.alertChannelId ?? '');
    expect(stored?.edits).toHaveLength(1);
    const posted = stored?.edits[0]?.embeds[0]?.description.split('\n') ?? [];
    expect(stored?.message.embeds[0]?.title).toBe('시즌 2, 2027년 상반기 공개 예정');
    expect(posted.at(-1)).toBe('출처: [Seoul Screen Daily](https://seoulscreendaily.example/aoad-s2-window) · [Hangul Herald](https://hangulherald.example/h1)');
    expect(posted.slice(0, -1)).toEqual(['2026년 12월 → **2027년 상반기**', '📰 보도', '> The second season is now expected in the first half of 2027, people close to the production said.']);
  });

  test('a channel is placed by Discord\'s cache first; an unknown one reads the server list at most once a minute', async () => {
    const korean = guild();
    locales.set(korean.guildId, 'ko');
    await stores.guilds.put(korean);
    let lists = 0;
    const counted = { ...stores.guilds, list: async () => { lists += 1; return stores.guilds.list(); } };
    const oldChannel = '811111111111111111';
    const place = channelLanguage(counted, admin(), { guildOfChannel: (id) => (id === oldChannel ? korean.guildId : undefined), clock: clock.now });
    // A channel the server used before: not its alert channel now, still its server's language.
    expect(await place(oldChannel)).toEqual({ guildId: korean.guildId, language: 'ko' });
    expect(lists).toBe(0);
    expect(await place(korean.alertChannelId ?? '')).toEqual({ guildId: korean.guildId, language: 'ko' });
    expect(lists).toBe(1);
    for (let i = 0; i < 5; i += 1) expect(await place('899999999999999999')).toEqual({ language: 'en' });
    expect(lists).toBe(1);
    clock.advance(CHANNEL_LOOKUP_INTERVAL_MS);
    await place('899999999999999999');
    expect(lists).toBe(2);
  });

  test('one log line per alert posted or edited, saying what was announced where, and one per admin change', async () => {
    const korean = guild();
    locales.set(korean.guildId, 'ko');
    await stores.guilds.put(korean);
    const { logger, lines } = logSink('info');
    const alerts = createAlertAdmin({
      guilds: stores.guilds, feeds: stores.feeds, outbox: stores.outbox, meta: stores.meta, showTitle: 'All of Us Are Dead',
      guildLocale: (guildId) => locales.get(guildId), clock: clock.now, logger,
    });
    await alerts.update(korean.guildId, { paused: false, minConfidence: 'reported' });
    await alerts.setLanguage(korean.guildId, 'ko');
    const worker = new DeliveryWorker({
      outbox: stores.outbox, guilds: stores.guilds, port: serverLanguagePort(discord, channelLanguage(stores.guilds, alerts), logger),
      showTitle: 'All of Us Are Dead', now: clock.now, sleep: clock.sleep,
    });
    await planDeliveries(factEvent(), [korean], stores.outbox, { now: clock.now });
    await worker.drainOnce();
    await planDeliveries(factEvent({ type: 'corroboration', previous: '2027-H1', sources: [source('Hangul Herald', 'h1')], at: '2026-02-13T08:05:00.000Z' }), [korean], stores.outbox, { now: clock.now });
    await worker.drainOnce();
    const messageId = discord.messages(korean.alertChannelId ?? '')[0]?.id;
    expect(lines.map((l) => l.msg)).toEqual([
      'alert settings changed: paused, minConfidence',
      'alert language set to ko',
      'alert posted: New season expected in the first half of 2027',
      'alert edited (another source): New season expected in the first half of 2027',
    ]);
    expect(lines[0]).toMatchObject({ module: 'admin', guildId: korean.guildId, changes: { paused: false, minConfidence: 'reported' } });
    expect(lines[2]).toMatchObject({
      module: 'alerts', guildId: korean.guildId, channelId: korean.alertChannelId, messageId, language: 'ko',
      alert: 'New season expected in the first half of 2027', change: 'December 2026 → **first half of 2027**',
    });
    expect(lines[3]).toMatchObject({ messageId, sources: 'Sources: Seoul Screen Daily · Hangul Herald' });
  });
});
