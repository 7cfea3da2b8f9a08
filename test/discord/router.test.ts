/**
 * The router's promise: every interaction is answered exactly once, failures after a reply go to
 * a follow-up, and autocomplete failures still answer (with nothing) instead of timing out.
 */
import { SlashCommandBuilder, type Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordClient, loginDiscordClient, wireDiscordClient } from '../../src/discord/client.ts';
import type { Command } from '../../src/discord/command.ts';
import { deployCommands } from '../../src/discord/deploy-commands.ts';
import { UserFacingError } from '../../src/shared/errors.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';
import { createMemoryServices, emptyWorld, loadTestPack } from './helpers/memory-services.ts';

const EPHEMERAL = 1 << 6;

const replyThenFail: Command = {
  data: new SlashCommandBuilder().setName('reply-then-fail').setDescription('Replies, then breaks'),
  async execute(interaction) {
    await interaction.reply('Here is the first half of the answer');
    throw new Error('the second half broke');
  },
};

const refuse: Command = {
  data: new SlashCommandBuilder().setName('refuse').setDescription('Refuses politely')
    .addStringOption((o) => o.setName('what').setDescription('anything').setAutocomplete(true)),
  async execute() {
    throw new UserFacingError('nope', 'That is not something I can do here.');
  },
  async autocomplete() {
    throw new Error('suggestions broke');
  },
};

const forgetful: Command = {
  data: new SlashCommandBuilder().setName('forgetful').setDescription('Forgets to answer'),
  async execute() {},
};

/** A store call that takes as long as the test wants: the command waits for the gate. */
let openGate: (() => void) | undefined;
const gate = () => new Promise<void>((resolve) => { openGate = resolve; });

const slowPublic: Command = {
  data: new SlashCommandBuilder().setName('slow-public').setDescription('Waits for a slow store, then answers everyone'),
  async execute(interaction) {
    await gate();
    await interaction.reply({ content: 'Season 2 arrives on 12 March 2027.' });
  },
};

const slowAdmin: Command = {
  ephemeral: true,
  data: new SlashCommandBuilder().setName('slow-admin').setDescription('Waits for a slow store, then answers the admin'),
  async execute(interaction) {
    await gate();
    await interaction.reply({ content: 'Alerts will be posted in #news.', flags: EPHEMERAL });
  },
};

const slowFailing: Command = {
  data: new SlashCommandBuilder().setName('slow-failing').setDescription('Waits for a store that then fails'),
  async execute() {
    await gate();
    throw new Error('store unavailable: timed out after 5000 ms');
  },
};

describe('interaction router', () => {
  let emulator: Emulator;
  let client: Client;

  beforeAll(async () => {
    // Discord's own deadline is 3 s; a short one here proves the deferral, not the clock.
    emulator = await startEmulator({ interactionDeadlineMs: 1000 });
    const commands = [replyThenFail, refuse, forgetful, slowPublic, slowAdmin, slowFailing];
    client = createDiscordClient({ token: emulator.token, apiUrl: emulator.apiUrl });
    wireDiscordClient(client, { services: createMemoryServices(await loadTestPack(), emptyWorld()), commands, deferAfterMs: 100 });
    await loginDiscordClient(client, emulator.token);
    await deployCommands({ token: emulator.token, applicationId: emulator.applicationId, apiUrl: emulator.apiUrl, commands });
  });

  afterAll(async () => {
    await client?.destroy();
    await emulator?.close();
  });

  it('a failure after the reply becomes an ephemeral follow-up, not a second reply', async () => {
    const h = emulator.invokeCommand({ name: 'reply-then-fail' });
    await h.waitFor((x) => x.followups().length === 1);
    expect(h.original()?.content).toBe('Here is the first half of the answer');
    const followup = h.followups()[0]!;
    expect(followup.content).toMatch(/error id `[0-9a-f]{8}`/);
    expect(followup.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(h.attempts()).toEqual([{ type: 4, status: 200 }]);
  });

  it('a UserFacingError is shown as is, only to the person who ran the command', async () => {
    const h = emulator.invokeCommand({ name: 'refuse' });
    await h.response();
    expect(h.original()?.content).toBe('That is not something I can do here.');
    expect(h.original()!.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('a command that returns without answering still gets an apology', async () => {
    const h = emulator.invokeCommand({ name: 'forgetful' });
    await h.response();
    expect(h.original()?.content).toMatch(/^Sorry, something went wrong/);
  });

  it('a failing autocomplete answers with no suggestions instead of leaving Discord waiting', async () => {
    const h = emulator.invokeAutocomplete({ name: 'refuse', options: { what: 'x' }, focused: 'what' });
    const cb = await h.response();
    expect(cb).toMatchObject({ type: 8, data: { choices: [] } });
  });

  it('a command stuck on a slow store is deferred in time, and its answer replaces the placeholder (public)', async () => {
    const h = emulator.invokeCommand({ name: 'slow-public' });
    const cb = await h.response();
    expect(cb.type).toBe(5);
    openGate?.();
    await h.waitFor((x) => x.original()?.content === 'Season 2 arrives on 12 March 2027.');
    expect(h.original()!.flags & EPHEMERAL).toBe(0);
    expect(h.attempts()).toEqual([{ type: 5, status: 200 }]);
  });

  it('an admin command deferred for a slow store stays visible only to the admin', async () => {
    const h = emulator.invokeCommand({ name: 'slow-admin' });
    expect((await h.response()).type).toBe(5);
    openGate?.();
    await h.waitFor((x) => x.original()?.content === 'Alerts will be posted in #news.');
    expect(h.original()!.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('a store that fails after the deferral: the placeholder becomes the apology with an error id', async () => {
    const h = emulator.invokeCommand({ name: 'slow-failing' });
    expect((await h.response()).type).toBe(5);
    openGate?.();
    await h.waitFor((x) => /error id `[0-9a-f]{8}`/.test(x.original()?.content ?? ''));
    expect(h.followups()).toHaveLength(0);
  });
});
