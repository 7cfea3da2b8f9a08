/**
 * An Outbox and a GuildStore kept in Maps: real implementations of the interfaces (idempotent
 * enqueue, due ordering, drop by guild), so the delivery worker is tested against the behaviour
 * it relies on. Values are cloned in and out, as a real store would serialise them.
 */
import { StoreError } from '../../../src/shared/errors.ts';
import type { Delivery, GuildSettings, GuildStore, Outbox } from '../../../src/store/types.ts';

function byAge(a: Delivery, b: Delivery): number {
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

export class MemoryOutbox implements Outbox {
  readonly #deliveries = new Map<string, Delivery>();

  async enqueue(deliveries: Delivery[]): Promise<Delivery[]> {
    const added: Delivery[] = [];
    for (const delivery of deliveries) {
      if (this.#deliveries.has(delivery.id)) continue;
      this.#deliveries.set(delivery.id, structuredClone(delivery));
      added.push(structuredClone(delivery));
    }
    return added;
  }

  async due(now: Date, limit: number): Promise<Delivery[]> {
    return [...this.#deliveries.values()]
      .filter((d) => d.state === 'pending' && Date.parse(d.nextAttemptAt) <= now.getTime())
      .sort(byAge)
      .slice(0, limit)
      .map((d) => structuredClone(d));
  }

  async get(id: string): Promise<Delivery | undefined> {
    const found = this.#deliveries.get(id);
    return found ? structuredClone(found) : undefined;
  }

  async update(delivery: Delivery): Promise<void> {
    if (!this.#deliveries.has(delivery.id)) throw new StoreError(`no delivery ${delivery.id}`);
    this.#deliveries.set(delivery.id, structuredClone(delivery));
  }

  async settle(id: string, changes: Partial<Delivery>): Promise<boolean> {
    const current = this.#deliveries.get(id);
    if (!current || current.state !== 'pending') return false;
    this.#deliveries.set(id, structuredClone({ ...current, ...changes, id }));
    return true;
  }

  async findAlert(channelId: string, alertKey: string): Promise<Delivery | undefined> {
    const alert = [...this.#deliveries.values()]
      .filter((d) => d.channelId === channelId && d.alertKey === alertKey && d.action === 'post')
      .sort(byAge)
      .at(-1);
    return alert ? structuredClone(alert) : undefined;
  }

  async findPosted(channelId: string, alertKey: string): Promise<Delivery | undefined> {
    const posted = [...this.#deliveries.values()]
      .filter((d) => d.channelId === channelId && d.alertKey === alertKey && d.action === 'post' && d.state === 'sent' && d.messageId)
      .sort(byAge)
      .at(-1);
    return posted ? structuredClone(posted) : undefined;
  }

  async waiting(guildId: string): Promise<Delivery[]> {
    return [...this.#deliveries.values()].filter((d) => d.guildId === guildId && d.state === 'pending').sort(byAge).map((d) => structuredClone(d));
  }

  async dropGuild(guildId: string, reason: string): Promise<number> {
    let count = 0;
    for (const [id, d] of this.#deliveries) {
      if (d.guildId !== guildId || d.state !== 'pending') continue;
      this.#deliveries.set(id, { ...d, state: 'dropped', lastError: reason });
      count += 1;
    }
    return count;
  }

  /** Everything stored, oldest first: for assertions. */
  all(): Delivery[] {
    return [...this.#deliveries.values()].sort(byAge).map((d) => structuredClone(d));
  }
}

export class MemoryGuildStore implements GuildStore {
  readonly #guilds = new Map<string, GuildSettings>();

  constructor(initial: GuildSettings[] = []) {
    for (const g of initial) this.#guilds.set(g.guildId, structuredClone(g));
  }

  async get(guildId: string): Promise<GuildSettings | undefined> {
    const found = this.#guilds.get(guildId);
    return found ? structuredClone(found) : undefined;
  }

  async put(settings: GuildSettings): Promise<void> {
    this.#guilds.set(settings.guildId, structuredClone(settings));
  }

  async list(): Promise<GuildSettings[]> {
    return [...this.#guilds.values()].map((g) => structuredClone(g));
  }

  async remove(guildId: string): Promise<void> {
    this.#guilds.delete(guildId);
  }
}
