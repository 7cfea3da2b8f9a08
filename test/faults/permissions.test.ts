/**
 * Admin commands through the real bot and discord.js against the emulator: every one refused to a
 * member without Manage Server, also once the server has re-granted the commands to everyone (the
 * command then reaches them, so the bot itself must refuse); and the bot's own missing channel
 * permissions reported to the admin.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deployToEmulator, emptyFeedsFile, startBot, type RunningBot } from '../e2e/bot-harness.ts';
import { Permission, startEmulator, type Emulator, type Guild, type OptionValue } from '../emulator/index.ts';

let emulator: Emulator;
let bot: RunningBot;
let guild: Guild;
let viewer: string;
let admin: string;

beforeAll(async () => {
  emulator = await startEmulator();
  await deployToEmulator(emulator);
  bot = await startBot(emulator, 'sqlite://:memory:', await emptyFeedsFile());
  guild = emulator.guilds()[0]!;
  viewer = guild.members.find((m) => m.user.username.startsWith('viewer'))!.user.id;
  admin = guild.members.find((m) => m.user.username.startsWith('admin'))!.user.id;
});

afterAll(async () => {
  await bot?.stop();
  await emulator?.close();
});

const channelId = (name: string) => guild.channels.find((c) => c.name === name)!.id;
const replyText = (data: unknown) => JSON.stringify(data ?? {});

const adminCommands: { name: string; subcommand: string; options?: () => Record<string, OptionValue> }[] = [
  { name: 'feeds', subcommand: 'add', options: () => ({ url: 'https://news.example/feed.xml' }) },
  { name: 'feeds', subcommand: 'remove', options: () => ({ url: 'https://news.example/feed.xml' }) },
  { name: 'feeds', subcommand: 'list' },
  { name: 'feeds', subcommand: 'test', options: () => ({ url: 'https://news.example/feed.xml' }) },
  { name: 'alerts', subcommand: 'channel', options: () => ({ channel: channelId('general') }) },
  { name: 'alerts', subcommand: 'role', options: () => ({ role: guild.roles.find((r) => r.name === 'Spoiler Watchers')!.id }) },
  { name: 'alerts', subcommand: 'confidence', options: () => ({ min: 'official' }) },
  { name: 'alerts', subcommand: 'pause' },
  { name: 'alerts', subcommand: 'resume' },
  { name: 'alerts', subcommand: 'preview' },
  { name: 'alerts', subcommand: 'show' },
];

describe('permissions', () => {
  test.each(adminCommands)('/$name $subcommand is refused to a member without Manage Server', async (c) => {
    const before = JSON.stringify(await bot.app.stores.guilds.get(guild.id));
    const reply = await emulator.invokeCommand({ name: c.name, subcommand: c.subcommand, guildId: guild.id, userId: viewer, ...(c.options ? { options: c.options() } : {}) }).response();
    expect(replyText(reply.data)).toContain(`You need the **Manage Server** permission to use /${c.name}.`);
    expect(((reply.data as { flags?: number }).flags ?? 0) & 64).toBe(64);
    expect(JSON.stringify(await bot.app.stores.guilds.get(guild.id))).toBe(before);
    expect(await bot.app.stores.feeds.list()).toEqual([]);
  });

  test.each(adminCommands.slice(0, 5))('/$name $subcommand is still refused after the server re-grants the command to everyone', async (c) => {
    // Everyone may use application commands, and the member has every permission but Manage Server.
    emulator.setMemberPermissions(guild.id, viewer, Permission.UseApplicationCommands | Permission.SendMessages | Permission.ManageMessages);
    const reply = await emulator.invokeCommand({ name: c.name, subcommand: c.subcommand, guildId: guild.id, userId: viewer, ...(c.options ? { options: c.options() } : {}) }).response();
    expect(replyText(reply.data)).toContain('Manage Server');
    expect(await bot.app.stores.feeds.list()).toEqual([]);
  });

  test('the bot reports its own missing channel permissions to the admin', async () => {
    const readOnly = channelId('read-only');
    const reply = await emulator.invokeCommand({ name: 'alerts', subcommand: 'channel', guildId: guild.id, userId: admin, options: { channel: readOnly } }).response();
    expect(replyText(reply.data)).toContain(`I can't post alerts in <#${readOnly}>: I'm missing **Send Messages** there.`);
    expect((await bot.app.stores.guilds.get(guild.id))?.alertChannelId).not.toBe(readOnly);
  });
});

describe('when the interaction carries no member permissions', () => {
  test('an admin is recognised from their roles, and a member without Manage Server is still refused', async () => {
    const asAdmin = await emulator.invokeCommand({ name: 'alerts', subcommand: 'show', guildId: guild.id, userId: admin, omitMemberPermissions: true }).response();
    expect(replyText(asAdmin.data)).not.toMatch(/Manage Server/);
    const asViewer = await emulator.invokeCommand({ name: 'alerts', subcommand: 'show', guildId: guild.id, userId: viewer, omitMemberPermissions: true }).response();
    expect(replyText(asViewer.data)).toMatch(/Manage Server/);
  });
});
