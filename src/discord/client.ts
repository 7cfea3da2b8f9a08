/**
 * The discord.js client: the Guilds intent only (slash commands need no message content), caches
 * cut down to what permission checks need (guilds, channels, roles, the bot's own member), and
 * no mention parsing by default so nothing the bot says can ping by accident.
 */
import {
  Client, DiscordjsErrorCodes, GatewayIntentBits, Options, type Guild, type Interaction,
} from 'discord.js';
import type { BotServices } from '../services/types.ts';
import { UserFacingError } from '../shared/errors.ts';
import { logger as rootLogger, redactSecret, type Logger } from '../shared/logger.ts';
import type { Command } from './command.ts';
import { createInteractionRouter, type InteractionRouter } from './interaction-router.ts';

export interface DiscordClientOptions {
  token: string | undefined;
  /** DISCORD_API_URL: a REST proxy or a local emulator; Discord itself when unset. */
  apiUrl?: string | undefined;
  /** REST request timeout in ms. */
  restTimeoutMs?: number;
}

const TOKEN_HELP = 'copy it from the Discord Developer Portal → your application → Bot → Reset Token, and put it in .env as DISCORD_TOKEN.';

export function requireToken(token: string | undefined): string {
  if (!token || token.trim() === '') {
    throw new UserFacingError('no-token', `DISCORD_TOKEN is not set: ${TOKEN_HELP}`);
  }
  return token.trim();
}

/** Keeps only the bot's own entry: permission checks need its member, nothing else needs members or users. */
const keepSelf = { maxSize: 0, keepOverLimit: (x: { id: string; client: Client }) => x.id === x.client.user?.id };

export function createDiscordClient(options: DiscordClientOptions): Client {
  const token = requireToken(options.token);
  redactSecret(token);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { ...(options.apiUrl ? { api: options.apiUrl } : {}), timeout: options.restTimeoutMs ?? 15_000 },
    allowedMentions: { parse: [], repliedUser: false },
    makeCache: Options.cacheWithLimits({
      MessageManager: 0,
      DMMessageManager: 0,
      GuildMessageManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      ThreadManager: 0,
      ThreadMemberManager: 0,
      GuildTextThreadManager: 0,
      GuildForumThreadManager: 0,
      GuildBanManager: 0,
      GuildInviteManager: 0,
      GuildEmojiManager: 0,
      BaseGuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      AutoModerationRuleManager: 0,
      ApplicationCommandManager: 0,
      ApplicationEmojiManager: 0,
      EntitlementManager: 0,
      GuildMemberManager: keepSelf,
      UserManager: keepSelf,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      users: { interval: 3_600, filter: () => (user) => user.id !== user.client.user?.id },
    },
  });
  client.token = token;
  return client;
}

export interface BotWiring {
  services: BotServices;
  commands: readonly Command[];
  logger?: Logger;
  /** See InteractionRouterOptions.deferAfterMs. */
  deferAfterMs?: number;
}

/** Routes interactions and tells the alert side when the bot joins or leaves a server. */
export function wireDiscordClient(client: Client, wiring: BotWiring): InteractionRouter {
  const log = (wiring.logger ?? rootLogger).child({ module: 'discord-client' });
  const router = createInteractionRouter({
    commands: wiring.commands, services: wiring.services, logger: wiring.logger ?? rootLogger,
    ...(wiring.deferAfterMs !== undefined ? { deferAfterMs: wiring.deferAfterMs } : {}),
  });
  client.on('interactionCreate', (interaction: Interaction) => {
    router.handle(interaction).catch((error: unknown) => log.error({ err: error }, 'interaction handling crashed'));
  });
  client.on('guildCreate', (guild: Guild) => {
    log.info({ guildId: guild.id }, 'joined a server');
    wiring.services.alerts.guildJoined(guild.id).catch((error: unknown) => log.error({ err: error, guildId: guild.id }, 'guildJoined failed'));
  });
  client.on('guildDelete', (guild: Guild) => {
    // An outage arrives as guildUnavailable, so guildDelete is a real removal (kicked or deleted).
    log.info({ guildId: guild.id }, 'left a server');
    wiring.services.alerts.guildLeft(guild.id).catch((error: unknown) => log.error({ err: error, guildId: guild.id }, 'guildLeft failed'));
  });
  client.on('error', (error) => log.error({ err: error }, 'client error'));
  client.on('warn', (message) => log.warn({ message }, 'client warning'));
  return router;
}

/** Logs in and resolves once every server is cached; a refused token becomes a clear message. */
export async function loginDiscordClient(client: Client, token: string | undefined): Promise<Client<true>> {
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  try {
    await client.login(requireToken(token));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const status = (error as { status?: unknown }).status;
    if (code === DiscordjsErrorCodes.TokenInvalid || status === 401 || code === 4004) {
      throw new UserFacingError('token-refused', `Discord refused the bot token: it is wrong, was reset, or belongs to another application — ${TOKEN_HELP}`, { cause: error });
    }
    throw error;
  }
  await ready;
  return client as Client<true>;
}
