import { REST, Routes, type Client, type TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginTestClient } from './discord-client.ts';
import { Permission, startEmulator, type Emulator } from './index.ts';

describe('messages, permissions and faults through discord.js', () => {
  let emulator: Emulator;
  let client: Client<true>;
  let guildId: string;
  let generalId: string;

  const channel = (id: string) => client.channels.cache.get(id) as TextChannel;

  beforeAll(async () => {
    emulator = await startEmulator();
    client = await loginTestClient(emulator, { restTimeoutMs: 400 });
    const guild = emulator.guilds()[0];
    guildId = guild?.id ?? '';
    generalId = guild?.channels.find((c) => c.name === 'general')?.id ?? '';
  });

  afterAll(async () => {
    await client?.destroy();
    await emulator?.close();
  });

  it('stores a sent message and works out who it would ping under allowed_mentions', async () => {
    const guild = emulator.guild(guildId);
    const fan = guild.members.find((m) => m.user.username.startsWith('viewer'))?.user.id ?? '';
    const role = guild.roles.find((r) => r.name === 'Spoiler Watchers')?.id ?? '';
    const content = `@everyone <@${fan}> and <@&${role}>: new episode facts`;
    const sent = await channel(generalId).send({ content, allowedMentions: { parse: ['users'] } });
    const stored = emulator.messages(generalId).find((m) => m.id === sent.id);
    expect(stored?.content).toBe(content);
    expect(stored?.allowedMentions).toEqual({ parse: ['users'] });
    expect(stored?.pings).toEqual({ everyone: false, here: false, users: [fan], roles: [] });

    const noPing = await channel(generalId).send({ content, allowedMentions: { parse: [] } });
    expect(emulator.messages(generalId).find((m) => m.id === noPing.id)?.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });

    const edited = await sent.edit({ content: 'edited text' });
    expect(edited.editedTimestamp).not.toBeNull();
    expect(emulator.messages(generalId).find((m) => m.id === sent.id)?.content).toBe('edited text');
    const fetched = await channel(generalId).messages.fetch({ message: sent.id, force: true });
    expect(fetched.content).toBe('edited text');
    await fetched.delete();
    expect(emulator.messages(generalId).find((m) => m.id === sent.id)?.deleted).toBe(true);
  });

  it('a message sent twice with the same enforced nonce is created once', async () => {
    const before = emulator.messages(generalId).length;
    const a = await channel(generalId).send({ content: 'Alert: release date set', nonce: 'alert-42', enforceNonce: true });
    const b = await channel(generalId).send({ content: 'Alert: release date set', nonce: 'alert-42', enforceNonce: true });
    expect(b.id).toBe(a.id);
    expect(emulator.messages(generalId).length).toBe(before + 1);
  });

  it('refuses over-long content and embeds with 50035, empty messages with 50006', async () => {
    await expect(channel(generalId).send('x'.repeat(2001))).rejects.toMatchObject({ status: 400, code: 50035 });
    await expect(channel(generalId).send({ embeds: [{ title: 't'.repeat(257) }] })).rejects.toMatchObject({ code: 50035 });
    await expect(channel(generalId).send({ embeds: [{ fields: Array.from({ length: 26 }, (_, i) => ({ name: `f${i}`, value: 'v' })) }] }))
      .rejects.toMatchObject({ code: 50035 });
    await expect(channel(generalId).send({ embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] }))
      .rejects.toMatchObject({ code: 50035 });
    await expect(channel(generalId).send({ embeds: [{ title: 'ok', footer: { text: 'f'.repeat(2048) } }] })).resolves.toBeDefined();
    const rest = new REST({ api: emulator.apiUrl }).setToken(emulator.token);
    await expect(rest.post(Routes.channelMessages(generalId), { body: { content: '' } })).rejects.toMatchObject({ code: 50006 });
  });

  it('answers 403 50013 where the bot may not send, 50001 where it cannot see, 404 10003 for a deleted channel', async () => {
    const guild = emulator.guild(guildId);
    const readOnly = guild.channels.find((c) => c.name === 'read-only')?.id ?? '';
    await expect(channel(readOnly).send('hello')).rejects.toMatchObject({ status: 403, code: 50013 });

    const announcements = guild.channels.find((c) => c.name === 'announcements')?.id ?? '';
    emulator.setChannelPermission(announcements, { id: emulator.botUserId, type: 'member', deny: Permission.ViewChannel });
    await emulator.until(() => !client.guilds.cache.get(guildId)?.members.me?.permissionsIn(announcements).has(Permission.ViewChannel));
    await expect(channel(announcements).send('hello')).rejects.toMatchObject({ status: 403, code: 50001 });
    emulator.setChannelPermission(announcements, { id: emulator.botUserId, type: 'member' });
    await expect(channel(announcements).send('hello again')).resolves.toBeDefined();

    const rest = new REST({ api: emulator.apiUrl }).setToken(emulator.token);
    const doomed = guild.channels.find((c) => c.name === 'announcements')?.id ?? '';
    emulator.deleteChannel(doomed);
    await expect(rest.post(Routes.channelMessages(doomed), { body: { content: 'x' } })).rejects.toMatchObject({ status: 404, code: 10003 });
    await expect(rest.get(Routes.channel(doomed))).rejects.toMatchObject({ status: 404, code: 10003 });
    await emulator.until(() => !client.channels.cache.has(doomed));
  });

  it('gives a wrong token 401 with Discord\'s body', async () => {
    const res = await fetch(`${emulator.apiUrl}/v10/users/@me`, { headers: { authorization: 'Bot nope' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: '401: Unauthorized', code: 0 });
    const ok = await fetch(`${emulator.apiUrl}/v10/guilds/${guildId}`, { headers: { authorization: `Bot ${emulator.token}` } });
    expect(ok.status).toBe(200);
    for (const h of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-reset-after', 'x-ratelimit-bucket']) {
      expect(ok.headers.get(h)).toBeTruthy();
    }
  });

  it('429: discord.js waits retry_after, retries, and the message arrives once', async () => {
    const before = emulator.messages(generalId).length;
    const invalidBefore = emulator.stats().rest.invalid;
    const fault = emulator.injectFault({ method: 'POST', path: `/channels/${generalId}/messages`, status: 429, retryAfter: 0.3 });
    const started = Date.now();
    const sent = await channel(generalId).send('Rate limited once');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(fault.hits).toBe(1);
    expect(emulator.messages(generalId).length).toBe(before + 1);
    expect(emulator.messages(generalId).at(-1)?.id).toBe(sent.id);
    expect(emulator.stats().rest.invalid).toBe(invalidBefore + 1);
    const statuses = emulator.requests().filter((r) => r.path === `/channels/${generalId}/messages`).slice(-2).map((r) => r.status);
    expect(statuses).toEqual([429, 200]);
  });

  it('a global 429 carries X-RateLimit-Global and blocks until retry_after; injected 403s use Discord\'s body', async () => {
    const fault = emulator.injectFault({ path: '/users/@me', status: 429, global: true, retryAfter: 0.2 });
    const raw = await fetch(`${emulator.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${emulator.token}` } });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('x-ratelimit-global')).toBe('true');
    expect(await raw.json()).toEqual({ message: 'You are being rate limited.', retry_after: 0.2, global: true });
    expect(fault.hits).toBe(1);

    emulator.injectFault({ path: '/users/@me', status: 429, global: true, retryAfter: 0.2 });
    const rest = new REST({ api: emulator.apiUrl, offset: 0 }).setToken(emulator.token);
    const started = Date.now();
    await expect(rest.get(Routes.user())).resolves.toMatchObject({ id: emulator.botUserId });
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);

    emulator.injectFault({ method: 'GET', path: `/guilds/${guildId}`, status: 403 });
    await expect(rest.get(Routes.guild(guildId))).rejects.toMatchObject({ status: 403, code: 50013 });
  });

  it('500/502 bursts are retried by discord.js; the message arrives once', async () => {
    const before = emulator.messages(generalId).length;
    emulator.injectFault({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 502, times: 1 });
    emulator.injectFault({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 500, times: 1 });
    await channel(generalId).send('After a burst');
    expect(emulator.messages(generalId).length).toBe(before + 1);
  });

  it('a hung request times out in the client and its retry succeeds', async () => {
    const fault = emulator.injectFault({ method: 'GET', path: `/channels/${generalId}`, hang: true });
    const fetched = await client.channels.fetch(generalId, { force: true });
    expect(fetched?.id).toBe(generalId);
    expect(fault.hits).toBe(1);
  });

  it('an answer lost after the message was created: discord.js retries, and only the nonce prevents a double post', async () => {
    const path = `/channels/${generalId}/messages`;
    const posts = () => emulator.requests().filter((r) => r.method === 'POST' && r.path === path).length;

    // Without a nonce the connection reset makes discord.js post twice.
    let before = emulator.messages(generalId).length;
    let postsBefore = posts();
    emulator.injectFault({ method: 'POST', path, afterAccepting: true });
    await channel(generalId).send('Posted twice');
    expect(posts()).toBe(postsBefore + 2);
    expect(emulator.messages(generalId).slice(before).map((m) => m.content)).toEqual(['Posted twice', 'Posted twice']);

    before = emulator.messages(generalId).length;
    postsBefore = posts();
    const fault = emulator.injectFault({ method: 'POST', path, afterAccepting: true });
    const sent = await channel(generalId).send({ content: 'Exactly once', nonce: 'exactly-once-1', enforceNonce: true });
    expect(fault.hits).toBe(1);
    expect(posts()).toBe(postsBefore + 2);
    expect(emulator.messages(generalId).length).toBe(before + 1);
    expect(emulator.messages(generalId).at(-1)?.id).toBe(sent.id);
  });
});
