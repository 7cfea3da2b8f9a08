/**
 * Registers the slash commands with Discord: `npm run deploy` for every server (global; Discord
 * may take a while to show changes), `npm run deploy -- --guild <id>` for one server at once.
 * Deploying is a deliberate step, never part of starting the bot: registration is rate-limited
 * and a restart loop must not burn through it.
 */
// First: .env is read before any module builds the logger from LOG_LEVEL and LOG_FORMAT.
import '../shared/load-env.ts';
import { pathToFileURL } from 'node:url';
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { loadConfig, loadDotEnv } from '../config/env.ts';
import { isUserFacing, UserFacingError } from '../shared/errors.ts';
import { redactSecret } from '../shared/logger.ts';
import type { Command } from './command.ts';
import { commands as allCommands } from './command-list.ts';
import { DISCORD_DEFAULT_URL, explainDiscordFailure } from './discord-errors.ts';

/** How long a deploy waits for Discord before saying it did not answer. */
export const DEPLOY_TIMEOUT_SECONDS = 15;

export interface DeployOptions {
  token: string;
  applicationId: string;
  apiUrl?: string | undefined;
  /** One server's id; global when left out. */
  guildId?: string | undefined;
  commands?: readonly Command[];
  /** Seconds to wait for Discord's answer (default DEPLOY_TIMEOUT_SECONDS). */
  timeoutSeconds?: number;
}

export async function deployCommands(options: DeployOptions): Promise<RESTPutAPIApplicationCommandsResult> {
  redactSecret(options.token);
  const timeoutSeconds = options.timeoutSeconds ?? DEPLOY_TIMEOUT_SECONDS;
  const rest = new REST({ ...(options.apiUrl ? { api: options.apiUrl } : {}), timeout: timeoutSeconds * 1000, retries: 0 }).setToken(options.token);
  const body = (options.commands ?? allCommands).map((c) => c.data.toJSON());
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  try {
    return await rest.put(route, { body }) as RESTPutAPIApplicationCommandsResult;
  } catch (error) {
    // A refused token or an unreachable Discord is told in words, as npm start tells it.
    throw explainDiscordFailure(error, options.apiUrl, timeoutSeconds) ?? error;
  }
}

/** `--guild <id>` or `--guild=<id>`. */
export function parseDeployArgs(argv: readonly string[]): { guildId?: string } {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--guild') {
      const id = argv[i + 1];
      if (!id || !/^\d{5,25}$/.test(id)) throw new UserFacingError('bad-args', '--guild needs a server id (a number), e.g. npm run deploy -- --guild 123456789012345678');
      return { guildId: id };
    }
    if (arg.startsWith('--guild=')) return parseDeployArgs(['--guild', arg.slice('--guild='.length)]);
  }
  return {};
}

export function describeDeployment(result: RESTPutAPIApplicationCommandsResult, guildId: string | undefined): string {
  const where = guildId ? `server ${guildId}` : 'every server (global; may take up to an hour to appear)';
  const lines = result.map((c) => `  /${c.name}${c.name_localizations?.ko ? ` (ko: /${c.name_localizations.ko})` : ''} — ${c.description}`);
  return [`Registered ${result.length} command(s) for ${where}:`, ...lines].join('\n');
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  if (!config.discordToken) throw new UserFacingError('no-token', 'DISCORD_TOKEN is not set: put the bot token in .env (see .env.example).');
  if (!config.applicationId) throw new UserFacingError('no-app-id', 'DISCORD_APPLICATION_ID is not set: copy the Application ID from the Developer Portal → General Information into .env.');
  const { guildId } = parseDeployArgs(process.argv.slice(2));
  console.log(`Connecting to Discord at ${config.discordApiUrl ?? DISCORD_DEFAULT_URL} (giving up after ${DEPLOY_TIMEOUT_SECONDS} s)…`);
  const result = await deployCommands({ token: config.discordToken, applicationId: config.applicationId, apiUrl: config.discordApiUrl, guildId });
  console.log(describeDeployment(result, guildId));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    // Words for what a person can fix; the full error only for what is a bug.
    console.error(isUserFacing(error) ? `npm run deploy: ${error.message}` : error);
    process.exitCode = 1;
  });
}
