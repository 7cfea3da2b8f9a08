/**
 * The REST side's plumbing: routing under /api/v10, bot-token auth, Discord-style rate-limit
 * headers (and real 429s when a client ignores them), fault injection and request accounting.
 * Route handlers live elsewhere and only see a parsed request.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { FaultTable, faultResponse } from './faults.ts';

export interface RestRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
}

export interface RestResult { status?: number; body?: unknown; headers?: Record<string, string> }
export type Handler = (req: RestRequest) => RestResult | Promise<RestResult>;

/** Thrown by handlers to answer with a Discord error body. */
export class HttpError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  constructor(status: number, code: number, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.body = { message, code, ...extra };
  }
}

interface Route { method: string; pattern: string; regex: RegExp; keys: string[]; auth: boolean; handler: Handler }

export interface RequestRecord {
  method: string;
  path: string;
  route: string | null;
  status: number;
  body: unknown;
  at: number;
}

export interface RestStats {
  requests: number;
  /** 401, 403 and 429 answers: what Discord counts towards its invalid-request ban. */
  invalid: number;
  byStatus: Record<string, number>;
  byRoute: Record<string, number>;
}

export interface RateLimitOptions { limit: number; windowMs: number }

interface Bucket { remaining: number; resetAt: number }

export class RestServer {
  readonly faults = new FaultTable();
  readonly log: RequestRecord[] = [];
  readonly stats: RestStats = { requests: 0, invalid: 0, byStatus: {}, byRoute: {} };
  private readonly routes: Route[] = [];
  private readonly buckets = new Map<string, Bucket>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly token: () => string;
  private readonly rateLimit: RateLimitOptions;
  private readonly globalLimit: RateLimitOptions | undefined;
  /** Times of the bot-token requests inside the global window, oldest first. */
  private readonly globalWindow: number[] = [];

  constructor(token: () => string, rateLimit: RateLimitOptions, globalLimit?: RateLimitOptions) {
    this.token = token;
    this.rateLimit = rateLimit;
    this.globalLimit = globalLimit;
  }

  /**
   * Discord's global limit: at most `limit` bot-token requests in any `windowMs`, whatever the
   * route. Interaction callbacks (no bot token) are exempt, as on Discord.
   */
  private takeGlobal(): number | undefined {
    if (!this.globalLimit) return undefined;
    const now = Date.now();
    while (this.globalWindow.length > 0 && (this.globalWindow[0] ?? 0) <= now - this.globalLimit.windowMs) this.globalWindow.shift();
    if (this.globalWindow.length >= this.globalLimit.limit) return (this.globalWindow[0] ?? now) + this.globalLimit.windowMs - now;
    this.globalWindow.push(now);
    return undefined;
  }

  /** `pattern` uses `:name` segments; `auth: false` for interaction and webhook-token routes. */
  route(method: string, pattern: string, handler: Handler, options: { auth?: boolean } = {}): void {
    const keys: string[] = [];
    const source = pattern.replace(/[.@]/g, (c) => `\\${c}`).replace(/:(\w+)/g, (_m, k: string) => { keys.push(k); return '([^/]+)'; });
    this.routes.push({ method, pattern, regex: new RegExp(`^${source}$`), keys, auth: options.auth ?? true, handler });
  }

