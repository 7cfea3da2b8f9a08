/**
 * The composition root, started by main.ts once the compile cache is on. Reads the configuration, starts the bot, and stops it cleanly
 * on SIGTERM or SIGINT (deliveries in flight finish and are recorded first).
 */
// First: .env is read before any module builds the logger from LOG_LEVEL and LOG_FORMAT.
import './shared/load-env.ts';
import { loadConfig, loadDotEnv } from './config/env.ts';
import { isUserFacing } from './shared/errors.ts';
import { logger } from './shared/logger.ts';
import { StandbyEnded, stopWaiting } from './lease/wait-for-lease.ts';
import { startHyosan, type Hyosan } from './start-hyosan.ts';

const log = logger.child({ module: 'main' });

/** A newcomer reads this, not a stack trace: say what is wrong and what to do. */
function fail(error: unknown): never {
  const message = isUserFacing(error) ? error.message : error instanceof Error ? error.message : String(error);
  if (isUserFacing(error)) log.fatal({ code: error.code }, `Hyosan could not start: ${message}`);
  else log.fatal({ err: error }, 'Hyosan could not start');
  process.stderr.write(`\nHyosan could not start: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  let bot: Hyosan | undefined = undefined;
  let stopping = false;

  async function shutdown(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    log.info(bot ? 'stopping: finishing deliveries in flight' : 'stopping');
    await stopWaiting();
    await bot?.stop().catch((error: unknown) => log.error({ err: error }, 'error while stopping'));
    process.exit(code);
  }
  process.once('SIGTERM', () => void shutdown(0));
  process.once('SIGINT', () => void shutdown(0));

  bot = await startHyosan(config, {
    onFatal: (reason) => {
      log.fatal({ reason }, 'alert delivery stopped for good');
      process.stderr.write(`\nHyosan stopped sending alerts: ${reason}. Check DISCORD_TOKEN and restart.\n`);
      void shutdown(1);
    },
    onLeaseLost: (reason) => {
      // Restarted by its supervisor, it comes back as a standby behind the process that took over.
      process.stderr.write(`\nHyosan stopped: it lost its lease (${reason}); another process polls and delivers now.\n`);
      void shutdown(1);
    },
  });
}

main().catch((error: unknown) => {
  if (error instanceof StandbyEnded) return;
  fail(error);
});
