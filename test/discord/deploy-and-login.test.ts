/**
 * Deploying commands, logging in with a missing or refused token, and the admin notice, against
 * the emulator.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChannelType, type Client, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordClient, loginDiscordClient } from '../../src/discord/client.ts';
import { commands } from '../../src/discord/command-list.ts';
import { deployCommands, describeDeployment, parseDeployArgs } from '../../src/discord/deploy-commands.ts';
import { createAdminNotifier } from '../../src/discord/notify-admins.ts';
import { startDiscordBot } from '../../src/discord/start-bot.ts';
import { UserFacingError } from '../../src/shared/errors.ts';
import { createMemoryServices, emptyWorld, loadTestPack } from './helpers/memory-services.ts';
import { Permission, startEmulator, type Emulator, type StoredCommand } from '../emulator/index.ts';
import { childEnv } from '../helpers/child-env.ts';
import { REFUSAL } from '../helpers/no-discord.ts';

const KOREAN_NAME = /^[-_\p{Script=Hangul}\p{Ll}\p{N}]{1,32}$/u;

function everyLocalisedPart(cmd: RESTPostAPIChatInputApplicationCommandsJSONBody | StoredCommand): { name: string; ko?: string; dko?: string }[] {
  type Node = { name: string; name_localizations?: Record<string, string> | null; description_localizations?: Record<string, string> | null; options?: Node[] };
  const out: { name: string; ko?: string; dko?: string }[] = [];
  const walk = (n: Node) => {
    out.push({ name: n.name, ko: n.name_localizations?.ko, dko: n.description_localizations?.ko });
    for (const o of n.options ?? []) walk(o);
  };
  walk(cmd as unknown as Node);
  return out;
}

const DEPLOY_SCRIPT = fileURLToPath(new URL('../../src/discord/deploy-commands.ts', import.meta.url));
let scratchDir = '';

function runDeployScript(env: Record<string, string>, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Run from a folder of its own: the script reads .env from its working directory.
    const child = spawn(process.execPath, [DEPLOY_SCRIPT, ...args], {
      env: childEnv({ PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env }), cwd: scratchDir,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('deploying commands', () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await startEmulator();
    scratchDir = await mkdtemp(path.join(tmpdir(), 'hyosan-deploy-'));
  });

  afterAll(async () => {
    await emulator?.close();
  });

  it('registers every command globally, each with Korean names and descriptions Discord accepts', async () => {
    const result = await deployCommands({ token: emulator.token, applicationId: emulator.applicationId, apiUrl: emulator.apiUrl });
    expect(result.map((c) => c.name).sort()).toEqual(commands.map((c) => c.data.name).sort());
    const stored = emulator.globalCommands();
    expect(stored).toHaveLength(8);
    for (const cmd of stored) {
      for (const part of everyLocalisedPart(cmd)) {
        expect(part.ko, `${cmd.name} › ${part.name} has a Korean name`).toMatch(KOREAN_NAME);
        expect(part.dko, `${cmd.name} › ${part.name} has a Korean description`).toBeTruthy();
      }
    }
    const admin = stored.filter((c) => c.default_member_permissions === String(Permission.ManageGuild));
    expect(admin.map((c) => c.name).sort()).toEqual(['alerts', 'feeds']);
    for (const c of admin) expect(c.contexts).toEqual([0]);
    expect(describeDeployment(result, undefined)).toContain('/release (ko: /공개일)');
  });

  it('the npm run deploy script registers to one server with --guild and prints what it did', async () => {
    const guildId = emulator.guilds()[1]!.id;
    const run = await runDeployScript({
      DISCORD_TOKEN: emulator.token, DISCORD_APPLICATION_ID: emulator.applicationId, DISCORD_API_URL: emulator.apiUrl,
    }, ['--guild', guildId]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Registered 8 command(s) for server ${guildId}:`);
    expect(emulator.guildCommands(guildId).map((c) => c.name)).toContain('cast');
  });

  it('the script says which variable is missing', async () => {
    const run = await runDeployScript({ DISCORD_APPLICATION_ID: emulator.applicationId }, []);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('DISCORD_TOKEN is not set');
  });

  it('the script explains a refused token and an unreachable Discord in words, without a stack trace', async () => {
    const refused = await runDeployScript({ DISCORD_TOKEN: 'refused-token-for-this-test', DISCORD_APPLICATION_ID: emulator.applicationId, DISCORD_API_URL: emulator.apiUrl }, []);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`Connecting to Discord at ${emulator.apiUrl} (giving up after 15 s)`);
    expect(refused.stderr).toMatch(/^npm run deploy: Discord refused the bot token: it is wrong, was reset, or belongs to another application — copy it from/);
    expect(refused.stderr).not.toMatch(/\n\s+at |DiscordAPIError/);
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const unreachable = await runDeployScript({ DISCORD_TOKEN: emulator.token, DISCORD_APPLICATION_ID: emulator.applicationId, DISCORD_API_URL: `http://127.0.0.1:${closed}/api` }, []);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr.trim()).toBe(`npm run deploy: Could not reach Discord at http://127.0.0.1:${closed}/api: nothing is listening there (ECONNREFUSED). Check your network and DISCORD_API_URL.`);
  });

  it('a Discord that takes the connection but never answers is given up on, in words', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      await expect(deployCommands({ token: emulator.token, applicationId: emulator.applicationId, apiUrl: `http://127.0.0.1:${port}/api`, timeoutSeconds: 1 }))
        .rejects.toThrow(`Discord at http://127.0.0.1:${port}/api did not answer within 1 s. Check your network and DISCORD_API_URL, then try again.`);
    } finally {
      silent.close();
      for (const c of [...sockets]) c.destroy();
    }
  });

  it('a .env with a real-looking token next to the script is never read by a test, and Discord is never reached', async () => {
    // What a developer who followed the README has in the project folder.
    await writeFile(path.join(scratchDir, '.env'), 'DISCORD_TOKEN=MTIzNDU2Nzg5MDEyMzQ1Njc4.not-a-real.token\nDISCORD_APPLICATION_ID=123456789012345678\n');
    try {
      const run = await runDeployScript({}, []);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('DISCORD_TOKEN is not set');
      // Even given a token and no emulator URL, the request is refused before it leaves.
      const direct = await runDeployScript({ DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.not-a-real.token', DISCORD_APPLICATION_ID: '123456789012345678' }, []);
      expect(direct.code).toBe(1);
      expect(direct.stderr).toContain(REFUSAL);
    } finally {
      await rm(path.join(scratchDir, '.env'), { force: true });
    }
  });

  it('inside the test process too, a request to Discord is refused with words that say why', async () => {
    const failure = await fetch('https://discord.com/api/v10/gateway').then(() => undefined, (error: unknown) => error as Error & { cause?: Error });
    expect(failure?.cause?.message).toBe(`refused to connect to discord.com: ${REFUSAL}`);
  });

  it('reads --guild in both spellings and refuses a bad id', () => {
    expect(parseDeployArgs(['--guild', '123456789012345678'])).toEqual({ guildId: '123456789012345678' });
    expect(parseDeployArgs(['--guild=123456789012345678'])).toEqual({ guildId: '123456789012345678' });
    expect(parseDeployArgs([])).toEqual({});
    expect(() => parseDeployArgs(['--guild', 'abc'])).toThrow(UserFacingError);
  });
});

describe('logging in', () => {
  let emulator: Emulator;
  const clients: Client[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(async () => {
    for (const c of clients) await c.destroy();
    await emulator?.close();
  });

  it('explains a missing token', () => {
    expect(() => createDiscordClient({ token: undefined })).toThrow(/^DISCORD_TOKEN is not set: /);
    expect(() => createDiscordClient({ token: '  ' })).toThrow(UserFacingError);
  });

  it('startDiscordBot logs in, routes commands and gives a notifier; a refused token leaves nothing running', async () => {
    const world = emptyWorld();
    const bot = await startDiscordBot({ token: emulator.token, apiUrl: emulator.apiUrl, services: createMemoryServices(await loadTestPack(), world) });
    clients.push(bot.client);
    expect(bot.router.commands.size).toBe(8);
    expect(bot.client.guilds.cache.size).toBe(emulator.guilds().length);
    await expect(startDiscordBot({ token: 'refused-token-for-this-test', apiUrl: emulator.apiUrl, services: createMemoryServices(await loadTestPack(), world) }))
      .rejects.toThrow(/^Discord refused the bot token/);
    await bot.stop();
  });

  it('explains a refused token', async () => {
    const client = createDiscordClient({ token: 'wrong-token-for-this-test', apiUrl: emulator.apiUrl });
    clients.push(client);
    await expect(loginDiscordClient(client, 'wrong-token-for-this-test')).rejects.toThrow(/^Discord refused the bot token: /);
  });

  it('connects with only the Guilds intent, keeps just the bot among members, and never parses mentions', async () => {
    const client = createDiscordClient({ token: emulator.token, apiUrl: emulator.apiUrl });
    clients.push(client);
    await loginDiscordClient(client, emulator.token);
    expect(client.options.intents.bitfield).toBe(1);
    expect(client.options.allowedMentions).toEqual({ parse: [], repliedUser: false });
    const guild = client.guilds.cache.get(emulator.guilds()[0]!.id)!;
    expect(guild.members.cache.map((m) => m.id)).toEqual([emulator.botUserId]);
    expect(guild.channels.cache.size).toBe(emulator.guilds()[0]!.channels.length);
  });

  it('posts an admin notice in the system channel, else in the first channel it can write in', async () => {
    const client = createDiscordClient({ token: emulator.token, apiUrl: emulator.apiUrl });
    clients.push(client);
    await loginDiscordClient(client, emulator.token);
    const notify = createAdminNotifier(client);
    const guild = emulator.guilds()[1]!;
    const [general, announcements] = guild.channels;
    expect(await notify(guild.id, 'Alerts stopped @everyone')).toBe(general!.id);
    expect(emulator.messages(general!.id).at(-1)?.pings.everyone).toBe(false);

    emulator.setChannelPermission(general!.id, { id: emulator.botUserId, type: 'member', deny: Permission.SendMessages });
    await emulator.until(() => {
      const c = client.channels.cache.get(general!.id);
      return c?.type === ChannelType.GuildText && c.permissionOverwrites.cache.has(emulator.botUserId);
    });
    expect(await notify(guild.id, 'Alerts stopped')).toBe(announcements!.id);
    expect(await notify('999999999999999999', 'nobody')).toBeUndefined();
  });
});
