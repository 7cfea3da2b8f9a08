/**
 * The real discord.js client, our router and commands, against the local Discord emulator:
 * what fans and admins actually see when they run the commands.
 */
import type { Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordClient, loginDiscordClient, wireDiscordClient } from '../../src/discord/client.ts';
import { commands } from '../../src/discord/command-list.ts';
import { deployCommands } from '../../src/discord/deploy-commands.ts';
import { percentile } from '../../src/discord/latency.ts';
import type { InteractionRouter } from '../../src/discord/interaction-router.ts';
import { startEmulator, Permission, type Emulator, type InteractionHandle } from '../emulator/index.ts';
import { RELEASE_UNIX } from './helpers/fixtures.ts';
import { populatedWorld } from './helpers/fixtures.ts';
import { createMemoryServices, loadTestPack, type MemoryWorld } from './helpers/memory-services.ts';

const EPHEMERAL = 1 << 6;

function text(h: InteractionHandle): string {
  const m = h.original();
  if (!m) return '';
  const embeds = m.embeds.map((e) => [e.title, e.description, ...((e.fields as { name: string; value: string }[] | undefined) ?? []).flatMap((f) => [f.name, f.value])].join('\n'));
  return [m.content, ...embeds].join('\n');
}

describe('slash commands through discord.js and the emulator', () => {
  let emulator: Emulator;
  let client: Client;
  let router: InteractionRouter;
  let world: MemoryWorld;
  let guildId: string;
  let adminId: string;
  let viewerId: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    world = populatedWorld();
    world.fetchDelayMs = 50;
    const services = createMemoryServices(await loadTestPack(), world);
    client = createDiscordClient({ token: emulator.token, apiUrl: emulator.apiUrl, restTimeoutMs: 5000 });
    router = wireDiscordClient(client, { services, commands });
    await loginDiscordClient(client, emulator.token);
    const guild = emulator.guilds()[0]!;
    guildId = guild.id;
    adminId = guild.members.find((m) => m.user.username === 'admin0')!.user.id;
    viewerId = guild.members.find((m) => m.user.username === 'viewer0')!.user.id;
    await deployCommands({ token: emulator.token, applicationId: emulator.applicationId, apiUrl: emulator.apiUrl, guildId });
  });

  afterAll(async () => {
    await client?.destroy();
    await emulator?.close();
  });

  it('/release answers publicly with the date, countdown, confidence and source links', async () => {
    const h = emulator.invokeCommand({ name: 'release', guildId, userId: viewerId });
    const cb = await h.response();
    expect(cb.type).toBe(4);
    expect(h.original()!.flags & EPHEMERAL).toBe(0);
    const body = text(h);
    expect(body).toContain(`<t:${RELEASE_UNIX}:D>`);
    expect(body).toContain(`<t:${RELEASE_UNIX}:R>`);
    expect(body).toContain('✅ Official');
    expect(body).toContain('[Hallyu Wire](<https://hallyuwire.example/aouad-s2-date>)');
    expect(body).toContain('Other outlets say');
    expect(h.original()!.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });
  });

  it('/cast autocomplete finds Park Ji-hu when a fan types "ji hoo"', async () => {
    const h = emulator.invokeAutocomplete({ name: 'cast', guildId, userId: viewerId, options: { person: 'ji hoo' }, focused: 'person' });
    const cb = await h.response();
    expect(cb.type).toBe(8);
    const choices = (cb.data?.choices ?? []) as { name: string; value: string }[];
    expect(choices[0]).toEqual({ name: 'Park Ji-hu — cast · Nam On-jo', value: 'Park Ji-hu' });
  });

  it('/cast with a person in another spelling shows that person', async () => {
    const h = emulator.invokeCommand({ name: 'cast', guildId, userId: viewerId, options: { person: 'Park Ji-hoo' } });
    await h.response();
    expect(text(h)).toContain('**returning** as **Nam On-jo** — ✅ Official');
  });

  it('/cast lists returning, new and departed cast', async () => {
    const h = emulator.invokeCommand({ name: 'cast', guildId, userId: viewerId });
    await h.response();
    const body = text(h);
    expect(body).toContain('Returning (1)');
    expect(body).toContain('**Lee Min-jae** as Yong Ma-ru — 📰 Reported');
  });

  it('/status shows the timeline with its progress bar', async () => {
    const h = emulator.invokeCommand({ name: 'status', guildId, userId: viewerId });
    await h.response();
    const body = text(h);
    expect(body).toMatch(/^▰+▱+ 3\/5$/m);
    expect(body).toContain('✅ **Filming wrapped**');
  });

  it('/news honours the count and /history filters by kind', async () => {
    const n = emulator.invokeCommand({ name: 'news', guildId, userId: viewerId, options: { count: 1 } });
    await n.response();
    expect(text(n)).toContain('All of Us Are Dead season 2 gets a March date');
    expect(text(n)).not.toContain('eyes early 2027');
    const h = emulator.invokeCommand({ name: 'history', guildId, userId: viewerId, options: { kind: 'production' } });
    await h.response();
    expect(text(h)).toContain('filming → **filming wrapped**');
    expect(text(h)).not.toContain('Renewal');
  });

  it('refuses /feeds add to a member without Manage Server even when the command reaches them', async () => {
    const before = world.feeds.length;
    const h = emulator.invokeCommand({ name: 'feeds', subcommand: 'add', guildId, userId: viewerId, options: { url: 'https://kdramaledger.example/feed.xml' } });
    const cb = await h.response();
    expect(cb.type).toBe(4);
    expect(h.original()!.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(text(h)).toContain('You need the **Manage Server** permission to use /feeds.');
    expect(world.feeds.length).toBe(before);
  });

  it('/feeds add defers, then adds the feed; /feeds list shows health', async () => {
    const h = emulator.invokeCommand({ name: 'feeds', subcommand: 'add', guildId, userId: adminId, options: { url: 'https://kdramaledger.example/feed.xml' } });
    const cb = await h.response();
    expect(cb.type).toBe(5);
    await h.waitFor((x) => (x.original()?.content ?? '').startsWith('Now following'));
    expect(h.original()!.flags & EPHEMERAL).toBe(EPHEMERAL);
    // The first fetch announces articles from the last 30 days (docs/decisions/0003): the reply must not promise silence.
    expect(text(h)).not.toContain('only news from now on');
    expect(text(h)).toContain('older than 30 days are taken as already known');
    expect(world.feeds.some((f) => f.url === 'https://kdramaledger.example/feed.xml' && f.addedBy.includes(guildId))).toBe(true);

    const list = emulator.invokeCommand({ name: 'feeds', subcommand: 'list', guildId, userId: adminId });
    await list.response();
    expect(text(list)).toContain('🟠 failing');
    expect(text(list)).toContain('last error: The server answered 503');

    const ac = emulator.invokeAutocomplete({ name: 'feeds', subcommand: 'remove', guildId, userId: adminId, options: { url: 'ledger' }, focused: 'url' });
    const acb = await ac.response();
    expect((acb.data?.choices as { value: string }[]).map((c) => c.value)).toEqual(['https://kdramaledger.example/feed.xml']);
  });

  it('/feeds test reads a feed without storing it and shows what it found', async () => {
    const before = world.feeds.length;
    const h = emulator.invokeCommand({ name: 'feeds', subcommand: 'test', guildId, userId: adminId, options: { url: 'https://kdramaledger.example/feed.xml' } });
    expect((await h.response()).type).toBe(5);
    await h.waitFor((x) => text(x).includes('Feed test (nothing stored)'));
    expect(text(h)).toContain('1 item(s), 1 about the show');
    expect(text(h)).toContain('release 2027-03-12 ✅ Official');
    expect(world.feeds.length).toBe(before);
  });

  it('/help lists the commands and the confidence legend', async () => {
    const h = emulator.invokeCommand({ name: 'help', guildId, userId: viewerId });
    await h.response();
    expect(text(h)).toContain('Hyosan — All of Us Are Dead (지금 우리 학교는)');
    expect(text(h)).toContain('✅ Official — announced by Netflix, the studio or the cast themselves\n📰 Reported — ');
    expect(text(h)).toContain('/alerts channel | role | kinds | confidence | language |');
  });

  it('every fan command answers a member whose Discord is in Korean in Korean', async () => {
    const run = async (name: string, options: Record<string, string | number> = {}) => {
      const h = emulator.invokeCommand({ name, guildId, userId: viewerId, options, locale: 'ko' });
      await h.response();
      return text(h);
    };
    const release = await run('release');
    expect(release).toContain('지금 우리 학교는 시즌 2 공개일');
    expect(release).toContain(`**2027년 3월 12일** — <t:${RELEASE_UNIX}:D>`);
    expect(release).toContain('✅ 공식 — 넷플릭스, 제작사 또는 출연진이 직접 발표');
    expect(release).toMatch(/다른 보도: \*\*2027년 상반기\*\* \(📰 보도\)/);
    expect(release).toContain('[Hallyu Wire](<https://hallyuwire.example/aouad-s2-date>) · 2026년 11월 3일');
    const cast = await run('cast');
    expect(cast).toContain('복귀 (1)');
    expect(cast).toContain('**Park Ji-hu** (Nam On-jo 역) — ✅ 공식');
    expect(cast).toContain('하차 (1)');
    const person = await run('cast', { person: '박지후' });
    expect(person).toContain('**복귀** (**Nam On-jo** 역) — ✅ 공식');
    const status = await run('status');
    expect(status).toContain('지금 우리 학교는 시즌 2 제작 현황');
    expect(status).toContain('⏳ **후반 작업**');
    expect(status).toContain('2027년 3월 12일 (✅ 공식) 예정');
    const news = await run('news', { count: 1 });
    expect(news).toContain('지금 우리 학교는 최신 소식');
    const history = await run('history', { kind: 'production' });
    expect(history).toContain('촬영 중 → **촬영 종료**');
    expect(history).toContain('지금 우리 학교는 기록 (제작 단계)');
    const help = await run('help');
    expect(help).toContain('`/공개일` — 시즌 2 공개일이나 시기, 신뢰도, 출처');
    expect(help).toContain('🔮 추측 — 추측이나 암시, 아직 보도 없음');
    const unknown = await run('cast', { person: 'Nobody Atall' });
    expect(unknown).toContain('"Nobody Atall"(이)라는 사람을 모릅니다');
  });

  it('a user-facing failure after deferring replaces the placeholder', async () => {
    const h = emulator.invokeCommand({ name: 'feeds', subcommand: 'add', guildId, userId: adminId, options: { url: 'https://nowhere.example/feed' } });
    expect((await h.response()).type).toBe(5);
    await h.waitFor((x) => (x.original()?.content ?? '').includes('Could not read a feed'));
    expect(h.attempts().length).toBe(1);
  });

  it('/alerts channel names exactly what the bot is missing in a channel it cannot post in', async () => {
    const guild = emulator.guild(guildId);
    const readOnly = guild.channels.find((c) => c.name === 'read-only')!;
    const h = emulator.invokeCommand({ name: 'alerts', subcommand: 'channel', guildId, userId: adminId, options: { channel: readOnly.id } });
    await h.response();
    expect(text(h)).toContain(`I can't post alerts in <#${readOnly.id}>: I'm missing **Send Messages** there.`);
    expect(world.settings.get(guildId)?.alertChannelId).toBeUndefined();

    const announcements = guild.channels.find((c) => c.name === 'announcements')!;
    emulator.setChannelPermission(announcements.id, { id: emulator.botUserId, type: 'member', deny: Permission.EmbedLinks | Permission.SendMessages });
    await emulator.until(() => {
      const cached = client.guilds.cache.get(guildId)?.channels.cache.get(announcements.id);
      return cached !== undefined && 'permissionOverwrites' in cached && cached.permissionOverwrites.cache.has(emulator.botUserId);
    });
    const h2 = emulator.invokeCommand({ name: 'alerts', subcommand: 'channel', guildId, userId: adminId, options: { channel: announcements.id } });
    await h2.response();
    expect(text(h2)).toContain("I'm missing **Send Messages**, **Embed Links** there.");

    const general = guild.channels.find((c) => c.name === 'general')!;
    const ok = emulator.invokeCommand({ name: 'alerts', subcommand: 'channel', guildId, userId: adminId, options: { channel: general.id } });
    await ok.response();
    expect(text(ok)).toBe(`Alerts will be posted in <#${general.id}>.`);
    expect(world.settings.get(guildId)?.alertChannelId).toBe(general.id);

    // Posting works without Read Message History; the admin is told what it is for.
    emulator.setChannelPermission(general.id, { id: emulator.botUserId, type: 'member', deny: Permission.ReadMessageHistory });
    await emulator.until(() => {
      const cached = client.guilds.cache.get(guildId)?.channels.cache.get(general.id);
      return cached !== undefined && 'permissionOverwrites' in cached && cached.permissionOverwrites.cache.has(emulator.botUserId);
    });
    const noHistory = emulator.invokeCommand({ name: 'alerts', subcommand: 'channel', guildId, userId: adminId, options: { channel: general.id } });
    await noHistory.response();
    expect(text(noHistory)).toBe(`Alerts will be posted in <#${general.id}>. Tip: give Hyosan **Read Message History** there too, so that after an outage it can check whether an alert already arrived instead of holding it back.`);
    emulator.setChannelPermission(general.id, { id: emulator.botUserId, type: 'member', allow: 0n, deny: 0n });
    await emulator.until(() => !(client.guilds.cache.get(guildId)?.channels.cache.get(general.id) as { permissionOverwrites?: { cache: Map<string, unknown> } } | undefined)?.permissionOverwrites?.cache.has(emulator.botUserId));
  });

  it('/alerts kinds, confidence, pause and show change and report the settings', async () => {
    const run = async (subcommand: string, options: Record<string, string> = {}) => {
      const h = emulator.invokeCommand({ name: 'alerts', subcommand, guildId, userId: adminId, options });
      await h.response();
      return text(h);
    };
    expect(await run('kinds', { 'kind-1': 'release', 'kind-2': 'cast' })).toBe('Alerts about: Release, Cast.');
    expect(await run('confidence', { min: 'official' })).toBe('Alerts for facts at least ✅ Official.');
    await run('pause');
    const shown = await run('show');
    expect(shown).toContain('Kinds: Release, Cast');
    expect(shown).toContain('⏸️ paused');
    expect(shown).not.toContain('waiting');
    world.deliveryStatus = new Map([[guildId, {
      waiting: 3,
      waitingSince: '2026-11-03T09:00:00.000Z',
      reason: 'Discord had a server error (503 Service Unavailable)',
      nextAttemptAt: '2026-11-03T09:03:00.000Z',
      problem: { at: '2026-11-02T08:00:00.000Z', text: 'An alert in <#1> may have been posted by an earlier attempt; not sent again, because Hyosan cannot read the channel\'s message history (Read Message History is missing).' },
    }]]);
    const waiting = (await run('show')).split('\n');
    delete world.deliveryStatus;
    expect(waiting).toContain('⏳ 3 alerts are waiting to be posted (the oldest since <t:1793696400:R>).');
    expect(waiting).toContain('Why: Discord had a server error (503 Service Unavailable). Next try <t:1793696580:R>; nothing is lost meanwhile.');
    expect(waiting.at(-1)).toMatch(/^⚠️ <t:1793606400:f>: An alert in <#1> may have been posted by an earlier attempt; not sent again, because Hyosan cannot read the channel's message history \(Read Message History is missing\)\. Give Hyosan \*\*Read Message History\*\* in the alert channel so it can check next time\.$/);
    const preview = emulator.invokeCommand({ name: 'alerts', subcommand: 'preview', guildId, userId: adminId });
    await preview.response();
    expect(preview.original()!.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(text(preview)).toContain('Alert settings');
  });

  it('/alerts replies follow the admin\'s Discord language, and /alerts language sets the alert language', async () => {
    const run = async (subcommand: string, options: Record<string, string>, locale: string) => {
      const h = emulator.invokeCommand({ name: 'alerts', subcommand, guildId, userId: adminId, options, locale });
      await h.response();
      expect(h.original()!.flags & EPHEMERAL).toBe(EPHEMERAL);
      return text(h);
    };
    expect(await run('language', { language: 'ko' }, 'ko')).toBe('알림을 한국어로 씁니다.');
    expect(world.languages.get(guildId)).toBe('ko');
    expect(await run('language', { language: 'en' }, 'en-US')).toBe('Alerts will be written in English.');
    world.guildLocales.set(guildId, 'ko');
    expect(await run('language', { language: 'auto' }, 'en-GB')).toBe("Alerts follow the server's language (Server Settings → Community → Overview): Korean for now.");
    expect(await run('confidence', { min: 'reported' }, 'ko')).toBe('📰 보도 이상인 사실만 알립니다.');
    expect(await run('kinds', { 'kind-1': 'release', 'kind-2': 'cast' }, 'ko')).toBe('알림 받을 종류: 공개일, 출연진.');
    const preview = await run('preview', {}, 'ko');
    expect(preview).toContain('Hyosan 알림 미리 보기:');
    expect(preview).toContain('시즌 2, 2027년 상반기 공개 예정');
    expect(preview).toContain('최소 신뢰도\n📰 보도');
    world.guildLocales.delete(guildId);
    // A member without Manage Server is refused in their own language.
    const refused = emulator.invokeCommand({ name: 'alerts', subcommand: 'pause', guildId, userId: viewerId, locale: 'ko' });
    await refused.response();
    expect(text(refused)).toBe('/alerts 을(를) 쓰려면 **서버 관리하기** 권한이 필요합니다.');
  });

  it('a bug is answered with an apology and an error id, ephemeral, once', async () => {
    const original = world.facts;
    world.facts = null as unknown as MemoryWorld['facts'];
    try {
      const h = emulator.invokeCommand({ name: 'release', guildId, userId: viewerId });
      await h.response();
      expect(text(h)).toMatch(/^Sorry, something went wrong on Hyosan's side \(error id `[0-9a-f]{8}`\)/);
      expect(h.original()!.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(h.attempts()).toEqual([{ type: 4, status: 200 }]);
    } finally {
      world.facts = original;
    }
  });

  it('joining and leaving a server reaches the alert settings', async () => {
    const added = emulator.addGuild({ name: 'New Fans', channels: [{ name: 'lobby' }] });
    await emulator.until(() => world.settings.has(added.id));
    emulator.removeGuild(added.id);
    await emulator.until(() => !world.settings.has(added.id));
  });

  it('reports /release latency from dispatch to callback over 100 runs', async () => {
    const samples: number[] = [];
    for (let i = 0; i < 100; i += 1) {
      const cb = await emulator.invokeCommand({ name: 'release', guildId, userId: viewerId }).response();
      samples.push(cb.latencyMs);
    }
    samples.sort((a, b) => a - b);
    console.log(`/release latency over ${samples.length} runs: p50 ${percentile(samples, 0.5).toFixed(1)} ms, p99 ${percentile(samples, 0.99).toFixed(1)} ms`);
    const handler = router.latency.summary('release');
    console.log(`/release handler time (router): p50 ${handler?.p50.toFixed(1)} ms, p99 ${handler?.p99.toFixed(1)} ms over ${handler?.count}`);
    expect(samples.length).toBe(100);
    expect(handler?.count).toBeGreaterThanOrEqual(100);
  });
});
