/**
 * Fault injection by route: rate limits, server errors, slow or silent answers, and answers
 * lost after the request was carried out. Tests use these to prove retry and idempotency logic
 * against the way Discord and its edge actually fail.
 */

export type FaultStatus = 401 | 403 | 404 | 429 | 500 | 502;

export interface FaultSpec {
  /** HTTP method to match (any when left out). */
  method?: string;
  /** Path below the API version, e.g. `/channels/123/messages`. A string must match exactly. */
  path: RegExp | string;
  /** Answer with this status instead of handling the request. */
  status?: FaultStatus;
  /** How many matching requests to affect (default 1; Infinity for all). */
  times?: number;
  /** Seconds, for 429 (default 0.5). */
  retryAfter?: number;
  /** For 429: a global rate limit rather than a per-route one. */
  global?: boolean;
  /** Wait this long before answering (or before handling, when no status is given). */
  delayMs?: number;
  /** Never answer; the socket stays open until the client gives up or the emulator closes. */
  hang?: boolean;
  /** Carry the request out, then reset the connection so the client never sees the answer. */
  afterAccepting?: boolean;
}

export interface Fault extends FaultSpec {
  readonly id: number;
  hits: number;
  remaining: number;
}

export interface FaultHandle {
  /** How many requests this fault has affected so far. */
  readonly hits: number;
  remove(): void;
}

export class FaultTable {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): FaultHandle {
    const fault: Fault = { ...spec, id: this.nextId++, hits: 0, remaining: spec.times ?? 1 };
    this.faults.push(fault);
    const remove = () => { this.faults = this.faults.filter((f) => f !== fault); };
    return {
      get hits() { return fault.hits; },
      remove,
    };
  }

  /** Takes one use of the first fault that matches, if any. */
  take(method: string, path: string): Fault | null {
    const fault = this.faults.find((f) =>
      f.remaining > 0 &&
      (!f.method || f.method.toUpperCase() === method.toUpperCase()) &&
      (typeof f.path === 'string' ? f.path === path : f.path.test(path)));
    if (!fault) return null;
    fault.remaining -= 1;
    fault.hits += 1;
    return fault;
  }

  clear(): void {
    this.faults = [];
  }
}

const STATUS_BODIES: Record<number, { message: string; code: number }> = {
  401: { message: '401: Unauthorized', code: 0 },
  403: { message: 'Missing Permissions', code: 50013 },
  404: { message: '404: Not Found', code: 0 },
  500: { message: '500: Internal Server Error', code: 0 },
};

export interface FaultResponse { status: number; headers: Record<string, string>; body: string }

export function faultResponse(fault: Fault, bucket: string): FaultResponse {
  const status = fault.status ?? 500;
  if (status === 429) {
    const retryAfter = fault.retryAfter ?? 0.5;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      // Discord sends whole seconds here; fractions keep tests fast and discord.js parses them alike.
      'retry-after': String(retryAfter),
      'x-ratelimit-scope': fault.global ? 'global' : 'user',
    };
    if (fault.global) {
      headers['x-ratelimit-global'] = 'true';
    } else {
      Object.assign(headers, {
        'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-bucket': bucket,
        'x-ratelimit-reset': ((Date.now() / 1000) + retryAfter).toFixed(3), 'x-ratelimit-reset-after': retryAfter.toFixed(3),
      });
    }
    return { status, headers, body: JSON.stringify({ message: 'You are being rate limited.', retry_after: retryAfter, global: !!fault.global }) };
  }
  if (status === 502) {
    // Discord's edge answers gateway errors with an HTML page, not JSON.
    return { status, headers: { 'content-type': 'text/html' }, body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>' };
  }
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(STATUS_BODIES[status] ?? { message: 'Error', code: 0 }) };
}
