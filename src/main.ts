/**
 * The composition root: configuration, the app (stores, feeds, facts, alerts) and the discord.js
 * client, started together and stopped together. `npm start` runs this.
 */
import { createApp, type App } from './app.ts';
import { loadConfig, loadDotEnv } from './config/env.ts';
import { createDiscordClient, loginDiscordClient, requireToken, wireDiscordClient } from './discord/client.ts';
import { commands } from './discord/command-list.ts';
import { createAdminNotifier } from './discord/notify-admins.ts';
import { createRestPort } from './discord/rest-port.ts';
import { isUserFacing } from './shared/errors.ts';
import { logger, redactSecret } from './shared/logger.ts';
import type { Client } from 'discord.js';

const log = logger.child({ module: 'main' });

/** A newcomer reads this, not a stack trace: say what is wrong and what to do. */
function fail(error: unknown): never {
  const message = isUserFacing(error) ? error.message : error instanceof Error ? error.message : String(error);
  if (isUserFacing(error)) log.fatal({ code: error.code }, `Hyosan could not start: ${message}`);
  else log.fatal({ err: error }, 'Hyosan could not start');
  process.stderr.write(`\nHyosan could not start: ${message}\n`);
  process.exit(1);
}

/** Servers joined while the bot was offline get default settings; known ones keep theirs. */
async function reconcileGuilds(app: App, client: Client<true>): Promise<void> {
  for (const guildId of client.guilds.cache.keys()) {
    if (!(await app.stores.guilds.get(guildId))) await app.services.alerts.guildJoined(guildId);
  }
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const token = requireToken(config.discordToken);
  redactSecret(token);

  const client = createDiscordClient({ token, apiUrl: config.discordApiUrl });
  let stopping = false;
  const app = await createApp(config, {
    port: createRestPort({ token, apiUrl: config.discordApiUrl }),
    notifyAdmins: async (guildId, text) => {
      await createAdminNotifier(client)(guildId, text);
    },
    onFatal: (reason) => {
      log.fatal({ reason }, 'alert delivery stopped for good');
      process.stderr.write(`\nHyosan stopped sending alerts: ${reason}. Check DISCORD_TOKEN and restart.\n`);
      void shutdown(1);
    },
  });
  wireDiscordClient(client, { services: app.services, commands });

  async function shutdown(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    log.info('stopping: finishing deliveries in flight');
    // Deliveries in flight finish and are recorded before the store closes.
    await app.stop().catch((error: unknown) => log.error({ err: error }, 'error while stopping'));
    await client.destroy();
    process.exit(code);
  }
  process.once('SIGTERM', () => void shutdown(0));
  process.once('SIGINT', () => void shutdown(0));

  try {
    const ready = await loginDiscordClient(client, token);
    await reconcileGuilds(app, ready);
    log.info({ guilds: ready.guilds.cache.size, user: ready.user.tag, store: config.storeUrl.replace(/\/\/[^@/]*@/, '//***@') }, 'Hyosan is online');
  } catch (error) {
    await app.stop().catch(() => undefined);
    await client.destroy();
    throw error;
  }
  app.start();
}

main().catch(fail);
