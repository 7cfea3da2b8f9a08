/**
 * Key naming for records, and reading the records a list names.
 *
 * A record and its list entry live in different structures, so they are written in an order that
 * never shows half a write: the list entry first and the record second on put (a listed id whose
 * record is missing is skipped by readIndexed), the record first and the entry second on remove.
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

/** Reads the records an index points to, skipping ids whose record is gone. */
export async function readIndexed<T>(kv: KeyValue, collection: string, ids: string[]): Promise<T[]> {
  const values = await kv.getMany<T>(ids.map((id) => keyFor(collection, id)));
  return values.filter((value): value is T => value !== undefined);
}
