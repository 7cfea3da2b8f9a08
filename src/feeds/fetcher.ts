import { request, type Dispatcher } from 'undici';
import { logger } from '../shared/logger.ts';
import { readDecodedBody, TooLargeError, UnsupportedEncodingError, formatBytes } from './body-reader.ts';
import { decodeBody } from './charset.ts';
import { CHALLENGE_MESSAGE, looksLikeChallenge, whyNotAFeed } from './feed-sniff.ts';
import { parseRetryAfter } from './retry-after.ts';
import { DEFAULT_MAX_BYTES } from './feed-limits.ts';
import { createGuardedAgent } from './guarded-agent.ts';
import { checkUrl, RefusedError, type GuardOptions } from './url-guard.ts';

const log = logger.child({ module: 'feeds.fetcher' });

export const USER_AGENT = 'Hyosan/0.1 (+https://github.com/hyosan-bot/hyosan)';
export const DEFAULT_TIMEOUT_MS = 15_000;
export { DEFAULT_MAX_BYTES };
export const DEFAULT_MAX_REDIRECTS = 5;

export type FetchErrorKind =
  | 'refused'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http'
  | 'gone'
  | 'rate-limited'
  | 'network'
  | 'not-a-feed';

export interface FetchOk {
  status: 'ok';
  text: string;
  /** Where the document was finally read from, after redirects. */
  finalUrl: string;
  /** Validators for the next conditional GET; the caller saves them once the items are stored. */
  etag?: string;
  lastModified?: string;
  contentType?: string;
}

export interface FetchNotModified {
  status: 'not-modified';
}

export interface FetchFailure {
  status: 'error';
  kind: FetchErrorKind;
  /** For the admin: what happened and, where there is one, what to do about it. */
  message: string;
  retryAfterSeconds?: number;
  httpStatus?: number;
}

export type FetchResult = FetchOk | FetchNotModified | FetchFailure;

export interface FetchOptions extends GuardOptions {
  /** Validators from the last stored fetch; leave both out for an unconditional GET. */
  etag?: string;
  lastModified?: string;
  /** Covers connecting, headers, every redirect and the whole body. */
  timeoutMs?: number;
  /** Cap on the decoded (decompressed) body. */
  maxBytes?: number;
  maxRedirects?: number;
  /** A guarded agent to reuse; one is made (and closed) per call otherwise. Must come from createGuardedAgent. */
  dispatcher?: Dispatcher;
  now?: () => Date;
}

export interface DocumentOptions extends FetchOptions {
  /** 'feed' refuses anything that is not RSS/Atom; 'html' is for article pages. */
  expect: 'feed' | 'html';
}

const ACCEPT = {
  feed: 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1',
  html: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1',
};

/** Fetches a feed politely and safely. Never throws: every outcome is a value. */
export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  return fetchDocument(url, { ...options, expect: 'feed' });
}

function fail(kind: FetchErrorKind, message: string, extra: Partial<FetchFailure> = {}): FetchFailure {
  return { status: 'error', kind, message, ...extra };
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function fetchDocument(url: string, options: DocumentOptions): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const now = options.now ?? (() => new Date());
  const ownAgent = options.dispatcher ? undefined : createGuardedAgent(options);
  const dispatcher = options.dispatcher ?? (ownAgent as Dispatcher);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('deadline'));
  }, timeoutMs);

  try {
    let current = url;
    for (let redirects = 0; ; redirects++) {
      const check = checkUrl(current, options);
      if (!check.ok) return fail('refused', redirects > 0 ? `${check.reason} (reached through a redirect)` : check.reason);

      const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: ACCEPT[options.expect], 'accept-encoding': 'gzip, deflate, br' };
      if (options.etag) headers['if-none-match'] = options.etag;
      if (options.lastModified) headers['if-modified-since'] = options.lastModified;

      const res = await request(check.url.href, { method: 'GET', headers, dispatcher, signal: controller.signal });
      const status = res.statusCode;
      const h = res.headers;

      if (status >= 300 && status < 400 && status !== 304 && header(h, 'location')) {
        await res.body.dump();
        if (redirects >= maxRedirects) {
          return fail('too-many-redirects', `the feed redirected more than ${maxRedirects} times; use the address it finally lands on`);
        }
        current = new URL(header(h, 'location') as string, check.url).href;
        continue;
      }
      if (status === 304) {
        await res.body.dump();
        return { status: 'not-modified' };
      }
      if (status >= 400 || status < 200 || status >= 300) {
        return await failForStatus(status, h, res.body, now());
      }

      const bytes = await readDecodedBody(res.body, header(h, 'content-encoding'), maxBytes, controller.signal);
      const contentType = header(h, 'content-type');
      const { text } = decodeBody(bytes, contentType);
      if (options.expect === 'feed') {
        const why = whyNotAFeed(text, { 'content-type': contentType, 'cf-mitigated': header(h, 'cf-mitigated') });
        if (why) return fail('not-a-feed', why, { httpStatus: status });
      }
      const result: FetchOk = { status: 'ok', text, finalUrl: check.url.href };
      const etag = header(h, 'etag');
      const lastModified = header(h, 'last-modified');
      if (etag) result.etag = etag;
      if (lastModified) result.lastModified = lastModified;
      if (contentType) result.contentType = contentType;
      return result;
    }
  } catch (error) {
    return failForError(error, timedOut, timeoutMs, maxBytes, url);
  } finally {
    clearTimeout(timer);
    if (ownAgent) ownAgent.destroy().catch(() => undefined);
  }
}

