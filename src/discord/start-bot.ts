/**
 * Everything main.ts needs from Discord in one call: a client with the commands routed, logged
 * in and ready, plus the admin notifier for "alerts disabled" notices. Commands are not deployed
 * here; that is `npm run deploy`.
 */
import type { Client } from 'discord.js';
import type { BotServices } from '../services/types.ts';
import type { Logger } from '../shared/logger.ts';
import { createDiscordClient, loginDiscordClient, wireDiscordClient } from './client.ts';
import type { Command } from './command.ts';
import { commands as allCommands } from './command-list.ts';
import type { InteractionRouter } from './interaction-router.ts';
import { createAdminNotifier, type NotifyAdmins } from './notify-admins.ts';

export interface StartBotOptions {
  token: string | undefined;
  apiUrl?: string | undefined;
  services: BotServices;
  commands?: readonly Command[];
  logger?: Logger;
}

export interface RunningBot {
  client: Client<true>;
  router: InteractionRouter;
  notifyAdmins: NotifyAdmins;
  /** The server's preferred locale ("ko", "en-US"), when the bot is in it. */
  guildLocale(guildId: string): string | undefined;
  /** The server a channel belongs to, when the bot can see the channel. */
  guildOfChannel(channelId: string): string | undefined;
  stop(): Promise<void>;
}

export async function startDiscordBot(options: StartBotOptions): Promise<RunningBot> {
  const client = createDiscordClient({ token: options.token, apiUrl: options.apiUrl });
  const router = wireDiscordClient(client, {
    services: options.services, commands: options.commands ?? allCommands, ...(options.logger ? { logger: options.logger } : {}),
  });
  try {
    const ready = await loginDiscordClient(client, options.token);
    return {
      client: ready,
      router,
      notifyAdmins: createAdminNotifier(ready, options.logger),
      guildLocale: (guildId) => ready.guilds.cache.get(guildId)?.preferredLocale,
      guildOfChannel: (channelId) => {
        const channel = ready.channels.cache.get(channelId);
        return channel && 'guildId' in channel ? channel.guildId : undefined;
      },
      stop: () => client.destroy(),
    };
  } catch (error) {
    await client.destroy();
    throw error;
  }
}
