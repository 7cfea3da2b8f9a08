import { pino, type Logger } from 'pino';

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

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info');
  const opts = {
    level,
    base: { app: 'hyosan' },
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    hooks: {
      // Last line of defence: a token pasted into an error message or URL is scrubbed too.
      streamWrite: (line: string) => scrubSecrets(line),
    },
  };
  return options.destination ? pino(opts, options.destination as pino.DestinationStream) : pino(opts);
}

export const logger: Logger = createLogger();
export type { Logger };
