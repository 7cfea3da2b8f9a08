/**
 * The ledger's rules, as a pure function: given what the bot believes about one (kind, subject)
 * and one new claim, what does it believe now, and what happened?
 *
 * - a weaker claim never overwrites a stronger fact;
 * - an older article never overwrites a newer one;
 * - a second source for the same value is corroboration, not a change;
 * - a stronger claim for the same value is an upgrade (a change worth announcing);
 * - two equally sure values that disagree are a conflict, shown but not flip-flopped — unless the
 *   current value has gone unrepeated for a while (the news moved on) or, since the other value
 *   first appeared, clearly more outlets have reported it than have repeated the current one;
 * - production stages only move forward (a recap of "filming began" in a later article is not a
 *   regression), and a newer report of a later stage moves the fact on even when the earlier stage
 *   was official: the stages are successive events, not rival values.
 */
import {
  PERSON_KINDS,
  PRODUCTION_STAGES,
  confidenceRank,
  type Claim,
  type ConflictingValue,
  type Evidence,
  type Fact,
  type FactEvent,
  type FactSource,
  type IgnoreReason,
  type ChangeReason,
  type CorroborationReason,
} from './types.ts';
import { refines } from './release-window.ts';

export interface LedgerPolicy {
  /** An equally sure different value replaces one that no source has repeated for this long. */
  supersedeAfterDays: number;
  /** A conflicting value takes over once it has this many more distinct outlets than the current one. */
  majorityMargin: number;
}

export const DEFAULT_POLICY: LedgerPolicy = { supersedeAfterDays: 45, majorityMargin: 2 };

export interface ApplyContext {
  /** ISO time of processing; used when an article has no date. */
  now: string;
  silent?: boolean;
  policy?: LedgerPolicy;
}

export interface ClaimOutcome {
  /** The fact after the claim (unchanged object when nothing changed; none when there is still none). */
  fact: Fact | undefined;
  event: FactEvent;
  /** False when the claim left the stored fact exactly as it was. */
  factChanged: boolean;
}

const DAY_MS = 86_400_000;

/**
 * An event names its cause and the most recent other sources, not all of them: a fact repeated by
 * hundreds of articles over the years would otherwise make every corroboration (kept in the
 * history) carry the whole list. The fact itself keeps every source.
 */
export const MAX_EVENT_SOURCES = 10;

function claimTime(claim: Claim, now: string): string {
  return claim.evidence.published ?? now;
}

function toSource(claim: Claim, now: string): FactSource {
  const seen = claimTime(claim, now);
  return { ...claim.evidence, confidence: claim.confidence, firstSeen: seen, lastSeen: seen };
}

/** The outlet behind a source: its name, else the host of its link. */
export function outletOf(source: Evidence): string {
  if (source.outlet) return source.outlet.toLowerCase();
  try {
    return new URL(source.itemUrl).hostname.replace(/^www\./, '');
  } catch {
    return source.itemUrl;
  }
}

function distinctOutlets(sources: readonly Evidence[]): number {
  return new Set(sources.map(outletOf)).size;
}

function latestTime(sources: readonly FactSource[], fallback: string): string {
  return sources.reduce((max, s) => (s.lastSeen > max ? s.lastSeen : max), fallback);
}

function evidenceOf(source: FactSource): Evidence {
  const { confidence: _c, firstSeen: _f, lastSeen: _l, ...evidence } = source;
  return evidence;
}

function newFact(claim: Claim, now: string): Fact {
  const source = toSource(claim, now);
  return {
    kind: claim.kind,
    subject: claim.subject,
    value: claim.value,
    confidence: claim.confidence,
    ...(claim.date ? { date: claim.date } : {}),
    ...(claim.character ? { character: claim.character } : {}),
    sources: [source],
    conflicts: [],
    asOf: source.lastSeen,
    updatedAt: now,
  };
}

