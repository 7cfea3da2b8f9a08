/**
 * The whole bot, started: the app (stores, feeds, facts, alerts) with its Discord side. main.ts
 * calls this; the end-to-end tests and the benchmark call it too, so they run exactly what ships.
 */
import { createApp, type App, type AppOptions } from './app.ts';
import { waitForLease } from './lease/wait-for-lease.ts';
import type { Config } from './config/env.ts';
import { requireToken } from './discord/client.ts';
import { DISCORD_DEFAULT_URL, explainDiscordFailure } from './discord/discord-errors.ts';
import { createRestPort } from './discord/rest-port.ts';
import { startDiscordBot, type RunningBot } from './discord/start-bot.ts';
import { logger, redactSecret } from './shared/logger.ts';

const log = logger.child({ module: 'start' });

/** How long start-up waits for Discord to log the bot in and send its servers. */
export const CONNECT_TIMEOUT_SECONDS = 60;

/** Logs in, or fails in words: a refused token, an unreachable Discord, or no answer in time. */
async function connect(options: Parameters<typeof startDiscordBot>[0], timeoutSeconds: number): Promise<RunningBot> {
  log.info({ url: options.apiUrl ?? DISCORD_DEFAULT_URL, timeoutSeconds }, `connecting to Discord at ${options.apiUrl ?? DISCORD_DEFAULT_URL}`);
  let timer: NodeJS.Timeout | undefined;
  const starting = startDiscordBot(options);
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = Object.assign(new Error('no answer'), { name: 'TimeoutError' });
      reject(explainDiscordFailure(error, options.apiUrl, timeoutSeconds) ?? error);
    }, timeoutSeconds * 1000);
  });
  try {
    return await Promise.race([starting, timedOut]);
  } catch (error) {
    // Whatever the outcome, a client that logs in after we gave up must not stay connected.
    void starting.then((late) => late.stop()).catch(() => undefined);
    throw explainDiscordFailure(error, options.apiUrl, timeoutSeconds) ?? error;
  } finally {
    clearTimeout(timer);
  }
}

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

export interface StartOptions extends Pick<AppOptions, 'onFatal' | 'tickCron' | 'deliveryPollMs' | 'clock'> {
  connectTimeoutSeconds?: number;
  /** Called once when this process lost its lease (it has stopped polling and delivering by then). */
  onLeaseLost?: (reason: string) => void;
}

export async function startHyosan(config: Config, options: StartOptions = {}): Promise<Hyosan> {
  const token = requireToken(config.discordToken);
  redactSecret(token);
  const { keeper, stores } = await waitForLease(config);
  // The app needs a way to tell admins about disabled alerts before the client exists; it is
  // bound once the client is logged in (nothing is delivered before app.start()).
  let discord: RunningBot | undefined;
  const { connectTimeoutSeconds = CONNECT_TIMEOUT_SECONDS, onLeaseLost, ...appOptions } = options;
  const app = await createApp(config, {
    ...appOptions,
    stores,
    beforeClose: () => keeper.release(),
    port: createRestPort({ token, apiUrl: config.discordApiUrl, ratePerSecond: config.deliveryRatePerSecond }),
    notifyAdmins: async (guildId, text) => {
      await discord?.notifyAdmins(guildId, text);
    },
    guildLocale: (guildId) => discord?.guildLocale(guildId),
    guildOfChannel: (channelId) => discord?.guildOfChannel(channelId),
  });
  try {
    discord = await connect({ token, apiUrl: config.discordApiUrl, services: app.services }, connectTimeoutSeconds);
    await reconcileGuilds(app, discord.client.guilds.cache.keys());
  } catch (error) {
    await discord?.stop().catch(() => undefined);
    await app.stop().catch(() => undefined);
    throw error;
  }
  app.start();
  const running = discord;
  keeper.keep((reason) => {
    // Another process may be polling and delivering now: stop at once. Outbox writes made
    // meanwhile are refused by the fence anyway.
    log.error({ reason }, 'this process lost its lease and stops polling and delivering');
    void app.poller.stop().catch(() => undefined);
    void app.delivery?.stop().catch(() => undefined);
    onLeaseLost?.(reason);
  });
  log.info({ guilds: running.client.guilds.cache.size, user: running.client.user.tag }, 'Hyosan is online');
  return {
    app,
    discord: running,
    async stop() {
      await app.stop();
      await running.stop();
    },
  };
}
