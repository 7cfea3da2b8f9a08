import { pino, type Logger } from 'pino';
import { prettyDestination } from './pretty-log.ts';

/**
 * The one logger. Secrets are redacted by path wherever they might be attached, and the token
 * itself is scrubbed from any message text by the serializer set up in `redactSecrets`.
 */
const REDACT_PATHS = [
  'token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'authorization', '*.authorization',
  'headers.authorization', '*.headers.authorization', 'password', '*.password', 'config.discordToken',
];

const secrets = new Set<string>();

/** Registers a secret so that it never appears in a log line, whatever field it hides in. */
export function redactSecret(secret: string | undefined): void {
  if (secret && secret.length >= 8) secrets.add(secret);
}

export function scrubSecrets(text: string): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('[REDACTED]');
  return out;
}

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/**
 * LOG_LEVEL when it is a level; otherwise "info", so a typo cannot crash the process before the
 * configuration check names the variable and says which values it takes.
 */
export function logLevelFrom(env: NodeJS.ProcessEnv = process.env): string {
  const wanted = env.LOG_LEVEL?.trim();
  if (wanted && LEVELS.has(wanted)) return wanted;
  return env.VITEST && !wanted ? 'silent' : 'info';
}

/** Readable lines on a terminal (or with LOG_FORMAT=pretty), JSON lines otherwise (or with LOG_FORMAT=json). */
export function prettyWanted(env: NodeJS.ProcessEnv = process.env, isTty = Boolean(process.stdout.isTTY)): boolean {
  const format = env.LOG_FORMAT?.trim();
  if (format === 'pretty') return true;
  if (format === 'json') return false;
  return isTty;
}

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream; pretty?: boolean } = {}): Logger {
  const level = options.level ?? logLevelFrom();
  const pretty = options.pretty ?? (options.destination ? false : prettyWanted());
  const opts = {
    level,
    base: { app: 'hyosan' },
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    hooks: {
      // Last line of defence: a token pasted into an error message or URL is scrubbed too.
      streamWrite: (line: string) => scrubSecrets(line),
    },
  };
  const target = pretty ? prettyDestination(options.destination ?? process.stdout) : options.destination;
  return target ? pino(opts, target as pino.DestinationStream) : pino(opts);
}

export const logger: Logger = createLogger();
export type { Logger };
