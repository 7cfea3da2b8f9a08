import { REST, Routes, SlashCommandBuilder, PermissionFlagsBits, type Client, type Interaction } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loginTestClient } from './discord-client.ts';
import { startEmulator, type Emulator } from './index.ts';

const factCommand = new SlashCommandBuilder()
  .setName('fact')
  .setDescription('Look up a fact about the show')
  .setDefaultMemberPermissions(null)
  .addSubcommand((s) => s.setName('get').setDescription('Show one fact')
    .addStringOption((o) => o.setName('topic').setDescription('What about').setRequired(true).setAutocomplete(true))
    .addIntegerOption((o) => o.setName('season').setDescription('Which season')))
  .addSubcommand((s) => s.setName('watch').setDescription('Alert a channel')
    .addChannelOption((o) => o.setName('channel').setDescription('Where')));

const configCommand = new SlashCommandBuilder()
  .setName('config')
  .setDescription('Server settings')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);

describe('commands and interactions through discord.js', () => {
  let emulator: Emulator;
  let client: Client<true>;
  let rest: REST;
  let guildId: string;
  let handler: (i: Interaction) => Promise<void> = async () => {};

  beforeAll(async () => {
    emulator = await startEmulator({ interactionDeadlineMs: 600 });
    client = await loginTestClient(emulator);
    client.on('interactionCreate', (i) => { void handler(i).catch(() => {}); });
    rest = new REST({ api: emulator.apiUrl }).setToken(emulator.token);
    guildId = emulator.guilds()[0]?.id ?? '';
  });

  afterEach(() => { handler = async () => {}; });

  afterAll(async () => {
    await client?.destroy();
    await emulator?.close();
  });

  it('registers guild and global commands with REST and keeps default_member_permissions as sent', async () => {
    const guildResult = await rest.put(Routes.applicationGuildCommands(emulator.applicationId, guildId), {
      body: [factCommand.toJSON(), configCommand.toJSON()],
    }) as { id: string; name: string }[];
    expect(guildResult.map((c) => c.name)).toEqual(['fact', 'config']);
    const stored = emulator.guildCommands(guildId);
    expect(stored.find((c) => c.name === 'config')?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(stored.find((c) => c.name === 'fact')?.default_member_permissions).toBeNull();

    // Re-registering keeps ids, as Discord does for unchanged names.
    const again = await rest.put(Routes.applicationGuildCommands(emulator.applicationId, guildId), { body: [factCommand.toJSON()] }) as { id: string }[];
    expect(again[0]?.id).toBe(guildResult[0]?.id);
    expect(emulator.guildCommands(guildId).map((c) => c.name)).toEqual(['fact']);
    await rest.put(Routes.applicationGuildCommands(emulator.applicationId, guildId), { body: [factCommand.toJSON(), configCommand.toJSON()] });

    const created = await rest.post(Routes.applicationCommands(emulator.applicationId), { body: configCommand.toJSON() }) as { id: string };
    const listed = await rest.get(Routes.applicationCommands(emulator.applicationId)) as { id: string }[];
    expect(listed.map((c) => c.id)).toEqual([created.id]);
    await rest.delete(Routes.applicationCommand(emulator.applicationId, created.id));
    expect(emulator.globalCommands()).toEqual([]);

    await expect(rest.put(Routes.applicationCommands(emulator.applicationId), { body: [{ name: 'Bad Name', description: 'x' }] }))
      .rejects.toMatchObject({ status: 400, code: 50035 });
  });

  it('delivers a command to interactionCreate and records reply() as callback type 4', async () => {
    const seen: { topic: string | null; season: number | null; sub: string; perms: boolean }[] = [];
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      seen.push({
        topic: i.options.getString('topic'), season: i.options.getInteger('season'), sub: i.options.getSubcommand(),
        perms: i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
      });
      await i.reply({ content: `Fact about ${i.options.getString('topic')}`, allowedMentions: { parse: [] } });
    };
    const admin = emulator.guild(guildId).members.find((m) => m.user.username.startsWith('admin'));
    const h = emulator.invokeCommand({ guildId, userId: admin?.user.id, name: 'fact', subcommand: 'get', options: { topic: 'Hyosan High', season: 2 } });
    const cb = await h.response();
    expect(cb.type).toBe(4);
    expect(cb.data?.content).toBe('Fact about Hyosan High');
    expect(cb.latencyMs).toBeGreaterThan(0);
    expect(seen).toEqual([{ topic: 'Hyosan High', season: 2, sub: 'get', perms: true }]);
    expect(h.original()?.content).toBe('Fact about Hyosan High');
    expect(h.payload).toMatchObject({ type: 2, guild_id: guildId, locale: 'en-US', entitlements: [], application_id: emulator.applicationId });
  });

  it('resolves channel options and gives a plain member permissions without Manage Server', async () => {
    const channel = emulator.guild(guildId).channels[1];
    let resolvedName: string | undefined;
    let canManage: boolean | undefined;
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      resolvedName = i.options.getChannel('channel')?.name ?? undefined;
      canManage = i.memberPermissions?.has(PermissionFlagsBits.ManageGuild);
      await i.reply({ content: 'ok' });
    };
    const viewer = emulator.guild(guildId).members.find((m) => m.user.username.startsWith('viewer'));
    const h = emulator.invokeCommand({ guildId, userId: viewer?.user.id, name: 'fact', subcommand: 'watch', options: { channel: channel?.id ?? '' } });
    await h.response();
    expect(resolvedName).toBe(channel?.name);
    expect(canManage).toBe(false);
  });

  it('deferReply then editReply: type 5, then the original message is edited', async () => {
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: 64 });
      await new Promise((r) => setTimeout(r, 50));
      await i.editReply({ content: 'Season 2 is confirmed', embeds: [{ title: 'Status', description: 'Confirmed by the network' }] });
    };
    const h = emulator.invokeCommand({ guildId, name: 'fact', subcommand: 'get', options: { topic: 'season 2' } });
    const cb = await h.response();
    expect(cb.type).toBe(5);
    expect(cb.data?.flags).toBe(64);
    await h.waitFor((x) => x.original()?.content === 'Season 2 is confirmed');
    const original = h.original();
    expect(original?.embeds[0]?.title).toBe('Status');
    expect(original?.flags).toBe(64);
    expect(original?.editedAt).not.toBeNull();
  });

  it('followUp posts through the interaction webhook', async () => {
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply('First part');
      await i.followUp({ content: 'Second part' });
      await i.followUp({ content: 'Third part' });
    };
    const h = emulator.invokeCommand({ guildId, name: 'fact', subcommand: 'get', options: { topic: 'cast' } });
    await h.waitFor((x) => x.followups().length === 2);
    expect(h.followups().map((m) => m.content)).toEqual(['Second part', 'Third part']);
    expect(h.original()?.content).toBe('First part');
  });

  it('autocomplete: focused option arrives and respond() becomes callback type 8', async () => {
    let focused: string | undefined;
    handler = async (i) => {
      if (!i.isAutocomplete()) return;
      focused = i.options.getFocused();
      await i.respond([{ name: 'Cheongsan', value: 'cheongsan' }, { name: 'Nam-ra', value: 'nam-ra' }]);
    };
    const h = emulator.invokeAutocomplete({ guildId, name: 'fact', subcommand: 'get', options: { topic: 'ch' }, focused: 'topic' });
    const cb = await h.response();
    expect(focused).toBe('ch');
    expect(cb.type).toBe(8);
    expect(cb.data?.choices).toEqual([{ name: 'Cheongsan', value: 'cheongsan' }, { name: 'Nam-ra', value: 'nam-ra' }]);
  });

  it('rejects a late callback with 10062 and a second one with 40060', async () => {
    const errors: unknown[] = [];
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      if (i.options.getString('topic') === 'slow') await new Promise((r) => setTimeout(r, 800));
      await i.reply('one').catch((e: unknown) => { errors.push(e); });
      // Bypass discord.js's own "already replied" guard to reach the API twice.
      await client.rest.post(Routes.interactionCallback(i.id, i.token), { body: { type: 4, data: { content: 'two' } }, auth: false })
        .catch((e: unknown) => { errors.push(e); });
    };
    const late = emulator.invokeCommand({ guildId, name: 'fact', subcommand: 'get', options: { topic: 'slow' } });
    await late.waitFor((x) => x.attempts().length === 2, 3000);
    await emulator.until(() => errors.length === 2);
    expect(late.callback()).toBeNull();
    expect(errors).toMatchObject([{ code: 10062, status: 404 }, { code: 10062, status: 404 }]);

    errors.length = 0;
    const twice = emulator.invokeCommand({ guildId, name: 'fact', subcommand: 'get', options: { topic: 'fast' } });
    await twice.waitFor((x) => x.attempts().length === 2);
    await emulator.until(() => errors.length === 1);
    expect(twice.callback()?.data?.content).toBe('one');
    expect(errors[0]).toMatchObject({ code: 40060, status: 400 });
  });

  it('withResponse returns the interaction callback resource', async () => {
    let messageId: string | undefined;
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      const res = await i.reply({ content: 'with resource', withResponse: true });
      messageId = res.resource?.message?.id;
    };
    const h = emulator.invokeCommand({ guildId, name: 'fact', subcommand: 'get', options: { topic: 'x' } });
    await h.response();
    await emulator.until(() => messageId !== undefined);
    expect(messageId).toBe(h.original()?.id);
    expect(h.callback()?.withResponse).toBe(true);
  });
});
