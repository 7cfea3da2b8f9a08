/**
 * The whole bot, started: the app (stores, feeds, facts, alerts) with its Discord side. main.ts
 * calls this; the end-to-end tests and the benchmark call it too, so they run exactly what ships.
 */
import { createApp, type App, type AppOptions } from './app.ts';
import type { Config } from './config/env.ts';
import { requireToken } from './discord/client.ts';
import { createRestPort } from './discord/rest-port.ts';
import { startDiscordBot, type RunningBot } from './discord/start-bot.ts';
import { logger, redactSecret } from './shared/logger.ts';

const log = logger.child({ module: 'start' });

export interface Hyosan {
  app: App;
  discord: RunningBot;
  /** Finishes deliveries in flight, closes the stores, then disconnects from Discord. */
  stop(): Promise<void>;
}

/** Servers joined while the bot was offline get default settings; known ones keep theirs. */
async function reconcileGuilds(app: App, guildIds: Iterable<string>): Promise<void> {
  for (const guildId of guildIds) {
    if (!(await app.stores.guilds.get(guildId))) await app.services.alerts.guildJoined(guildId);
  }
}

export async function startHyosan(config: Config, options: Pick<AppOptions, 'onFatal' | 'tickCron' | 'deliveryPollMs' | 'clock'> = {}): Promise<Hyosan> {
  const token = requireToken(config.discordToken);
  redactSecret(token);
  // The app needs a way to tell admins about disabled alerts before the client exists; it is
  // bound once the client is logged in (nothing is delivered before app.start()).
  let discord: RunningBot | undefined;
  const app = await createApp(config, {
    ...options,
    port: createRestPort({ token, apiUrl: config.discordApiUrl, ratePerSecond: config.deliveryRatePerSecond }),
    notifyAdmins: async (guildId, text) => {
      await discord?.notifyAdmins(guildId, text);
    },
  });
  try {
    discord = await startDiscordBot({ token, apiUrl: config.discordApiUrl, services: app.services });
    await reconcileGuilds(app, discord.client.guilds.cache.keys());
  } catch (error) {
    await discord?.stop().catch(() => undefined);
    await app.stop().catch(() => undefined);
    throw error;
  }
  app.start();
  log.info({ guilds: discord.client.guilds.cache.size, user: discord.client.user.tag }, 'Hyosan is online');
  const running = discord;
  return {
    app,
    discord: running,
    async stop() {
      await app.stop();
      await running.stop();
    },
  };
}
