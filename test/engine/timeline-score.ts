/**
 * Scores a replay against the timeline's expected changes: how many real changes were found, how
 * many alerts were false, and whether any forbidden claim became an alert.
 */
import { confidenceRank, type Confidence, type FactEvent } from '../../src/facts/types.ts';
import type { ReplayedItem } from '../../src/engine/replay.ts';

export interface ExpectedChange {
  kind: string;
  subject: string | null;
  value: string;
  confidence: Confidence;
  after: string;
  note?: string;
}

export interface ForbiddenClaim {
  kind: string;
  subject: string | null;
  value: string;
  why: string;
  /** Only a change caused by this article is forbidden. */
  from?: string;
  /** Only this confidence or stronger is forbidden. */
  confidence?: Confidence;
}

export interface TimelineScore {
  expected: number;
  found: ExpectedChange[];
  missed: ExpectedChange[];
  falseAlerts: FactEvent[];
  forbiddenHits: { claim: ForbiddenClaim; event: FactEvent }[];
  articles: number;
}

const sameFact = (a: { kind: string; subject: string | null; value: string }, b: { kind: string; subject: string | null; value: string }): boolean =>
  a.kind === b.kind && (a.subject ?? null) === (b.subject ?? null) && a.value === b.value;

export function scoreTimeline(replayed: readonly ReplayedItem[], expected: readonly ExpectedChange[], forbidden: readonly ForbiddenClaim[]): TimelineScore {
  const changes = replayed.flatMap((r) => r.events.filter((e) => e.type === 'fact-change').map((e) => ({ e, id: r.item.id, link: r.item.link })));
  const unmatched = new Set(changes);
  const found: ExpectedChange[] = [];
  const missed: ExpectedChange[] = [];
  for (const want of expected) {
    // The same fact, at the expected confidence or, failing that, one step either side of it:
    // "reportedly" read as rumour rather than report is a judgement call, not a wrong alert.
    // Where it was first said may differ by an article.
    const candidates = [...unmatched].filter(({ e }) => sameFact(e, want));
    const hit =
      candidates.find(({ e }) => e.confidence === want.confidence) ??
      candidates.find(({ e }) => Math.abs(confidenceRank(e.confidence) - confidenceRank(want.confidence)) === 1);
    if (hit) {
      unmatched.delete(hit);
      found.push(want);
    } else missed.push(want);
  }
  const forbiddenHits: TimelineScore['forbiddenHits'] = [];
  for (const { e, id, link } of changes) {
    for (const claim of forbidden) {
      if (!sameFact(e, claim)) continue;
      if (claim.from && claim.from !== id && claim.from !== link) continue;
      if (claim.confidence && confidenceRank(e.confidence) < confidenceRank(claim.confidence)) continue;
      forbiddenHits.push({ claim, event: e });
    }
  }
  return {
    expected: expected.length,
    found,
    missed,
    falseAlerts: [...unmatched].map((u) => u.e),
    forbiddenHits,
    articles: replayed.length,
  };
}

export function describeScore(s: TimelineScore): string {
  const line = (e: { kind: string; subject: string | null; value: string; confidence: string }) => `${e.kind} ${e.subject ?? ''} ${e.value} (${e.confidence})`.replace(/\s+/g, ' ');
  return [
    `found ${s.found.length}/${s.expected} expected changes; ${s.falseAlerts.length} false alerts over ${s.articles} articles; ${s.forbiddenHits.length} forbidden`,
    ...s.missed.map((m) => `  missed: ${line(m)}`),
    ...s.falseAlerts.map((f) => `  false:  ${line(f)} — "${f.sources[0]?.sentence ?? ''}"`),
    ...s.forbiddenHits.map((h) => `  forbidden: ${line(h.event)} — ${h.claim.why}`),
  ].join('\n');
}
