/**
 * Parenthetical asides about another show ("Roh Jae-won (Nam-gyu in Squid Game) plays …",
 * "Lee Min-jae (Weak Hero Class 2) joins …") introduce a person; they are no part of the
 * sentence's news. Blanking them, with spaces so every position keeps its place, lets the rules
 * read the sentence as if the aside were not there, instead of giving the clause to the other show.
 */
import type { ShowPack } from './show-pack-schema.ts';
import { blankSpans } from './blank.ts';
import { showRefs } from './scope.ts';
import { matchAll } from './match-all.ts';

const PARENTHESIS = /\(([^()]{1,120})\)/g;

export function maskOtherShowAsides(sentence: string, pack: ShowPack): string {
  if (!sentence.includes('(')) return sentence;
  const refs = showRefs(sentence, pack);
  const asides = matchAll(PARENTHESIS, sentence).map((m) => ({ start: m.index, end: m.index + m[0].length })).filter(({ start, end }) => {
    const inside = refs.filter((r) => r.start >= start && r.end <= end);
    return inside.some((r) => !r.ours) && !inside.some((r) => r.ours);
  });
  return blankSpans(sentence, asides);
}
