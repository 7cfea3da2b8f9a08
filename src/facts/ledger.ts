/**
 * The ledger's rules, as a pure function: given what the bot believes about one (kind, subject),
 * what the rest of the timeline says, and one new claim, what does it believe now, and what
 * happened? docs/decisions/0002-ledger-rules.md says why each rule is as it is.
 *
 * - an older article never overwrites a newer one;
 * - a second source for the same value is corroboration, not a change; a stronger claim for the
 *   same value is an upgrade (a change worth announcing);
 * - a weaker claim never replaces a stronger one, on every path. For production, stages are
 *   successive events: a *reported* later stage moves an official earlier one forward, but a
 *   rumour or a guess never moves a surer stage;
 * - production stages move forward only; the one way back is an official claim worded as a
 *   setback (`setback`: "production was halted", "reshoots");
 * - equally sure values that disagree stay a conflict, shown and never announced, until a stronger
 *   source settles it: never by a timer or an outlet count. The exception is a revision: the
 *   article says the earlier value no longer holds (`revises`), or it comes from the outlet behind
 *   the current value's newest source (an outlet updating itself), or an actor leaves (an exit says
 *   by itself that the casting no longer holds);
 * - a claim that contradicts the known timeline (a release before the known wrap, a release already
 *   past for a season not known released, "released" before the known release day) is kept as a
 *   conflict and not announced.
 */
import {
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
  type Confidence,
} from './types.ts';
import { refines, releaseSpan } from './release-window.ts';

/**
 * What the rest of the timeline says, for judging release and production claims against it. Each
 * part carries the confidence it is known with: a timeline only contradicts a claim it is at
 * least as sure as (an official date is not refuted by a rumoured wrap).
 */
export interface Timeline {
  /** The day (or month) filming wrapped, from the production fact or its history. */
  wrapped?: { date: string; confidence: Confidence };
  /** The season is known to be out: production has reached `released`. */
  released?: boolean;
  /** The known release day (a release fact that names one day). */
  releaseDay?: { date: string; confidence: Confidence };
}

