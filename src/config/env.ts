/**
 * Every setting the bot reads from its environment, validated once at start-up. A bad value stops
 * the bot with a message naming the variable, rather than surfacing later as a strange failure.
 */
import { z } from 'zod';
import { UserFacingError } from '../shared/errors.ts';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  DISCORD_TOKEN: z.string().trim().min(1).optional(),
  DISCORD_APPLICATION_ID: z.string().regex(/^\d{5,25}$/, 'must be the numeric application id').optional(),
  DISCORD_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  STORE_URL: z.string().trim().min(1).default('sqlite://./data/hyosan.sqlite'),
  STORE_NAMESPACE: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'lowercase letters, digits, - and _ only').default('hyosan'),
  SHOW: z.string().regex(/^[a-z0-9-]+$/).default('all-of-us-are-dead'),
  FEEDS_FILE: z.string().default('config/feeds.json'),
  POLL_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(600),
  FEED_ALLOWED_HOSTS: z.string().default(''),
  FETCH_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(15),
  FETCH_MAX_BYTES: z.coerce.number().int().min(10_000).max(50_000_000).default(5 * 1024 * 1024),
  READ_ARTICLE_PAGES: booleanFlag.default(true),
  DELIVERY_RATE_PER_SECOND: z.coerce.number().min(1).max(45).default(40),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  discordToken: string | undefined;
  applicationId: string | undefined;
  discordApiUrl: string | undefined;
  storeUrl: string;
  storeNamespace: string;
  show: string;
  feedsFile: string;
  pollIntervalSeconds: number;
  allowedHosts: string[];
  fetchTimeoutMs: number;
  fetchMaxBytes: number;
  readArticlePages: boolean;
  deliveryRatePerSecond: number;
  logLevel: string;
}

/** Reads and validates the environment; blank variables count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new UserFacingError('bad-config', `Invalid configuration — ${problems}. See .env.example.`);
  }
  const e = parsed.data;
  return {
    discordToken: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    discordApiUrl: e.DISCORD_API_URL,
    storeUrl: e.STORE_URL,
    storeNamespace: e.STORE_NAMESPACE,
    show: e.SHOW,
    feedsFile: e.FEEDS_FILE,
    pollIntervalSeconds: e.POLL_INTERVAL_SECONDS,
    allowedHosts: e.FEED_ALLOWED_HOSTS.split(',').map((h) => h.trim()).filter(Boolean),
    fetchTimeoutMs: e.FETCH_TIMEOUT_SECONDS * 1000,
    fetchMaxBytes: e.FETCH_MAX_BYTES,
    readArticlePages: e.READ_ARTICLE_PAGES,
    deliveryRatePerSecond: e.DELIVERY_RATE_PER_SECOND,
    logLevel: e.LOG_LEVEL,
  };
}

/** Loads `.env` from the working directory when there is one; real environment variables win. */
export function loadDotEnv(path = '.env'): void {
  try {
    process.loadEnvFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
