/**
 * Real user stories, end to end: the real discord.js client and the whole bot against the local
 * Discord emulator, with feeds served from 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openBackend } from '../../src/store/index.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';
import type { Guild } from '../emulator/state.ts';
import { deployToEmulator, emptyFeedsFile, makeFeedsDue, startBot, until, type RunningBot } from './bot-harness.ts';
import { startFeedServer, type FeedServer } from './feed-server.ts';

const EPHEMERAL = 64;
const DAY = 86_400_000;

function textOf(data: unknown): string {
  return JSON.stringify(data ?? {});
}

function channel(guild: Guild, name: string): string {
  const found = guild.channels.find((c) => c.name === name);
  if (!found) throw new Error(`no #${name} in ${guild.name}`);
  return found.id;
}

function member(guild: Guild, prefix: string): string {
  const found = guild.members.find((m) => m.user.username.startsWith(prefix));
  if (!found) throw new Error(`no ${prefix} in ${guild.name}`);
  return found.user.id;
}

const alertsIn = (emulator: Emulator, channelId: string) => emulator.messages(channelId).filter((m) => m.source === 'rest' && !m.deleted);

const BACKENDS = [
  ['embedded SQLite', 'sqlite://:memory:'],
  ['Redis', process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'],
  ['PostgreSQL', process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'],
] as const;

describe.each(BACKENDS)('Hyosan on Discord, end to end, on %s', (_name, storeUrl) => {
  let emulator: Emulator;
  let feeds: FeedServer;
  let bot: RunningBot;
  let guilds: Guild[];
  const namespace = `e2e-${process.pid}-${Date.now().toString(36)}`;

  beforeAll(async () => {
    emulator = await startEmulator();
    feeds = await startFeedServer();
    // An outlet's feed with old news only: adding it must not post anything.
    feeds.set('/kdrama.xml', 'K-Drama Desk', [
      {
        guid: 'old-wrap',
        title: 'All of Us Are Dead season 2 wraps filming',
        body: 'Filming on All of Us Are Dead season 2 wrapped on February 19, according to the production company, and the series is now in post-production.',
        published: new Date(Date.now() - 200 * DAY),
      },
    ]);
    await deployToEmulator(emulator);
    // A namespace of its own, so runs sharing a Redis or PostgreSQL server start from nothing.
    bot = await startBot(emulator, storeUrl, await emptyFeedsFile(), namespace);
    guilds = emulator.guilds();
  });

  afterAll(async () => {
    await bot?.stop();
    const kv = await openBackend(storeUrl, { namespace });
    await kv.clear();
    await kv.close();
    await feeds?.close();
    await emulator?.close();
  });

  test('deploy registered every command, with Korean names', () => {
    const names = emulator.globalCommands().map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['release', 'cast', 'status', 'news', 'history', 'help', 'feeds', 'alerts']));
    expect(emulator.globalCommands().every((c) => (c as { name_localizations?: Record<string, string> }).name_localizations?.ko)).toBe(true);
  });

  test("a fan's /release answers publicly from the shipped facts, with confidence and sources", async () => {
    const g = guilds[0]!;
    const reply = await emulator.invokeCommand({ name: 'release', guildId: g.id, userId: member(g, 'viewer') }).response();
    expect(reply.type).toBe(4);
    const data = reply.data as { flags?: number };
    expect((data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(textOf(data)).toMatch(/2027/);
    expect(textOf(data)).toMatch(/speculation/i);
    expect(reply.latencyMs).toBeLessThan(3000);
  });

  test('a member without Manage Server is refused by /feeds add', async () => {
    const g = guilds[0]!;
    const reply = await emulator.invokeCommand({ name: 'feeds', subcommand: 'add', options: { url: feeds.url('/kdrama.xml') }, guildId: g.id, userId: member(g, 'viewer') }).response();
    expect(textOf(reply.data)).toMatch(/Manage Server/);
    expect(((reply.data as { flags?: number }).flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(await bot.app.stores.feeds.list()).toEqual([]);
  });

  test('admins choose alert channels, and one adds a feed served from 127.0.0.1 without a flood of old news', async () => {
    for (const g of guilds.slice(0, 2)) {
      const reply = await emulator.invokeCommand({ name: 'alerts', subcommand: 'channel', options: { channel: channel(g, 'announcements') }, guildId: g.id, userId: member(g, 'admin') }).response();
      expect(textOf(reply.data)).toMatch(/announcements|<#/);
      expect((await bot.app.stores.guilds.get(g.id))?.alertChannelId).toBe(channel(g, 'announcements'));
    }
    // The second server's admin uses Discord in Korean and wants Korean alerts.
    const korean = guilds[1]!;
    const chosen = await emulator.invokeCommand({ name: 'alerts', subcommand: 'language', options: { language: 'ko' }, guildId: korean.id, userId: member(korean, 'admin'), locale: 'ko' }).response();
    expect((chosen.data as { content?: string }).content).toBe('알림을 한국어로 씁니다.');
    const shown = await emulator.invokeCommand({ name: 'alerts', subcommand: 'show', guildId: korean.id, userId: member(korean, 'admin'), locale: 'ko' }).response();
    expect((shown.data as { content?: string }).content).toContain('알림 언어: 한국어 (/알림 언어 로 선택함)');
    const g = guilds[0]!;
    const handle = emulator.invokeCommand({ name: 'feeds', subcommand: 'add', options: { url: feeds.url('/kdrama.xml') }, guildId: g.id, userId: member(g, 'admin') });
    await handle.response();
    const final = await until(() => {
      const original = handle.original();
      return original?.editedAt ? original : undefined;
    }, 'the /feeds add reply');
    expect(textOf(final)).toMatch(/K-Drama Desk|kdrama/);
    await until(async () => (await bot.app.stores.feeds.get(feeds.url('/kdrama.xml')))?.baselined, 'the first fetch of the new feed');
    expect(alertsIn(emulator, channel(guilds[0]!, 'announcements'))).toEqual([]);
  });

  test('a new fact in that feed posts one alert in each subscribed server, and a second outlet edits it', async () => {
    feeds.add('/kdrama.xml', {
      guid: 'date-announced',
      title: 'Netflix sets March 12, 2027 premiere for All of Us Are Dead season 2',
      body: 'Netflix announced on Monday that All of Us Are Dead season 2 will premiere on March 12, 2027.',
      published: new Date(),
      outlet: 'K-Drama Desk',
    });
    await makeFeedsDue(bot.app);
    await bot.app.pollNow();
    const [c1, c2, c3] = [channel(guilds[0]!, 'announcements'), channel(guilds[1]!, 'announcements'), channel(guilds[2]!, 'announcements')];
    await until(() => alertsIn(emulator, c1).length === 1 && alertsIn(emulator, c2).length === 1, 'one alert in each subscribed channel');
    const alert = alertsIn(emulator, c1)[0]!;
    expect(textOf(alert.embeds)).toMatch(/2027/);
    expect(textOf(alert.embeds)).toMatch(/official/i);
    expect(alert.pings).toMatchObject({ everyone: false, here: false, roles: [], users: [] });
    // Each server reads it in its language, with the day as a Discord timestamp and countdown.
    expect(alert.embeds[0]).toMatchObject({ title: 'Season 2 premieres 12 March 2027' });
    expect(alertsIn(emulator, c2)[0]!.embeds[0]).toMatchObject({ title: '시즌 2, 2027년 3월 12일 공개' });
    expect(textOf(alertsIn(emulator, c2)[0]!.embeds)).toMatch(/✅ 공식.*<t:\d+:D> \(<t:\d+:R>\)|<t:\d+:D> \(<t:\d+:R>\).*✅ 공식/);
    expect(alertsIn(emulator, c3)).toEqual([]);

    feeds.set('/second.xml', 'Seoul Screen', [
      {
        guid: 'date-confirmed-2',
        title: "All of Us Are Dead returns March 12, 2027, Netflix confirms",
        body: 'Netflix confirmed that season 2 of All of Us Are Dead premieres on March 12, 2027.',
        published: new Date(Date.now() + 1000),
      },
    ]);
    const g = guilds[0]!;
    const added = emulator.invokeCommand({ name: 'feeds', subcommand: 'add', options: { url: feeds.url('/second.xml') }, guildId: g.id, userId: member(g, 'admin') });
    await added.response();
    await until(async () => (await bot.app.stores.feeds.get(feeds.url('/second.xml')))?.baselined, 'the second feed fetched');
    await until(() => alertsIn(emulator, c1)[0]?.editedAt && alertsIn(emulator, c2)[0]?.editedAt, 'the alerts edited');
    expect(alertsIn(emulator, c1)).toHaveLength(1);
    expect(alertsIn(emulator, c2)).toHaveLength(1);
    expect(textOf(alertsIn(emulator, c1)[0]!.embeds)).toMatch(/second\.xml|Seoul Screen|127\.0\.0\.1/);
  });

  test('two outlets with the same news in one poll round make one alert that lists both', async () => {
    const c1 = channel(guilds[0]!, 'announcements');
    const before = alertsIn(emulator, c1).length;
    const story = (guid: string, delay: number) => ({
      guid,
      title: 'Newcomer Kang Ye-rin joins All of Us Are Dead season 2',
      body: 'Netflix confirmed that newcomer Kang Ye-rin has joined the cast of All of Us Are Dead season 2.',
      published: new Date(Date.now() + delay),
    });
    feeds.add('/kdrama.xml', story('kang-1', 1500));
    feeds.add('/second.xml', story('kang-2', 1600));
    await makeFeedsDue(bot.app);
    await bot.app.pollNow();
    const alert = await until(() => {
      const fresh = alertsIn(emulator, c1).slice(before);
      return fresh.length === 1 && fresh[0]?.editedAt ? fresh[0] : undefined;
    }, 'one alert, edited with the second outlet');
    expect(alertsIn(emulator, c1)).toHaveLength(before + 1);
    expect(textOf(alert.embeds)).toMatch(/Kang Ye-rin/);
    expect(textOf(alert.embeds)).toMatch(/K-Drama Desk/);
    expect(textOf(alert.embeds)).toMatch(/Seoul Screen/);
  });

  test("a server whose preferred locale is Korean gets Korean alerts until an admin chooses", async () => {
    const g = guilds[2]!;
    expect(await bot.app.services.alerts.language(g.id)).toEqual({ language: 'en', chosen: false });
    emulator.updateGuild(g.id, { preferredLocale: 'ko' });
    await until(async () => (await bot.app.services.alerts.language(g.id)).language === 'ko', 'the locale to reach the bot');
    const reply = await emulator.invokeCommand({ name: 'alerts', subcommand: 'preview', guildId: g.id, userId: member(g, 'admin') }).response();
    const [sample, settings] = (reply.data as { embeds: { title: string; fields: { name: string; value: string }[] }[] }).embeds;
    // The admin's client is English: the settings are in English, the sample in the server's language.
    expect(sample?.title).toBe('시즌 2, 2027년 상반기 공개 예정');
    expect(settings?.fields.find((f) => f.name === 'Language')?.value).toBe('Korean');
  });

  test('a deleted alert channel disables that server with a notice, while others keep receiving', async () => {
    const [g1, g2] = [guilds[0]!, guilds[1]!];
    emulator.deleteChannel(channel(g2, 'announcements'));
    feeds.add('/kdrama.xml', {
      guid: 'episodes',
      title: 'All of Us Are Dead season 2 will have eight episodes',
      body: 'Netflix confirmed that All of Us Are Dead season 2 will have eight episodes.',
      published: new Date(Date.now() + 2000),
    });
    await makeFeedsDue(bot.app);
    await bot.app.pollNow();
    await until(() => alertsIn(emulator, channel(g1, 'announcements')).length === 3, 'the next alert in the healthy server');
    const settings = await until(async () => {
      const s = await bot.app.stores.guilds.get(g2.id);
      return s?.disabledReason ? s : undefined;
    }, 'the broken server to be disabled');
    expect(settings.disabledReason).toMatch(/can no longer post|missing|unknown/i);
    await until(() => emulator.messages(channel(g2, 'general')).some((m) => /alerts/i.test(m.content + textOf(m.embeds))), 'a notice for the admins');
    const status = await emulator.invokeCommand({ name: 'alerts', subcommand: 'show', guildId: g2.id, userId: member(g2, 'admin') }).response();
    expect(textOf(status.data)).toMatch(/Stopped|disabled|can no longer/i);
  });
});
