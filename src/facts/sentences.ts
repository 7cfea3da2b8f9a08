/**
 * Splits article text into sentences. Feed text has lost its paragraphs' markup, so a line
 * break is also a boundary, and abbreviations ("Dec.", "Mr.", "No.") must not end a sentence.
 */
import { matchAll } from './match-all.ts';
const ABBREVIATIONS = /(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|No|vs|Vol|Ep|approx|etc|Jr|Sr|U\.S|e\.g|i\.e|[ap]\.m)|\b[A-Z])\.$/;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    let start = 0;
    const re = /[.!?]+["”’')\]]*(?=\s+["“‘(]?[A-Z0-9\u3131-\ud7a3])/g;
    for (const m of matchAll(re, line)) {
      const end = m.index + m[0].length;
      const candidate = line.slice(start, end);
      if (ABBREVIATIONS.test(candidate.replace(/["”’')\]]+$/, ''))) continue;
      out.push(candidate.trim());
      start = end;
    }
    out.push(line.slice(start).trim());
  }
  return out.filter((s) => s.length > 0);
}

export interface Clause {
  text: string;
  start: number;
  end: number;
}

/**
 * Clauses: hedges and negations scope over the clause they stand in, not the whole sentence
 * ("Netflix hasn't set a date, but reports point to 2027" holds a denial and a claim).
 */
// "on Thursday, March 11" is one date, not two clauses.
// A comma may sit inside closing quotes (American style: "Weak Hero Class 2," and …).
const CLAUSE_BREAK = /\s*(?:;|—|–|\s-\s|,["”’']?\s*(?=(?:but|while|although|though|however|whereas|yet|and|which|who|with|as|after|since|even|despite|because|so|meanwhile|according|per|saying|adding|noting|pointing|citing|arguing|explaining|stressing|insisting|blaming)\b)|(?:(?<!\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),|(?<=\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),(?!\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)))["”’']?(?=\s)|\s(?=(?:but|while|although|though|whereas|however)\s)|\s(?=and\s+that\s)|\s(?=and\s+(?:said|added|confirmed|announced|noted|revealed|stated)\s))\s*/gi;

export function splitClauses(sentence: string): Clause[] {
  const clauses: Clause[] = [];
  const bracketed = insideBrackets(sentence);
  let start = 0;
  for (const m of matchAll(CLAUSE_BREAK, sentence)) {
    // "(News1; not yet confirmed by Netflix): A, B and C": an aside in brackets is one piece of
    // the clause around it, whatever punctuation it holds.
    if (bracketed[m.index]) continue;
    if (m.index > start) clauses.push({ text: sentence.slice(start, m.index), start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < sentence.length) clauses.push({ text: sentence.slice(start), start, end: sentence.length });
  return clauses;
}

/** For each position, whether it sits inside a closed pair of round brackets. */
function insideBrackets(sentence: string): boolean[] {
  const inside: boolean[] = new Array<boolean>(sentence.length).fill(false);
  for (const m of matchAll(/\([^()]*\)/g, sentence)) inside.fill(true, m.index + 1, m.index + m[0].length - 1);
  return inside;
}

/** The text with every bracketed aside blanked out, offsets kept. */
export function withoutBracketedAsides(text: string): string {
  return text.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
}

export function clauseAt(clauses: Clause[], pos: number): Clause | undefined {
  return clauses.find((c) => pos >= c.start && pos < c.end) ?? clauses.at(-1);
}
