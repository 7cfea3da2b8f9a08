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

/** What happened, in words: a first report reads differently from a change or an upgrade. */
function verb(event: FactEvent): string {
  if (event.type !== 'fact-change') return TYPE_WORDS[event.type];
  if (event.silent) return 'known';
  if (event.reason === 'new') return 'first reported';
  if (event.reason === 'upgraded') return 'confirmed more surely';
  if (event.reason === 'refined') return 'narrowed down';
  return TYPE_WORDS[event.type];
}

export function historyLine(event: FactEvent): string {
  // The article's date tells fans when the news broke; processing time only says when we read it
  // (for the shipped starting facts, that is whenever the bot first started).
  const when = timestampOf(event.sources[0]?.published ?? event.at, 'd') ?? event.at;
  const subject = event.subject ? ` — ${safeInline(event.subject, 60)}` : '';
  const value = describeValue(event.kind, event.value);
  const change = event.previous && event.previous !== event.value
    ? `${describeValue(event.kind, event.previous)} → **${value}**`
    : `**${value}**`;
  const source = event.sources[0] ? ` · ${sourceLink(event.sources[0])}` : '';
  return `${when} · ${describeKind(event.kind, event.value)}${subject} ${verb(event)}: ${change} (${confidenceBadge(event.confidence)})${source}`;
}
