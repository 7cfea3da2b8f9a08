/**
 * Every setting the bot reads from its environment, validated once at start-up. A bad value stops
 * the bot with a message naming the variable, rather than surfacing later as a strange failure.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import { UserFacingError } from '../shared/errors.ts';
import { convert, httpUrl, matches, nonEmpty, oneOf, optional, record, text, validate, withDefault, type Rule } from '../shared/validate.ts';

const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const booleanFlag = convert(
  oneOf(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], 'must be true or false (1/0, yes/no and on/off work too)'),
  (v) => TRUE_WORDS.includes(v),
);

const inRange = (min: number, max: number, words: string): Rule<number> => (v) => (v >= min && v <= max ? undefined : words);

/** A whole number in a range, said in words when it is not one ("abc" is not "received NaN"). */
function wholeNumber(min: number, max: number, unit: string) {
  const words = `must be a whole number of ${unit} from ${min} to ${max}`;
  return convert(text({ trim: true, rules: [matches(/^\d+$/, words)] }), Number, [inRange(min, max, words)]);
}

/** A number (a fraction allowed) in a range, said in words. */
function decimalNumber(min: number, max: number, unit: string) {
  const words = `must be a number of ${unit} from ${min} to ${max}`;
  return convert(text({ trim: true, rules: [matches(/^\d+(?:\.\d+)?$/, words)] }), Number, [inRange(min, max, words)]);
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const LOG_FORMATS = ['auto', 'pretty', 'json'] as const;
export const STORE_SCHEMES = ['sqlite', 'redis', 'rediss', 'postgres', 'postgresql'] as const;

const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/** One FEED_ALLOWED_HOSTS entry: a host name, an IP address or a CIDR range. */
export function isAllowedHostEntry(entry: string): boolean {
  const bare = entry.replace(/^\[(.*)\]$/, '$1');
  if (bare.includes('/')) {
    try {
      ipaddr.parseCIDR(bare);
      return true;
    } catch {
      return false;
    }
  }
  return ipaddr.isValid(bare) || HOST_NAME.test(bare);
}

const allowedHosts = text({
  rules: [(value) => {
    const bad = value.split(',').map((h) => h.trim()).filter((h) => h && !isAllowedHostEntry(h));
    if (bad.length === 0) return undefined;
    return `${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is not a host name, IP address or CIDR range' : 'are not host names, IP addresses or CIDR ranges'} (e.g. rsshub.local, 192.168.1.20, 10.0.0.0/8)`;
  }],
});

const envSchema = record({
  DISCORD_TOKEN: optional(text({ trim: true, rules: [nonEmpty()] })),
  DISCORD_APPLICATION_ID: optional(text({ trim: true, rules: [matches(/^\d{5,25}$/, 'must be the Application ID from the Developer Portal (General Information): 5 to 25 digits')] })),
  DISCORD_API_URL: optional(text({ rules: [httpUrl('must be an http or https URL, e.g. http://127.0.0.1:8080/api')] })),
  STORE_URL: withDefault(text({
    trim: true,
    rules: [(v) => (STORE_SCHEMES.some((s) => v.toLowerCase().startsWith(`${s}://`)) ? undefined : 'must start with sqlite://, redis://, rediss://, postgres:// or postgresql://')],
  }), 'sqlite://./data/hyosan.sqlite'),
  STORE_NAMESPACE: withDefault(text({ rules: [matches(/^[a-z0-9_-]{1,40}$/, 'must be 1 to 40 lowercase letters, digits, - or _')] }), 'hyosan'),
  SHOW: withDefault(text({ rules: [matches(/^[a-z0-9-]+$/, 'must be the file name of a show pack in config/shows/, without .json (lowercase letters, digits and -)')] }), 'all-of-us-are-dead'),
  FEEDS_FILE: withDefault(text(), 'config/feeds.json'),
  POLL_INTERVAL_SECONDS: withDefault(wholeNumber(10, 86_400, 'seconds'), 600),
  FEED_ALLOWED_HOSTS: withDefault(allowedHosts, ''),
  FETCH_TIMEOUT_SECONDS: withDefault(decimalNumber(1, 120, 'seconds'), 15),
  FETCH_MAX_BYTES: withDefault(wholeNumber(10_000, 50_000_000, 'bytes'), 5 * 1024 * 1024),
  READ_ARTICLE_PAGES: withDefault(booleanFlag, true),
  DELIVERY_RATE_PER_SECOND: withDefault(decimalNumber(1, 45, 'requests per second'), 40),
  LEASE_TTL_SECONDS: withDefault(wholeNumber(3, 600, 'seconds'), 30),
  LOG_LEVEL: withDefault(oneOf(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`), 'info'),
  LOG_FORMAT: withDefault(oneOf(LOG_FORMATS, 'must be auto (readable lines on a terminal, JSON otherwise), pretty or json'), 'auto'),
});

/** Variables whose value may be shown back in an error message (never the token). */
const SHOWN_VALUES = new Set(['DISCORD_APPLICATION_ID', 'DISCORD_API_URL', 'STORE_NAMESPACE', 'SHOW', 'POLL_INTERVAL_SECONDS', 'FETCH_TIMEOUT_SECONDS', 'FETCH_MAX_BYTES', 'READ_ARTICLE_PAGES', 'DELIVERY_RATE_PER_SECOND', 'LEASE_TTL_SECONDS', 'LOG_LEVEL', 'LOG_FORMAT']);

/** The show packs there are: the .json files in config/shows/. */
export function availableShows(dir = path.join('config', 'shows')): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();
  } catch {
    return [];
  }
}

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
  /** How long the running process's lease lasts without renewal; it is renewed every third of it. */
  leaseTtlMs: number;
  logLevel: (typeof LOG_LEVELS)[number];
  logFormat: (typeof LOG_FORMATS)[number];
}

/** Reads and validates the environment; blank variables count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = validate(envSchema, present);
  if (!parsed.ok) {
    const problems = parsed.issues.map((i) => {
      const name = i.path.join('.');
      const value = SHOWN_VALUES.has(name) ? present[name] : undefined;
      return `${name}${value !== undefined ? `=${JSON.stringify(value)}` : ''} ${i.message}`;
    }).join('; ');
    throw new UserFacingError('bad-config', `Invalid configuration: ${problems}. See .env.example.`);
  }
  const e = parsed.value;
  const shows = availableShows();
  if (shows.length > 0 && !shows.includes(e.SHOW)) {
    throw new UserFacingError('bad-config', `Invalid configuration: SHOW=${JSON.stringify(e.SHOW)} is not a show pack in config/shows/ (show packs there: ${shows.join(', ')}). See .env.example.`);
  }
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
    leaseTtlMs: e.LEASE_TTL_SECONDS * 1000,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
  };
}

export { loadDotEnv } from '../shared/load-env.ts';
