/** How /history lists what changed: newest first, with the confidence and the source that caused it. */
import { describeKind, describeValue } from '../../alerts/describe-value.ts';
import type { FactEvent } from '../../facts/types.ts';
import { confidenceBadge } from './confidence.ts';
import { sourceLink } from './sources.ts';
import { safeInline } from './text.ts';
import { timestampOf } from './timestamps.ts';

const TYPE_WORDS: Record<FactEvent['type'], string> = {
  'fact-change': 'changed',
  corroboration: 'confirmed again',
  conflict: 'disputed',
  ignored: 'ignored',
};

export function historyLine(event: FactEvent): string {
  const when = timestampOf(event.at, 'd') ?? event.at;
  const subject = event.subject ? ` — ${safeInline(event.subject, 60)}` : '';
  const value = describeValue(event.kind, event.value);
  const change = event.previous && event.previous !== event.value
    ? `${describeValue(event.kind, event.previous)} → **${value}**`
    : `**${value}**`;
  const source = event.sources[0] ? ` · ${sourceLink(event.sources[0])}` : '';
  return `${when} · ${describeKind(event.kind, event.value)}${subject} ${TYPE_WORDS[event.type]}: ${change} (${confidenceBadge(event.confidence)})${source}`;
}
