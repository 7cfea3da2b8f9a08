/**
 * Discord as the delivery worker sees it: channels of messages, nonces enforced for a window (a
 * post repeated with a nonce used within `nonceWindowMs` returns the message made the first time,
 * as with enforce_nonce; after it, a second message is made, as on Discord), a channel history
 * that can be unreadable, and failures scripted per channel.
 */
import { DeliveryError, type AlertMessage, type DiscordPort, type PostedLookup, type PostedProbe } from '../../../src/alerts/types.ts';
import type { FakeClock } from './fake-clock.ts';

/**
 * A scripted answer: "ok"; a DeliveryError to throw; "lost-answer": posted, but the reply times
 * out; "hang": posted, and the reply waits until the test releases it.
 */
export type Scripted = DeliveryError | 'ok' | 'lost-answer' | 'hang';

export interface StoredMessage {
  id: string;
  nonce: string;
  message: AlertMessage;
  edits: AlertMessage[];
  /** Clock time it was created. */
  at: number;
}

export interface PortCall {
  op: 'send' | 'edit' | 'history';
  channelId: string;
  nonce?: string;
  messageId?: string;
  at: number;
}

export class FakeDiscord implements DiscordPort {
  readonly channels = new Map<string, StoredMessage[]>();
  readonly calls: PortCall[] = [];
  readonly #script = new Map<string, Scripted[]>();
  readonly #clock: FakeClock;
  #nextId = 1_000_000_000_000_000_000n;
  #inFlight = new Map<string, number>();
  maxInFlightPerChannel = 0;
  maxInFlightTotal = 0;
  /** Resolvers for calls scripted to hang; a test releases them to let a request finish. */
  readonly hanging: (() => void)[] = [];
  /** How long a nonce de-duplicates a repeated post (Discord: a few minutes). */
  nonceWindowMs = 5 * 60_000;
  /** False to answer history reads as Discord does without Read Message History. */
  historyReadable = true;

  constructor(clock: FakeClock) {
    this.#clock = clock;
  }

  failNext(channelId: string, ...outcomes: Scripted[]): void {
    this.#script.set(channelId, [...(this.#script.get(channelId) ?? []), ...outcomes]);
  }

  messages(channelId: string): StoredMessage[] {
    return this.channels.get(channelId) ?? [];
  }

  callsTo(channelId: string): PortCall[] {
    return this.calls.filter((c) => c.channelId === channelId);
  }

  async #enter<T>(channelId: string, work: () => Promise<T> | T): Promise<T> {
    const here = (this.#inFlight.get(channelId) ?? 0) + 1;
    this.#inFlight.set(channelId, here);
    const total = [...this.#inFlight.values()].reduce((a, b) => a + b, 0);
    this.maxInFlightPerChannel = Math.max(this.maxInFlightPerChannel, here);
    this.maxInFlightTotal = Math.max(this.maxInFlightTotal, total);
    try {
      // A network round trip: let other channels' requests interleave.
      await new Promise((resolve) => setImmediate(resolve));
      return await work();
    } finally {
      this.#inFlight.set(channelId, (this.#inFlight.get(channelId) ?? 1) - 1);
    }
  }

  send(channelId: string, message: AlertMessage, nonce: string): Promise<{ messageId: string }> {
    this.calls.push({ op: 'send', channelId, nonce, at: this.#clock.now().getTime() });
    const outcome = this.#script.get(channelId)?.shift();
    return this.#enter(channelId, async () => {
      if (outcome instanceof DeliveryError) throw outcome;
      const list = this.channels.get(channelId) ?? [];
      this.channels.set(channelId, list);
      const now = this.#clock.now().getTime();
      let stored = list.find((m) => m.nonce === nonce && now - m.at <= this.nonceWindowMs);
      if (!stored) {
        stored = { id: String(this.#nextId++), nonce, message: structuredClone(message), edits: [], at: now };
        list.push(stored);
      }
      if (outcome === 'lost-answer') throw new DeliveryError('timeout', 'no answer within 15 s');
      if (outcome === 'hang') await new Promise<void>((resolve) => this.hanging.push(resolve));
      return { messageId: stored.id };
    });
  }

  /** Matches as the REST port does against Discord, which does not list nonces: by the text. */
  findInHistory(channelId: string, probe: PostedProbe): Promise<PostedLookup> {
    this.calls.push({ op: 'history', channelId, nonce: probe.nonce, at: this.#clock.now().getTime() });
    return this.#enter(channelId, (): PostedLookup => {
      if (!this.historyReadable) return { unknown: 'Hyosan cannot read the channel\'s message history (Read Message History is missing)' };
      const found = this.messages(channelId).find((m) => m.at >= probe.since.getTime() - 60_000 &&
        m.message.content === probe.message.content &&
        m.message.embeds[0]?.description === probe.message.embeds[0]?.description);
      return found ? { found: found.id } : 'absent';
    });
  }

  edit(channelId: string, messageId: string, message: AlertMessage): Promise<void> {
    this.calls.push({ op: 'edit', channelId, messageId, at: this.#clock.now().getTime() });
    const outcome = this.#script.get(channelId)?.shift();
    return this.#enter(channelId, async () => {
      if (outcome instanceof DeliveryError) throw outcome;
      const stored = this.messages(channelId).find((m) => m.id === messageId);
      if (!stored) throw new DeliveryError('not-found', 'Unknown Message');
      stored.edits.push(structuredClone(message));
      stored.message = structuredClone(message);
    });
  }
}