function event(
  type: FactEvent['type'],
  reason: ChangeReason | IgnoreReason | CorroborationReason,
  claim: Claim,
  previous: Fact | undefined,
  ctx: ApplyContext,
  otherSources: readonly FactSource[] = [],
): FactEvent {
  return {
    type,
    reason,
    kind: claim.kind,
    subject: claim.subject,
    value: claim.value,
    previous: previous && previous.value !== claim.value ? previous.value : null,
    confidence: claim.confidence,
    previousConfidence: previous ? previous.confidence : null,
    ...(claim.date ? { date: claim.date } : {}),
    ...(claim.character ? { character: claim.character } : {}),
    sources: [claim.evidence, ...otherSources.filter((s) => s.itemUrl !== claim.evidence.itemUrl).slice(-(MAX_EVENT_SOURCES - 1)).map(evidenceOf)],
    at: ctx.now,
    ...(ctx.silent ? { silent: true } : {}),
  };
}

/** Adds (or refreshes) a source in a list, keeping the strongest confidence it was seen with. */
function withSource(sources: readonly FactSource[], claim: Claim, now: string): FactSource[] {
  const incoming = toSource(claim, now);
  const existing = sources.find((s) => s.itemUrl === incoming.itemUrl);
  if (!existing) return [...sources, incoming];
  return sources.map((s) =>
    s === existing
      ? {
          ...s,
          confidence: confidenceRank(claim.confidence) > confidenceRank(s.confidence) ? claim.confidence : s.confidence,
          lastSeen: incoming.lastSeen > s.lastSeen ? incoming.lastSeen : s.lastSeen,
        }
      : s,
  );
}

function sameValue(current: Fact, claim: Claim, ctx: ApplyContext): ClaimOutcome {
  const duplicate = current.sources.some((s) => s.itemUrl === claim.evidence.itemUrl);
  const stronger = confidenceRank(claim.confidence) > confidenceRank(current.confidence);
  const sources = withSource(current.sources, claim, ctx.now);
  const fact: Fact = {
    ...current,
    confidence: stronger ? claim.confidence : current.confidence,
    // A later source may be the first to give the date or the character: keep it, quietly.
    ...(current.date === undefined && claim.date ? { date: claim.date } : {}),
    ...(current.character === undefined && claim.character ? { character: claim.character } : {}),
    sources,
    asOf: latestTime(sources, current.asOf),
    updatedAt: ctx.now,
  };
  if (stronger) return { fact, event: event('fact-change', 'upgraded', claim, current, ctx, current.sources), factChanged: true };
  if (duplicate) {
    return { fact: current, event: event('ignored', 'duplicate', claim, current, ctx), factChanged: false };
  }
  const sameOutlet = current.sources.some((s) => outletOf(s) === outletOf(claim.evidence));
  return { fact, event: event('corroboration', sameOutlet ? 'same-outlet' : 'new', claim, current, ctx, current.sources), factChanged: true };
}

function replaced(current: Fact, claim: Claim, ctx: ApplyContext, reason: ChangeReason): ClaimOutcome {
  const fresh = newFact(claim, ctx.now);
  // Sources that had already reported the new value as a conflict now back it.
  const earlier = current.conflicts.find((c) => c.value === claim.value);
  const sources = earlier ? [...earlier.sources.filter((s) => s.itemUrl !== claim.evidence.itemUrl), ...fresh.sources] : fresh.sources;
  const fact: Fact = {
    ...fresh,
    ...(fresh.character === undefined && current.character && claim.kind === 'cast' ? { character: current.character } : {}),
    sources,
    conflicts: current.conflicts.filter((c) => c.value !== claim.value),
    asOf: latestTime(sources, fresh.asOf),
  };
  return { fact, event: event('fact-change', reason, claim, current, ctx, earlier?.sources ?? []), factChanged: true };
}

function ignored(current: Fact, claim: Claim, ctx: ApplyContext, reason: IgnoreReason): ClaimOutcome {
  return { fact: current, event: event('ignored', reason, claim, current, ctx), factChanged: false };
}

function recordConflict(current: Fact, claim: Claim, ctx: ApplyContext): { fact: Fact; conflict: ConflictingValue } {
  const existing = current.conflicts.find((c) => c.value === claim.value);
  const conflict: ConflictingValue = existing
    ? {
        value: existing.value,
        confidence: confidenceRank(claim.confidence) > confidenceRank(existing.confidence) ? claim.confidence : existing.confidence,
        sources: withSource(existing.sources, claim, ctx.now),
      }
    : { value: claim.value, confidence: claim.confidence, sources: [toSource(claim, ctx.now)] };
  const conflicts = existing ? current.conflicts.map((c) => (c === existing ? conflict : c)) : [...current.conflicts, conflict];
  return { fact: { ...current, conflicts, updatedAt: ctx.now }, conflict };
}

