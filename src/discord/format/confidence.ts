/**
 * Confidence as fans read it: a marker they learn once (✅ 📰 💬 🔮) and a word, the same in
 * replies as in alerts.
 */
import { CONFIDENCE_WORDS } from '../../alerts/describe-value.ts';
import type { Confidence } from '../../facts/types.ts';

export function confidenceBadge(confidence: Confidence): string {
  const words = CONFIDENCE_WORDS[confidence];
  return `${words.marker} ${words.label}`;
}

/** Badge with what it means, for the one place a reply explains how sure it is. */
export function confidenceExplained(confidence: Confidence): string {
  return `${confidenceBadge(confidence)} — ${CONFIDENCE_WORDS[confidence].meaning}`;
}

export function confidenceColor(confidence: Confidence): number {
  return CONFIDENCE_WORDS[confidence].color;
}

export function confidenceLegend(): string {
  return (['official', 'reported', 'rumor', 'speculation'] as const).map((c) => confidenceBadge(c)).join(' · ');
}
