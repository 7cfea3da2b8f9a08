/**
 * The fact model shared by the whole engine. A Claim is what one article says; a Fact is what the
 * bot believes now for one (kind, subject); a FactEvent is the difference a claim made.
 */

export const FACT_KINDS = ['renewal', 'production', 'release', 'cast', 'crew', 'episodes', 'platform'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** Kinds whose subject is a person; the others are about the show itself (subject is null). */
export const PERSON_KINDS: ReadonlySet<FactKind> = new Set(['cast', 'crew']);

/** Weakest to strongest. Order matters: it is used to compare confidences. */
export const CONFIDENCES = ['speculation', 'rumor', 'reported', 'official'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export function confidenceRank(c: Confidence): number {
  return CONFIDENCES.indexOf(c);
}

export const PRODUCTION_STAGES = ['announced', 'pre-production', 'filming', 'wrapped', 'post-production', 'released'] as const;
export type ProductionStage = (typeof PRODUCTION_STAGES)[number];

export const RENEWAL_VALUES = ['renewed', 'cancelled'] as const;
export const CAST_STATUSES = ['returning', 'new', 'exited'] as const;
export type CastStatus = (typeof CAST_STATUSES)[number];

/** Where a claim came from: the article and the very sentence that said it. */
export interface Evidence {
  itemUrl: string;
  sentence: string;
  /** Article headline, for showing sources to people. */
  title?: string;
  /** ISO 8601 publication time of the article, when the feed gave one. */
  published?: string;
  /** Outlet name or host the article came from (e.g. "soompi.com"). */
  outlet?: string;
}

export interface Claim {
  kind: FactKind;
  /** Canonical person name for cast/crew; null for facts about the show. */
  subject: string | null;
  /**
   * release: YYYY-MM-DD | YYYY-MM | YYYY-Qn | YYYY-H1 | YYYY-H2 | YYYY
   * production: a ProductionStage; renewal: renewed | cancelled; cast: returning | new | exited;
   * crew: a role (director, writer, …); episodes: a count as a string; platform: e.g. Netflix.
   */
  value: string;
  confidence: Confidence;
  /** The date the fact happened on, when the article gives one (e.g. filming wrapped 2026-02-19). */
  date?: string;
  /** For cast claims: the canonical character name, when the article names one. */
  character?: string;
  /**
   * For production claims: the article words a stage as a step back ("production was halted",
   * "reshoots"). Only such a claim, and only when official, may move production to an earlier stage.
   */
  setback?: boolean;
  /**
   * The article itself says the earlier value no longer holds ("now expected", "pushed to",
   * "instead"). At equal confidence a revision replaces the value; any other equally sure rival is
   * a conflict.
   */
  revises?: boolean;
  evidence: Evidence;
  /** The named rule that read the claim (e.g. "shoot-ended", "release:premieres"), for `check`. */
  rule?: string;
  /** Who says it, as the article puts it ("Netflix", "two people close to the production"). */
  speaker?: string;
}

/** One source backing a fact. */
export interface FactSource extends Evidence {
  confidence: Confidence;
  firstSeen: string;
  lastSeen: string;
}

export interface Fact {
  kind: FactKind;
  subject: string | null;
  value: string;
  confidence: Confidence;
  date?: string;
  character?: string;
  /** Every source that backs the current value, oldest first. */
  sources: FactSource[];
  /** Values reported against this one that the ledger could not settle. */
  conflicts: ConflictingValue[];
  /** Publication time of the newest article that set the value (ISO). */
  asOf: string;
  updatedAt: string;
}

export interface ConflictingValue {
  value: string;
  confidence: Confidence;
  sources: FactSource[];
}

/**
 * fact-change events become alerts: a new fact, a changed value, an upgrade in confidence.
 * The others are kept for history and shown, never announced.
 */
export type FactEventType = 'fact-change' | 'corroboration' | 'conflict' | 'ignored';

export type ChangeReason = 'new' | 'changed' | 'upgraded' | 'refined';

/** Why a claim changed nothing. */
export type IgnoreReason = 'weaker' | 'older' | 'duplicate' | 'less-specific' | 'regression';

/**
 * Why a corroboration says nothing new to fans: the outlet had already reported the value (a
 * re-post under a new link), so there is no one to add to "also reported by".
 */
export type CorroborationReason = 'same-outlet';

export interface FactEvent {
  type: FactEventType;
  /** For fact-change: why it is a change. For ignored: why the claim lost. */
  reason?: ChangeReason | IgnoreReason | CorroborationReason;
  kind: FactKind;
  subject: string | null;
  value: string;
  previous: string | null;
  confidence: Confidence;
  previousConfidence?: Confidence | null;
  date?: string;
  character?: string;
  /** sources[0] is the item that caused the event. */
  sources: Evidence[];
  at: string;
  /**
   * True when the event came from catching up (a feed's first fetch of old articles, the shipped
   * baseline): it is kept in history but never announced.
   */
  silent?: boolean;
}

export function factKey(kind: FactKind, subject: string | null): string {
  return subject === null ? kind : `${kind}:${subject}`;
}