export interface ApplyContext {
  /** ISO time of processing; used when an article has no date. */
  now: string;
  silent?: boolean;
  /** The rest of the timeline; without it no claim is judged against it. */
  timeline?: Timeline;
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

export function stageIndex(value: string): number {
  return (PRODUCTION_STAGES as readonly string[]).indexOf(value);
}

function atLeastAsSure(known: Confidence, claim: Confidence): boolean {
  return confidenceRank(known) >= confidenceRank(claim);
}

/** The day before an ISO time's UTC day: news is dated in many time zones, Korea's a day ahead. */
function dayBefore(iso: string): string | undefined {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : new Date(t - DAY_MS).toISOString().slice(0, 10);
}

/**
 * Whether a claim contradicts the known timeline. Dates compare with a day's grace (an article
 * from New York and a premiere at midnight in Seoul may name different days for one moment).
 */
export function contradictsTimeline(claim: Claim, timeline: Timeline | undefined): boolean {
  if (!timeline) return false;
  if (claim.kind === 'release') {
    const span = releaseSpan(claim.value);
    if (!span) return false;
    // A release over before filming wrapped.
    const wrap = timeline.wrapped && releaseSpan(timeline.wrapped.date);
    if (timeline.wrapped && wrap && atLeastAsSure(timeline.wrapped.confidence, claim.confidence) && span.end < wrap.start) return true;
    // A release already past when the article was written, for a season not known to be out.
    const published = claim.evidence.published && dayBefore(claim.evidence.published);
    if (!timeline.released && published && span.end < published) return true;
    return false;
  }
  if (claim.kind === 'production' && claim.value === 'released' && timeline.releaseDay) {
    if (!atLeastAsSure(timeline.releaseDay.confidence, claim.confidence)) return false;
    const known = timeline.releaseDay.date && dayBefore(`${timeline.releaseDay.date}T00:00:00Z`);
    // The day it says the season came out: its own date, else the day the article was written.
    const said = (claim.date ? releaseSpan(claim.date)?.end : undefined) ?? claim.evidence.published?.slice(0, 10);
    return Boolean(known && said && said < known);
  }
  return false;
}

/**
 * The timeline as the ledger knows it: from the production and release facts, and, once
 * production has moved past `wrapped`, the wrap date from the production history (newest first).
 */
export function timelineOf(production: Fact | undefined, release: Fact | undefined, productionHistory: readonly FactEvent[] = []): Timeline {
  const timeline: Timeline = {};
  if (production?.value === 'released') timeline.released = true;
  if (release && /^\d{4}-\d{2}-\d{2}$/.test(release.value)) timeline.releaseDay = { date: release.value, confidence: release.confidence };
  if (production && stageIndex(production.value) >= stageIndex('wrapped')) {
    if (production.value === 'wrapped') {
      if (production.date) timeline.wrapped = { date: production.date, confidence: production.confidence };
    } else {
      const wrap = productionHistory.find((e) => e.type === 'fact-change' && e.subject === null && e.value === 'wrapped' && e.date !== undefined);
      if (wrap?.date) timeline.wrapped = { date: wrap.date, confidence: wrap.confidence };
    }
  }
  return timeline;
}

/** Whether a claim at the current value's confidence may replace it: the article revises it. */
function revision(current: Fact, claim: Claim): boolean {
  if (claim.revises) return true;
  // Leaving a project says by itself that the casting no longer holds.
  if (claim.kind === 'cast' && claim.value === 'exited') return true;
  // The outlet behind the newest source updating what it said itself.
  const newest = current.sources.reduce<FactSource | undefined>((best, s) => (!best || s.lastSeen >= best.lastSeen ? s : best), undefined);
  return newest !== undefined && outletOf(newest) === outletOf(claim.evidence);
}

function conflict(current: Fact, claim: Claim, ctx: ApplyContext): ClaimOutcome {
  const { fact } = recordConflict(current, claim, ctx);
  return { fact, event: event('conflict', 'new', claim, current, ctx, current.sources), factChanged: true };
}

/** A new stage for the production fact: forward by a sure enough source, back only by an official setback. */
function productionStep(current: Fact, claim: Claim, ctx: ApplyContext): ClaimOutcome {
  const forward = stageIndex(claim.value) > stageIndex(current.value);
  if (!forward) {
    // Season-2 articles recap earlier stages all the time ("filming began last July"); only
    // Netflix saying production went back ("halted", "reshoots") moves it back.
    return claim.setback && claim.confidence === 'official'
      ? replaced(current, claim, ctx, 'changed')
      : ignored(current, claim, ctx, 'regression');
  }
  // A later stage is a new event, so an outlet reporting it moves on an official earlier stage;
  // a rumour or a guess does not outweigh a surer stage.
  const sureEnough = confidenceRank(claim.confidence) >= confidenceRank(current.confidence) || confidenceRank(claim.confidence) >= confidenceRank('reported');
  if (!sureEnough) return ignored(current, claim, ctx, 'weaker');
  if (contradictsTimeline(claim, ctx.timeline)) return conflict(current, claim, ctx);
  return replaced(current, claim, ctx, 'changed');
}

export function applyClaim(current: Fact | undefined, claim: Claim, ctx: ApplyContext): ClaimOutcome {
  if (!current) {
    // A guess starts a fact like any claim, labelled as the guess it is ("fans believe Yoon
    // Chan-young could return" is speculation): servers alert from 'rumor' up unless they ask for less.
    // Nothing to hold the conflict yet: the history keeps it, and no fact starts from it.
    if (contradictsTimeline(claim, ctx.timeline)) {
      return { fact: undefined, event: event('conflict', 'new', claim, undefined, ctx), factChanged: false };
    }
    const fact = newFact(claim, ctx.now);
    return { fact, event: event('fact-change', 'new', claim, undefined, ctx), factChanged: true };
  }
  if (claim.value === current.value) return sameValue(current, claim, ctx);

  if (claimTime(claim, ctx.now) < current.asOf) return ignored(current, claim, ctx, 'older');
  // "2027" says nothing new about a fact already known as "March 2027" — unless it is surer:
  // Netflix's own "first half of 2027" over a reported "January 2027" is the window fans can count on.
  if (claim.kind === 'release' && refines(current.value, claim.value) && confidenceRank(claim.confidence) <= confidenceRank(current.confidence)) return ignored(current, claim, ctx, 'less-specific');
  if (claim.kind === 'production') return productionStep(current, claim, ctx);

  const rankDiff = confidenceRank(claim.confidence) - confidenceRank(current.confidence);
  if (rankDiff < 0) return ignored(current, claim, ctx, 'weaker');
  if (contradictsTimeline(claim, ctx.timeline)) return conflict(current, claim, ctx);
  const refinement = claim.kind === 'release' && refines(claim.value, current.value);
  if (rankDiff > 0) return replaced(current, claim, ctx, refinement ? 'refined' : 'changed');
  // Equally sure: a narrower window inside the known one is no rival, a revision replaces the
  // value, and anything else waits as a conflict for a surer source.
  if (refinement) return replaced(current, claim, ctx, 'refined');
  if (revision(current, claim)) return replaced(current, claim, ctx, 'changed');
  return conflict(current, claim, ctx);
}
