import { factKey, type Fact, type FactEvent, type FactKind } from '../facts/types.ts';
import type { FactStore } from './types.ts';
import type { KeyValue } from './key-value.ts';
import { IdIndex, keyFor, readIndexed } from './keys.ts';

const EVENT_COUNT_KEY = 'events:count';
/** Events read per round trip when walking the history backwards. */
const EVENT_PAGE = 100;

/**
 * Facts by (kind, subject), and the full, append-only history of events.
 *
 * Single writer: only the poller (through the ledger) writes facts and events. The fact index and
 * the event counter are updated with in-process locks only; a second writer process would need
 * an atomic counter (Redis INCR) behind KeyValue first.
 */
export class KeyValueFactStore implements FactStore {
  private readonly kv: KeyValue;
  private readonly index: IdIndex;

  constructor(kv: KeyValue) {
    this.kv = kv;
    this.index = new IdIndex(kv, 'index:facts');
  }

  getFact(kind: FactKind, subject: string | null): Promise<Fact | undefined> {
    return this.kv.get<Fact>(keyFor('fact', factKey(kind, subject)));
  }

  async listFacts(): Promise<Fact[]> {
    return readIndexed<Fact>(this.kv, 'fact', await this.index.list());
  }

  async putFact(fact: Fact): Promise<void> {
    const id = factKey(fact.kind, fact.subject);
    await this.kv.set(keyFor('fact', id), fact);
    await this.index.add([id]);
  }

  /**
   * Each event gets the next sequence number. Events are written before the counter moves, so
   * a failure half-way leaves the history as it was (the next append overwrites the strays).
   */
  async appendEvents(events: FactEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.kv.exclusive('events', async () => {
      const count = (await this.kv.get<number>(EVENT_COUNT_KEY)) ?? 0;
      await this.kv.setMany(events.map((event, i) => ({ key: eventKey(count + i), value: event })));
      await this.kv.set(EVENT_COUNT_KEY, count + events.length);
    });
  }

  async listEvents(filter: { kind?: FactKind; limit?: number } = {}): Promise<FactEvent[]> {
    const limit = filter.limit ?? Number.POSITIVE_INFINITY;
    if (limit <= 0) return [];
    const count = (await this.kv.get<number>(EVENT_COUNT_KEY)) ?? 0;
    const out: FactEvent[] = [];
    for (let end = count; end > 0 && out.length < limit; end -= EVENT_PAGE) {
      const start = Math.max(0, end - EVENT_PAGE);
      const seqs = Array.from({ length: end - start }, (_, i) => end - 1 - i);
      const page = await this.kv.getMany<FactEvent>(seqs.map(eventKey));
      for (const event of page) {
        if (event === undefined || (filter.kind !== undefined && event.kind !== filter.kind)) continue;
        out.push(event);
        if (out.length >= limit) break;
      }
    }
    return out;
  }
}

function eventKey(seq: number): string {
  return `event:${seq}`;
}
