/**
 * The ledger over a FactStore: loads the fact a claim is about, applies the rules, saves what
 * changed and appends every event (changes, corroborations, conflicts and ignored claims) to the
 * history, so "how did this change over time" can always be answered.
 */
import type { FactStore } from '../store/types.ts';
import { applyClaim, stageIndex, timelineOf, type Timeline } from './ledger.ts';
import { factKey, type Claim, type Fact, type FactEvent } from './types.ts';

export interface ApplyOptions {
  /** Catching up (baseline, a new feed's old articles): record, never announce. */
  silent?: boolean;
}

export interface PendingBatch {
  events: FactEvent[];
  /** Saves the judged facts and appends the events to the history. */
  commit(): Promise<void>;
}

export class FactLedger {
  private readonly store: FactStore;
  private readonly clock: () => Date;

  /**
   * Once production has moved past `wrapped`, the wrap date lives only in the history. It is read
   * once per stage the production fact reaches (keyed by the stage and the source that set it),
   * not once per claim: the history holds every event and is read page by page.
   */
  private readonly wrapByStage = new Map<string, FactEvent[]>();

  constructor(store: FactStore, options: { clock?: () => Date } = {}) {
    this.store = store;
    this.clock = options.clock ?? (() => new Date());
  }

  private async wrapHistory(production: Fact, batch: readonly FactEvent[]): Promise<FactEvent[]> {
    const first = production.sources[0];
    const key = `${production.value}|${first?.itemUrl ?? ''}|${first?.firstSeen ?? ''}`;
    const known = this.wrapByStage.get(key);
    if (known) return known;
    const isWrap = (e: FactEvent): boolean => e.type === 'fact-change' && e.kind === 'production' && e.subject === null && e.value === 'wrapped' && e.date !== undefined;
    const inBatch = batch.filter(isWrap).reverse();
    const wrap = inBatch[0] ?? (await this.store.listEvents({ kind: 'production' })).find(isWrap);
    const found = wrap ? [wrap] : [];
    this.wrapByStage.set(key, found);
    return found;
  }

  /**
   * Judges claims in the order given (callers pass articles oldest first) without saving anything.
   * The caller persists what must not be lost (the alerts' outbox) and then calls `commit()`: if
   * the process dies in between, the same claims are judged again to the same events, and the
   * outbox's idempotent ids keep that from sending anything twice.
   * Store errors propagate: a claim is never judged against a fact that could not be read.
   */
  async evaluate(claims: readonly Claim[], options: ApplyOptions = {}): Promise<PendingBatch> {
    const now = this.clock().toISOString();
    const touched = new Map<string, Fact>();
    const events: FactEvent[] = [];
    const factOf = async (kind: Claim['kind'], subject: string | null): Promise<Fact | undefined> =>
      touched.get(factKey(kind, subject)) ?? (await this.store.getFact(kind, subject));
    // Release and production claims are judged against the rest of the timeline as it stands
    // after the claims before them in this batch.
    const timeline = async (): Promise<Timeline> => {
      const production = await factOf('production', null);
      const release = await factOf('release', null);
      const history = production && stageIndex(production.value) > stageIndex('wrapped') ? await this.wrapHistory(production, events) : [];
      return timelineOf(production, release, history);
    };
    for (const claim of claims) {
      const key = factKey(claim.kind, claim.subject);
      const current = await factOf(claim.kind, claim.subject);
      const outcome = applyClaim(current, claim, {
        now,
        ...(options.silent ? { silent: true } : {}),
        ...(claim.kind === 'release' || claim.kind === 'production' ? { timeline: await timeline() } : {}),
      });
      if (outcome.factChanged && outcome.fact) touched.set(key, outcome.fact);
      events.push(outcome.event);
    }
    return {
      events,
      commit: async () => {
        if (events.length > 0) await this.store.appendEvents(events);
        for (const fact of touched.values()) await this.store.putFact(fact);
      },
    };
  }

  /** Judges and saves at once, for callers with nothing to persist in between. */
  async apply(claims: readonly Claim[], options: ApplyOptions = {}): Promise<FactEvent[]> {
    const batch = await this.evaluate(claims, options);
    await batch.commit();
    return batch.events;
  }

  /** Seeds the shipped baseline once: only into a store that holds no fact at all. */
  async seedBaseline(claims: readonly Claim[]): Promise<FactEvent[]> {
    const existing = await this.store.listFacts();
    if (existing.length > 0) return [];
    return this.apply(claims, { silent: true });
  }

  listFacts(): Promise<Fact[]> {
    return this.store.listFacts();
  }
}
