/**
 * "…does not mean he has left; he returns as Lee Su-hyeok", "a blog lists Lee Min-jae as Jang
 * Woo-jin, but Netflix has him playing Yong Ma-ru": news prose names a person once and then says
 * the news of a pronoun. A personal pronoun stands for the first person named before it in the
 * same sentence; it is added as one more mention of that person, at the pronoun's place, so the
 * rules that tie a cue or a role to the nearest name see the person where the news is said.
 */
import type { PersonMention } from './names.ts';
import { matchAll } from './match-all.ts';

// "he"/"she" as a subject; "him"/"her" only where an object pronoun is followed by the role
// ("has him playing", "sees her as"), since "her" is mostly a possessive ("her agency").
const PRONOUN = /\b(?:he|she)\b|\b(?:him|her)\b(?=\s+(?:playing|portraying|as|in\s+the\s+role|returning|back)\b)/gi;

export function withPronouns(sentence: string, people: readonly PersonMention[]): PersonMention[] {
  if (people.length === 0) return [...people];
  const out = [...people];
  for (const m of matchAll(PRONOUN, sentence)) {
    // The sentence's first-named person: the subject a later clause's pronoun usually takes up
    // ("Lee Jae-kyoo's new drama, starring Park Bo-young, is out; he is still set to direct …").
    // A quote that opens the sentence speaks of the person named in its attribution:
    // "“She will once again play Nam On-jo,” Park Ji-hu's agency said."
    const quoted = /^\s*["“]/.test(sentence) && /["”]/.test(sentence.slice(m.index)) ? (people.length === 1 ? people[0] : undefined) : undefined;
    const antecedent = people.find((p) => p.span.end <= m.index) ?? quoted;
    if (!antecedent) continue;
    out.push({ canonical: antecedent.canonical, known: antecedent.known, pronoun: true, span: { start: m.index, end: m.index + m[0].length } });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
