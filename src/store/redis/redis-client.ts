/** The one thing the Redis structures need from the client: send a command, get its reply. */
import { FencedError } from '../store-errors.ts';
import type { Fence } from '../types.ts';

export interface RedisLike {
  sendCommand(args: string[]): Promise<unknown>;
}

/**
 * Every key of a namespace starts with `{namespace}:`: the braces keep them in one hash slot, so
 * a script may touch several of them even on a Redis Cluster.
 */
export function prefixOf(namespace: string): string {
  return `{${namespace}}:`;
}

export function leaseKey(prefix: string, lease: string): string {
  return `${prefix}lease:${lease}`;
}

/** What a lease key holds while it is held; a fenced write compares it whole. */
export function fenceToken(fence: Fence | undefined): string {
  return fence === undefined ? '' : `${fence.epoch}|${fence.holder}`;
}

/** Runs a Lua script; a script's "FENCED" error becomes a FencedError. */
export async function evalScript(client: RedisLike, script: string, keys: string[], args: Array<string | number>, fence?: Fence): Promise<unknown> {
  try {
    return await client.sendCommand(['EVAL', script, String(keys.length), ...keys, ...args.map(String)]);
  } catch (error) {
    if (fence !== undefined && error instanceof Error && error.message.includes('FENCED')) throw new FencedError(fence);
    throw error;
  }
}

/** The Lua that opens every fenced script: KEYS[1] is the lease key, ARGV[1] the fence token ('' for none). */
export const FENCE_CHECK = `
if ARGV[1] ~= '' and redis.call('GET', KEYS[1]) ~= ARGV[1] then return redis.error_reply('FENCED') end
`;
