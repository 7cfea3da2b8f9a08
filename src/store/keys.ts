/**
 * Key naming and the id indexes that make lists possible on a plain key/value store.
 *
 * Every collection keeps its own index key, so a write to one collection can never drop entries
 * of another. Index changes go through KeyValue.update, which serialises them within the process;
 * across processes they assume a single writer per collection (documented where each is used).
 */
import { createHash } from 'node:crypto';
import type { KeyValue } from './key-value.ts';

/**
 * Ids are URLs and free text; PostgreSQL's key column is bounded, so long ids are hashed.
 * The record itself keeps its real id, so nothing is lost.
 */
const MAX_ID_IN_KEY = 160;

export function keyFor(collection: string, id: string): string {
  if (id.length <= MAX_ID_IN_KEY) return `${collection}:${id}`;
  return `${collection}:#${createHash('sha256').update(id).digest('hex')}`;
}

/** An ordered set of ids stored under one key (insertion order, no duplicates). */
export class IdIndex {
  private readonly kv: KeyValue;
  private readonly key: string;

  constructor(kv: KeyValue, key: string) {
    this.kv = kv;
    this.key = key;
  }

  async list(): Promise<string[]> {
    return (await this.kv.get<string[]>(this.key)) ?? [];
  }

  async add(ids: string[]): Promise<void> {
    await this.kv.update<string[]>(this.key, (current) => {
      const existing = current ?? [];
      const present = new Set(existing);
      const fresh = [...new Set(ids)].filter((id) => !present.has(id));
      // Same object back means "unchanged": no write.
      return fresh.length === 0 && current !== undefined ? current : [...existing, ...fresh];
    });
  }

  async remove(ids: string[]): Promise<void> {
    const gone = new Set(ids);
    await this.kv.update<string[]>(this.key, (current) => {
      if (current === undefined) return undefined;
      const kept = current.filter((id) => !gone.has(id));
      if (kept.length === current.length) return current;
      return kept.length === 0 ? undefined : kept;
    });
  }

  async drop(): Promise<void> {
    await this.kv.delete(this.key);
  }
}

/** Reads the records an index points to, skipping ids whose record is gone. */
export async function readIndexed<T>(kv: KeyValue, collection: string, ids: string[]): Promise<T[]> {
  const values = await kv.getMany<T>(ids.map((id) => keyFor(collection, id)));
  return values.filter((value): value is T => value !== undefined);
}
