import { factKey, type Fact, type FactEvent, type FactKind } from '../facts/types.ts';
import type { EventLog, FactStore, IdList } from './types.ts';
import type { KeyValue } from './key-value.ts';
import { keyFor, readIndexed } from './keys.ts';

/**
 * Facts by (kind, subject) as key/value records with a native list of them, and the full,
 * append-only history of events as a native log (a table, or a Redis list): a batch of events is
 * appended whole or not at all.
 */
export class KeyValueFactStore implements FactStore {
  private readonly kv: KeyValue;
  private readonly index: IdList;
  private readonly events: EventLog;

  constructor(kv: KeyValue, index: IdList, events: EventLog) {
    this.kv = kv;
    this.index = index;
    this.events = events;
  }

  getFact(kind: FactKind, subject: string | null): Promise<Fact | undefined> {
    return this.kv.get<Fact>(keyFor('fact', factKey(kind, subject)));
  }

  async listFacts(): Promise<Fact[]> {
    return readIndexed<Fact>(this.kv, 'fact', await this.index.list());
  }

  async putFact(fact: Fact): Promise<void> {
    const id = factKey(fact.kind, fact.subject);
    await this.index.add([id]);
    await this.kv.set(keyFor('fact', id), fact);
  }

  async appendEvents(events: FactEvent[]): Promise<void> {
    await this.events.append(events);
  }

  async listEvents(filter: { kind?: FactKind; limit?: number } = {}): Promise<FactEvent[]> {
    if (filter.limit !== undefined && filter.limit <= 0) return [];
    return this.events.list(filter);
  }
}