async function failForStatus(
  status: number,
  h: Record<string, string | string[] | undefined>,
  body: Dispatcher.ResponseData['body'],
  now: Date,
): Promise<FetchFailure> {
  // A small look at error pages tells a bot check from a real error; anything bigger is not worth reading.
  let snippet = '';
  try {
    snippet = (await readDecodedBody(body, header(h, 'content-encoding'), 64 * 1024)).toString('utf8');
  } catch {
    body.destroy();
  }
  const retryAfterSeconds = parseRetryAfter(header(h, 'retry-after'), now);
  const extra: Partial<FetchFailure> = { httpStatus: status };
  if (retryAfterSeconds !== undefined) extra.retryAfterSeconds = retryAfterSeconds;
  if ((status === 403 || status === 503 || status === 429) && looksLikeChallenge(snippet, { 'cf-mitigated': header(h, 'cf-mitigated') })) {
    return fail('not-a-feed', CHALLENGE_MESSAGE, extra);
  }
  const later = retryAfterSeconds !== undefined ? `; it asked to wait ${retryAfterSeconds} s before trying again` : '';
  if (status === 429) return fail('rate-limited', `the site says the bot asks too often (HTTP 429)${later}`, extra);
  if (status === 503) return fail('rate-limited', `the site is unavailable for now (HTTP 503)${later}`, extra);
  if (status === 410) return fail('gone', 'the site says this feed is gone for good (HTTP 410); remove it or replace it with the outlet\'s new feed', extra);
  if (status === 404) return fail('http', 'the feed was not found (HTTP 404); the outlet may have moved it', extra);
  if (status === 401 || status === 403) return fail('http', `the site refused access to the feed (HTTP ${status})`, extra);
  if (status >= 500) return fail('http', `the site had an error (HTTP ${status}); it is usually temporary`, extra);
  return fail('http', `the site answered HTTP ${status} instead of the feed`, extra);
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the server closed the connection unexpectedly',
  ENOTFOUND: 'the host name does not exist',
  EAI_AGAIN: 'DNS did not answer; try again later',
  EHOSTUNREACH: 'the server cannot be reached',
  ENETUNREACH: 'the network to that server cannot be reached',
  UND_ERR_SOCKET: 'the connection broke while reading',
  UND_ERR_CONNECT_TIMEOUT: 'connecting to the server took too long',
  CERT_HAS_EXPIRED: 'the site\'s HTTPS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the site\'s HTTPS certificate is self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the site\'s HTTPS certificate is for a different name',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the site\'s HTTPS certificate cannot be verified',
};

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let e: unknown = error;
  while (e && chain.length < 8) {
    chain.push(e);
    e = (e as { cause?: unknown }).cause;
  }
  return chain;
}

function failForError(error: unknown, timedOut: boolean, timeoutMs: number, maxBytes: number, url: string): FetchFailure {
  const chain = causes(error);
  const refused = chain.find((e): e is RefusedError => e instanceof RefusedError);
  if (refused) return fail('refused', refused.message);
  if (chain.some((e) => e instanceof TooLargeError)) {
    return fail('too-large', `the feed is larger than ${formatBytes(maxBytes)} once decompressed; the bot stops reading there`);
  }
  if (timedOut) return fail('timeout', `the site did not send the whole feed within ${timeoutMs / 1000} s`);
  const unsupported = chain.find((e): e is UnsupportedEncodingError => e instanceof UnsupportedEncodingError);
  if (unsupported) return fail('network', unsupported.message);
  for (const e of chain) {
    const code = (e as { code?: string }).code;
    if (code && NETWORK_WORDS[code]) return fail('network', NETWORK_WORDS[code]);
    if (code === 'Z_DATA_ERROR' || code === 'ERR__ERROR_FORMAT_PADDING_1' || code?.startsWith('ERR_BROTLI') || code?.startsWith('Z_')) {
      return fail('network', 'the server sent a compressed response that is corrupt');
    }
  }
  const first = chain.find((e) => e instanceof Error && e.message) as Error | undefined;
  log.debug({ err: error, url }, 'feed fetch failed');
  return fail('network', `the feed could not be read: ${first?.message ?? String(error)}`);
}
