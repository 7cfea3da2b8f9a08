import { ChannelType, type Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClient, loginTestClient } from './discord-client.ts';
import { Permission, startEmulator, type Emulator } from './index.ts';

describe('gateway with a real discord.js client', () => {
  let emulator: Emulator;
  let client: Client<true>;

  beforeAll(async () => {
    emulator = await startEmulator({ heartbeatIntervalMs: 300 });
    client = await loginTestClient(emulator);
  });

  afterAll(async () => {
    await client?.destroy();
    await emulator?.close();
  });

  it('logs in, gets READY with the bot user and application, and caches every guild', () => {
    expect(client.user.id).toBe(emulator.botUserId);
    expect(client.user.bot).toBe(true);
    expect(client.application.id).toBe(emulator.applicationId);
    const guilds = emulator.guilds();
    expect(guilds.length).toBeGreaterThanOrEqual(2);
    expect([...client.guilds.cache.keys()].sort()).toEqual(guilds.map((g) => g.id).sort());
    for (const g of guilds) {
      const cached = client.guilds.cache.get(g.id);
      expect(cached?.available).toBe(true);
      expect(cached?.name).toBe(g.name);
      expect(cached?.ownerId).toBe(g.ownerId);
      expect(cached?.roles.everyone.id).toBe(g.id);
      expect(cached?.members.me?.id).toBe(emulator.botUserId);
      for (const c of g.channels) {
        const channel = client.channels.cache.get(c.id);
        expect(channel?.type).toBe(ChannelType.GuildText);
      }
    }
    expect(emulator.stats().gateway.identifies).toBe(1);
  });

  it('computes channel permissions the same way discord.js does from the GUILD_CREATE data', () => {
    const guild = emulator.guilds()[0];
    if (!guild) throw new Error('no guild');
    const readOnly = guild.channels.find((c) => c.name === 'read-only');
    const general = guild.channels.find((c) => c.name === 'general');
    if (!readOnly || !general) throw new Error('default channels missing');
    const me = client.guilds.cache.get(guild.id)?.members.me;
    if (!me) throw new Error('bot member not cached');
    const djsReadOnly = me.permissionsIn(readOnly.id).bitfield;
    expect(djsReadOnly).toBe(emulator.permissionsOf(guild.id, readOnly.id, emulator.botUserId));
    expect(djsReadOnly & Permission.SendMessages).toBe(0n);
    expect(me.permissionsIn(general.id).bitfield & Permission.SendMessages).toBe(Permission.SendMessages);
    const admin = guild.members.find((m) => m.user.username.startsWith('admin'));
    if (!admin) throw new Error('no admin member');
    expect(emulator.permissionsOf(guild.id, null, admin.user.id) & Permission.ManageGuild).toBe(Permission.ManageGuild);
  });

  it('answers heartbeats so discord.js measures a ping', async () => {
    await emulator.until(() => emulator.stats().gateway.heartbeats >= 2, 3000);
    await emulator.until(() => client.ws.ping >= 0, 3000);
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it('resumes after a 4000 close and replays events dispatched while disconnected', async () => {
    const before = emulator.stats().gateway;
    const guild = emulator.guilds()[1];
    if (!guild) throw new Error('no second guild');
    emulator.disconnect(4000);
    // Sent while the client is away: it must arrive through RESUME's replay.
    emulator.updateGuild(guild.id, { name: 'Renamed While Away' });
    await emulator.until(() => client.guilds.cache.get(guild.id)?.name === 'Renamed While Away', 5000);
    const after = emulator.stats().gateway;
    expect(after.resumes).toBe(before.resumes + 1);
    expect(after.identifies).toBe(before.identifies);
    expect(after.connections).toBe(before.connections + 1);
    expect(after.closeCodes).toContain(4000);
  });

  it('identifies again after a 1000 close', async () => {
    const before = emulator.stats().gateway;
    emulator.disconnect(1000);
    await emulator.until(() => emulator.stats().gateway.identifies === before.identifies + 1, 5000);
    await emulator.until(() => client.ws.status === 0, 5000);
    expect(client.guilds.cache.size).toBe(emulator.guilds().length);
  });

  it('adds and removes guilds with GUILD_CREATE and GUILD_DELETE', async () => {
    const added = emulator.addGuild({ name: 'Late Night Rewatch', channels: [{ name: 'spoilers' }], members: [{ id: '900000000000009999', username: 'newfan' }] });
    await emulator.until(() => client.guilds.cache.has(added.id));
    expect(client.guilds.cache.get(added.id)?.channels.cache.size).toBe(1);
    emulator.removeGuild(added.id);
    await emulator.until(() => !client.guilds.cache.has(added.id));
    expect(emulator.guilds().some((g) => g.id === added.id)).toBe(false);
  });

  it('rejects a wrong token at login with a clear error, counted as an invalid request', async () => {
    const bad = createTestClient(emulator);
    const before = emulator.stats().rest.invalid;
    await expect(bad.login('MTIz.wrong.token')).rejects.toThrow(/invalid token/i);
    await bad.destroy();
    expect(emulator.stats().rest.invalid).toBe(before + 1);
    const last = emulator.requests().at(-1);
    expect(last?.path).toBe('/gateway/bot');
    expect(last?.status).toBe(401);
  });
});
