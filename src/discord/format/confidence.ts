/**
 * Confidence as fans read it: a marker they learn once (✅ 📰 💬 🔮) and a word, the same in
 * replies as in alerts, in the reader's language.
 */
import { confidenceWords } from '../../alerts/describe-value.ts';
import type { Confidence } from '../../facts/types.ts';

export function confidenceBadge(confidence: Confidence, locale?: string): string {
  const words = confidenceWords(confidence, locale);
  return `${words.marker} ${words.label}`;
}

/** Badge with what it means, for the one place a reply explains how sure it is. */
export function confidenceExplained(confidence: Confidence, locale?: string): string {
  return `${confidenceBadge(confidence, locale)} — ${confidenceWords(confidence, locale).meaning}`;
}

export function confidenceColor(confidence: Confidence): number {
  return confidenceWords(confidence).color;
}

export function confidenceLegend(locale?: string): string {
  return (['official', 'reported', 'rumor', 'speculation'] as const).map((c) => confidenceBadge(c, locale)).join(' · ');
}

/** Each mark with its meaning, one a line: what /help explains so alerts need not. */
export function confidenceMeanings(locale?: string): string[] {
  return (['official', 'reported', 'rumor', 'speculation'] as const).map((c) => confidenceExplained(c, locale));
}
