/** The backends the contract suite runs on, and how to reach the real servers CI provides. */
import { randomUUID } from 'node:crypto';
import { openBackend } from '../../../src/store/backends.ts';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A namespace no other run or test uses. */
export function uniqueNamespace(): string {
  return `t${randomUUID().replaceAll('-', '')}`;
}

/**
 * Fails loudly (never skips) when a server the suite needs is down: CI provides both, and a
 * silently skipped storage suite would hide exactly the failures it exists to catch.
 */
export async function requireServer(name: string, url: string): Promise<void> {
  const kv = await openBackend(url, { namespace: uniqueNamespace(), timeoutMs: 3000 });
  try {
    await kv.ping();
  } catch (error) {
    throw new Error(`${name} is not reachable at ${url} (start it with scripts/test-services.sh): ${String(error)}`, { cause: error });
  } finally {
    await kv.close().catch(() => undefined);
  }
}
