/**
 * Actors and roles written as two lists in the same order: "A, B and C play X, Y and Z,
 * respectively", "A and B, who reprise their roles as X and Y", "who will portray
 * respectively the characters of X and Y". News prose lists the cast and
 * then the characters rather than pairing each name with its role; reading the two lists in step
 * gives each actor their own character, and never the character of the actor next to them.
 */
import type { CharacterMention, PersonMention } from './names.ts';

interface Span {
  start: number;
  end: number;
}

/** Mentions separated only by commas and "and" form one list. */
function lists<T extends { span: Span }>(sentence: string, mentions: readonly T[]): T[][] {
  const out: T[][] = [];
  let run: T[] = [];
  for (const m of mentions) {
    const prev = run[run.length - 1];
    const gap = prev ? sentence.slice(prev.span.end, m.span.start).replace(/\([^)]{0,40}\)/g, ' ') : '';
    if (prev && !/^[\s,]*(?:(?:and|&)\s+)?$/i.test(gap)) {
      out.push(run);
      run = [];
    }
    run.push(m);
  }
  if (run.length) out.push(run);
  return out;
}

/** What may stand between the list of actors and the list of roles. */
const BRIDGE = /^[^.;]{0,80}?\b(?:as|play|plays|playing|played|portray|portrays|portraying|reprise[sd]?|reprising|roles?\s+of|reprise\s+(?:their|the)\s+roles?\s+(?:as|of)|take\s+on\s+the\s+roles?\s+of|(?:are|is)\s+(?:once\s+again|again|still|back\s+as))(?:\s+respectively)?\s+(?:the\s+(?:(?:roles?|characters?|parts?)\s+of\s+)?)?$/i;

const RESPECTIVELY = /\b(?:respectively|in\s+that\s+order)\b/i;

/** Actor → character, for lists of two or more written in step. */
export function pairedRoles(sentence: string, people: readonly PersonMention[], characters: readonly CharacterMention[]): Map<PersonMention, string> {
  const out = new Map<PersonMention, string>();
  const roleLists = lists(sentence, characters);
  for (const actors of lists(sentence, people)) {
    if (actors.length < 2) continue;
    const last = actors[actors.length - 1];
    if (!last) continue;
    // "pairs A, B and C with X, Y and Z, respectively": "with" bridges lists said to be in step.
    const inStep = RESPECTIVELY.test(sentence);
    const bridges = (gap: string): boolean => BRIDGE.test(gap) || (inStep && /^[^.;]{0,40}?\bwith\s+$/i.test(gap));
    const roles = roleLists.find((r) => r.length === actors.length && (r[0]?.span.start ?? -1) > last.span.end && bridges(sentence.slice(last.span.end, r[0]?.span.start)));
    if (!roles) continue;
    actors.forEach((actor, i) => {
      const role = roles[i];
      if (role) out.set(actor, role.canonical);
    });
  }
  return out;
}