  /** Answers still held open by `hang` faults are cut when the emulator closes. */
  dropHanging(): void {
    for (const res of this.hanging) res.socket?.destroy();
    this.hanging.clear();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api(\/v\d+)?/, '') || '/';
    this.stats.requests += 1;
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = await parseBody(raw, req.headers['content-type']);
    } catch {
      return this.finish(res, method, path, null, undefined, { status: 400, body: { message: '400: Bad Request', code: 50109 } });
    }

    let route: Route | undefined;
    let match: RegExpExecArray | null = null;
    let pathKnown = false;
    for (const r of this.routes) {
      const m = r.regex.exec(path);
      if (!m) continue;
      pathKnown = true;
      if (r.method === method) { route = r; match = m; break; }
    }
    if (!route || !match) {
      const status = pathKnown ? 405 : 404;
      return this.finish(res, method, path, null, body, { status, body: { message: `${status}: ${pathKnown ? 'Method Not Allowed' : 'Not Found'}`, code: 0 } });
    }
    const params: Record<string, string> = {};
    route.keys.forEach((k, i) => { params[k] = decodeURIComponent(match[i + 1] ?? ''); });
    const bucketHash = createHash('sha1').update(`${method} ${route.pattern}`).digest('hex').slice(0, 16);

    const fault = this.faults.take(method, path);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.hang) {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      this.record(method, path, route.pattern, 0, body);
      return;
    }
    if (fault?.status) {
      const f = faultResponse(fault, bucketHash);
      return this.finish(res, method, path, route.pattern, body, { status: f.status, headers: f.headers, body: f.body });
    }

    if (route.auth && req.headers.authorization !== `Bot ${this.token()}`) {
      return this.finish(res, method, path, route.pattern, body, { status: 401, body: { message: '401: Unauthorized', code: 0 } });
    }

    if (route.auth) {
      const globalWait = this.takeGlobal();
      if (globalWait !== undefined) {
        const retryAfter = Math.max(0.001, globalWait / 1000);
        return this.finish(res, method, path, route.pattern, body, {
          status: 429, headers: { 'retry-after': retryAfter.toFixed(3), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
          body: { message: 'You are being rate limited.', retry_after: retryAfter, global: true },
        });
      }
    }

    // One bucket per route and major parameter, as Discord keys its per-route limits.
    const major = params.channelId ?? params.guildId ?? params.token ?? params.interactionToken ?? '';
    const limited = this.takeBucket(`${bucketHash}:${major}`);
    if (limited.exceeded) {
      const retryAfter = Math.max(0.001, (limited.resetAt - Date.now()) / 1000);
      return this.finish(res, method, path, route.pattern, body, {
        status: 429, headers: { ...limited.headers(bucketHash), 'retry-after': retryAfter.toFixed(3), 'x-ratelimit-scope': 'user' },
        body: { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
      });
    }

    let result: RestResult;
    try {
      result = await route.handler({ method, path, params, query: url.searchParams, body, headers: req.headers });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      result = { status: error.status, body: error.body };
    }
    if (fault?.afterAccepting) {
      this.record(method, path, route.pattern, result.status ?? 200, body);
      // A reset rather than a clean close: what a dropped connection looks like to the client.
      req.socket.resetAndDestroy();
      return;
    }
    return this.finish(res, method, path, route.pattern, body, { ...result, headers: { ...limited.headers(bucketHash), ...result.headers } });
  }

  private takeBucket(key: string) {
    const now = Date.now();
    let b = this.buckets.get(key);
    if (!b || b.resetAt <= now) {
      b = { remaining: this.rateLimit.limit, resetAt: now + this.rateLimit.windowMs };
      this.buckets.set(key, b);
    }
    const exceeded = b.remaining <= 0;
    if (!exceeded) b.remaining -= 1;
    const bucket = b;
    const limit = this.rateLimit.limit;
    return {
      exceeded,
      resetAt: bucket.resetAt,
      headers: (hash: string): Record<string, string> => ({
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(bucket.remaining),
        'x-ratelimit-reset': (bucket.resetAt / 1000).toFixed(3),
        'x-ratelimit-reset-after': Math.max(0, (bucket.resetAt - Date.now()) / 1000).toFixed(3),
        'x-ratelimit-bucket': hash,
      }),
    };
  }

  private record(method: string, path: string, route: string | null, status: number, body: unknown): void {
    if (status !== 0) {
      this.stats.byStatus[status] = (this.stats.byStatus[status] ?? 0) + 1;
      if (status === 401 || status === 403 || status === 429) this.stats.invalid += 1;
    }
    const key = `${method} ${route ?? path}`;
    this.stats.byRoute[key] = (this.stats.byRoute[key] ?? 0) + 1;
    this.log.push({ method, path, route, status, body, at: Date.now() });
  }

  private finish(res: ServerResponse, method: string, path: string, route: string | null, reqBody: unknown, result: RestResult): void {
    const status = result.status ?? (result.body === undefined ? 204 : 200);
    this.record(method, path, route, status, reqBody);
    const headers: Record<string, string> = { via: '1.1 google', ...result.headers };
    if (status === 204 || result.body === undefined) {
      res.writeHead(status === 200 ? 204 : status, headers).end();
      return;
    }
    const text = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
    headers['content-type'] ??= 'application/json';
    res.writeHead(status, headers).end(text);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** JSON bodies, and multipart ones (discord.js switches to them for attachments) via payload_json. */
async function parseBody(raw: Buffer, contentType: string | undefined): Promise<unknown> {
  if (raw.length === 0) return undefined;
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    const json = form.get('payload_json');
    return typeof json === 'string' ? JSON.parse(json) : {};
  }
  return JSON.parse(raw.toString('utf8'));
}