function stageIndex(value: string): number {
  return (PRODUCTION_STAGES as readonly string[]).indexOf(value);
}

/** Equal confidence, newer article, different value: decide between change and conflict. */
function equallySure(current: Fact, claim: Claim, ctx: ApplyContext, policy: LedgerPolicy): ClaimOutcome {
  if (claim.kind === 'production') {
    return stageIndex(claim.value) > stageIndex(current.value)
      ? replaced(current, claim, ctx, 'changed')
      : ignored(current, claim, ctx, 'regression');
  }
  // Leaving a project is news on its own; it needs no majority.
  if (claim.kind === 'cast' && claim.value === 'exited') return replaced(current, claim, ctx, 'changed');
  if (claim.kind === 'release' && refines(claim.value, current.value)) return replaced(current, claim, ctx, 'refined');

  const quietForMs = Date.parse(claimTime(claim, ctx.now)) - Date.parse(current.asOf);
  if (quietForMs > policy.supersedeAfterDays * DAY_MS) return replaced(current, claim, ctx, 'changed');

  const { fact, conflict } = recordConflict(current, claim, ctx);
  // The contest is judged on what outlets have said since the other value first appeared: a date
  // repeated by twenty outlets before a delay was announced is not twenty votes against the delay.
  const contestStart = conflict.sources.reduce((min, s) => (s.firstSeen < min ? s.firstSeen : min), conflict.sources[0]?.firstSeen ?? ctx.now);
  const stillBacking = current.sources.filter((s) => s.lastSeen >= contestStart);
  if (distinctOutlets(conflict.sources) >= distinctOutlets(stillBacking) + policy.majorityMargin) {
    return replaced(fact, claim, ctx, 'changed');
  }
  return { fact, event: event('conflict', 'new', claim, current, ctx, current.sources), factChanged: true };
}

export function applyClaim(current: Fact | undefined, claim: Claim, ctx: ApplyContext): ClaimOutcome {
  const policy = ctx.policy ?? DEFAULT_POLICY;
  if (!current) {
    // "Fans hope Lee Yoo-mi could return" is a wish, not news about a person: a guess alone never
    // starts a cast or crew fact (guesses about dates do, since that is all fans have for months).
    if (PERSON_KINDS.has(claim.kind) && claim.confidence === 'speculation') {
      return { fact: undefined, event: event('ignored', 'speculative', claim, undefined, ctx), factChanged: false };
    }
    const fact = newFact(claim, ctx.now);
    return { fact, event: event('fact-change', 'new', claim, undefined, ctx), factChanged: true };
  }
  if (claim.value === current.value) return sameValue(current, claim, ctx);

  if (claimTime(claim, ctx.now) < current.asOf) return ignored(current, claim, ctx, 'older');
  // "2027" says nothing new about a fact already known as "March 2027".
  if (claim.kind === 'release' && refines(current.value, claim.value)) return ignored(current, claim, ctx, 'less-specific');

  // Stages are successive events, not rival values: "filming" confirmed by Netflix is not
  // contradicted by a later report that filming wrapped. A newer article moving the stage forward
  // is news at any confidence above speculation (a guess that filming "could wrap" moves nothing).
  if (claim.kind === 'production' && stageIndex(claim.value) > stageIndex(current.value) && confidenceRank(claim.confidence) >= confidenceRank('rumor')) {
    return replaced(current, claim, ctx, 'changed');
  }
  // Moving back takes Netflix's word for a stage that can really recur (a second shoot), never a
  // mention of the renewal: "the show was renewed in 2022" is history in every later article.
  if (claim.kind === 'production' && stageIndex(claim.value) < stageIndex(current.value) && (claim.value === 'announced' || claim.confidence !== 'official')) {
    return ignored(current, claim, ctx, 'regression');
  }
  const rankDiff = confidenceRank(claim.confidence) - confidenceRank(current.confidence);
  if (rankDiff < 0) return ignored(current, claim, ctx, 'weaker');
  if (rankDiff > 0) {
    const reason = claim.kind === 'release' && refines(claim.value, current.value) ? 'refined' : 'changed';
    return replaced(current, claim, ctx, reason);
  }
  return equallySure(current, claim, ctx, policy);
}
