/**
 * Turns whatever a backend throws (a socket error, a driver error, a timeout) into one StoreError
 * whose message says which store failed and why, in words an operator can act on:
 * "store unavailable: redis 127.0.0.1:6379 — connection refused".
 */
import { StoreError } from '../shared/errors.ts';
import type { Fence } from './types.ts';

const CODE_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  EPIPE: 'connection closed',
  '57P01': 'server shut down',
  '3D000': 'database does not exist',
  '28P01': 'authentication failed',
  '28000': 'authentication failed',
};

/**
 * A write refused because this process no longer holds the lease it was made under: another
 * process has taken over, and only the holder may change the outbox.
 */
export class FencedError extends StoreError {
  constructor(fence: Fence) {
    super(`store refused the write: this process no longer holds the "${fence.lease}" lease (epoch ${fence.epoch}); another process has taken over`);
    this.name = 'FencedError';
  }
}

/** A timeout is not an error object from the driver; this marks our own. */
export class StoreTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'StoreTimeout';
  }
}

/** Short reason for an error, looking through causes and aggregated errors. */
export function describeFailure(error: unknown): string {
  for (const candidate of errorChain(error)) {
    if (candidate instanceof StoreTimeout) return candidate.message;
    const code = (candidate as { code?: unknown }).code;
    if (typeof code === 'string' && CODE_REASONS[code]) return CODE_REASONS[code];
    const message = candidate instanceof Error ? candidate.message : '';
    if (/database is locked|SQLITE_BUSY/i.test(message)) return 'database is locked by another connection';
    if (/client is closed|ClientClosed/i.test(message)) return 'connection closed';
    if (/offline queue|client is offline|ClientOffline/i.test(message)) return 'connection lost';
  }
  const first = errorChain(error)[0];
  if (first instanceof Error && first.message) return first.message;
  return String(error);
}

export function toStoreError(backend: string, error: unknown, hint?: unknown): StoreError {
  if (error instanceof StoreError) return error;
  // Some drivers throw a generic error and only emit the real one: prefer the specific hint.
  const reason = hint !== undefined && isGenericConnectError(error) ? describeFailure(hint) : describeFailure(error);
  return new StoreError(`store unavailable: ${backend} — ${reason}`, { cause: error });
}

/** Rejects with StoreTimeout when `work` does not settle within `ms`. */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeout(ms)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function isGenericConnectError(error: unknown): boolean {
  return error instanceof Error && /not connected or has failed to connect/i.test(error.message);
}

function errorChain(error: unknown): unknown[] {
  const out: unknown[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && out.length < 10) {
    const next = queue.shift();
    if (next === undefined || next === null || out.includes(next)) continue;
    out.push(next);
    if (next instanceof AggregateError) queue.push(...next.errors);
    if (next instanceof Error && next.cause !== undefined) queue.push(next.cause);
  }
  return out;
}

/** Runs a backend call with the store's timeout and turns any failure into a StoreError. */
export type Guard = <T>(work: () => Promise<T>) => Promise<T>;

export function makeGuard(options: { backend: string; timeoutMs: number; beforeCall?: () => Promise<void>; isClosed?: () => boolean }): Guard {
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (options.isClosed?.()) throw new StoreError(`store unavailable: ${options.backend} — already closed`);
    try {
      const { beforeCall } = options;
      return await withTimeout(beforeCall ? beforeCall().then(work) : work(), options.timeoutMs);
    } catch (error) {
      throw toStoreError(options.backend, error);
    }
  };
}
