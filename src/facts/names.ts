import type { ShowPack } from './show-pack-schema.ts';
import { wholeKoreanWord } from './ko/particles.ts';
import { OwnedMemo, TextMemo } from './memo.ts';
import { familyKey, isDiscoveryFamilyName, keysOfName, looksLikeKoreanGiven, nameKey, plainKey } from './romanization.ts';
import { matchAll } from './match-all.ts';

/** Where a name was found: offsets into the sentence, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface PersonMention {
  /** The pack's canonical name, or the name as written when the person is not in the pack. */
  canonical: string;
  span: Span;
  known: boolean;
  /** A pronoun standing for the person ("he returns as …"): it takes only cues said after it. */
  pronoun?: boolean;
}

export interface CharacterMention {
  canonical: string;
  span: Span;
}

interface Token {
  text: string;
  start: number;
  end: number;
  /** Punctuation closed the word ("Jong-ah," ): a name does not run on past it. */
  stops?: true;
}

/** Words with their offsets; edge punctuation and a possessive "'s" are not part of the word. */
export function tokenize(sentence: string): readonly Token[] {
  return tokensSeen.get(sentence, () => readTokens(sentence));
}

const tokensSeen = new TextMemo<Token[]>();

function readTokens(sentence: string): Token[] {
  const tokens: Token[] = [];
  // Dashes join clauses, not words: "return—Roh Yoon Seo".
  for (const m of matchAll(/[^\s—–]+/g, sentence)) {
    let text = m[0];
    let start = m.index;
    const lead = /^[("“‘'[«]+/.exec(text)?.[0].length ?? 0;
    text = text.slice(lead);
    start += lead;
    const written = text;
    text = text.replace(/[)"”’'\]»,.;:!?]+$/, '').replace(/['’]s$/, '').replace(/[)"”’'\]»,.;:!?]+$/, '');
    const stops = /[,;:!?]["”’')\]»]*$/.test(written);
    if (text) tokens.push(stops ? { text, start, end: start + text.length, stops } : { text, start, end: start + text.length });
  }
  return tokens;
}

const capitalised = (t: string): boolean => /^[A-Z]/.test(t);
const HANGUL_SYLLABLE = /[\uac00-\ud7a3]/;

interface NameIndex {
  byKey: Map<string, string>;
  byPlain: Map<string, string>;
  korean: Array<[string, string]>;
}

function addName(index: NameIndex, written: string, canonical: string, allowGivenOnly: boolean): void {
  const keys = keysOfName(written);
  for (const k of keys) if (!index.byKey.has(k)) index.byKey.set(k, canonical);
  // Stage names ("Lomon"), initials ("Lee JQ") and given-name-only character names ("On-jo").
  if (keys.length === 0 || allowGivenOnly || /[A-Z]{2}/.test(written)) {
    const plain = plainKey(written);
    if (plain && !index.byPlain.has(plain)) index.byPlain.set(plain, canonical);
  }
  for (const k of keys) index.byPlain.set(k, canonical);
}

const cache = new WeakMap<ShowPack, { people: NameIndex; characters: NameIndex }>();

function indexes(pack: ShowPack): { people: NameIndex; characters: NameIndex } {
  const hit = cache.get(pack);
  if (hit) return hit;
  const people: NameIndex = { byKey: new Map(), byPlain: new Map(), korean: [] };
  for (const p of pack.people) {
    for (const n of [p.name, ...p.aliases]) addName(people, n, p.name, false);
    if (p.korean) people.korean.push([p.korean, p.name]);
  }
  const characters: NameIndex = { byKey: new Map(), byPlain: new Map(), korean: [] };
  for (const c of pack.characters) {
    for (const n of [c.name, ...c.aliases]) addName(characters, n, c.name, true);
    // Korean copy names a character by the full name or by the given name alone ("온조", "마루").
    for (const k of [c.korean, ...c.aliases.filter((a) => HANGUL_SYLLABLE.test(a))]) if (k) characters.korean.push([k, c.name]);
  }
  // Longest first, so "남온조" is taken before "온조" inside it.
  characters.korean.sort((a, b) => b[0].length - a[0].length);
  const built = { people, characters };
  cache.set(pack, built);
  return built;
}

interface RawMatch {
  canonical: string;
  span: Span;
}

/** Longest-first scan of 1–3 word windows against an index; people are asked for twice per sentence. */
function scan(sentence: string, index: NameIndex): readonly RawMatch[] {
  return scansSeen.get(index, sentence, () => readScan(sentence, index));
}

const scansSeen = new OwnedMemo<NameIndex, RawMatch[]>();

function readScan(sentence: string, index: NameIndex): RawMatch[] {
  const tokens = tokenize(sentence);
  // Names are capitalised words (all-capital initials among them); everything else is passed over once.
  const nameLike = tokens.map((t) => capitalised(t.text));
  const found: RawMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!nameLike[i]) {
      i++;
      continue;
    }
    let run = 1;
    while (run < 3 && nameLike[i + run] && !tokens[i + run - 1]?.stops) run++;
    let matched = 0;
    for (let len = run; len >= 1 && !matched; len--) {
      const first = tokens[i];
      const last = tokens[i + len - 1];
      if (!first || !last) continue;
      const joined = len === 1 ? first.text : len === 2 ? `${first.text} ${last.text}` : `${first.text} ${tokens[i + 1]?.text ?? ''} ${last.text}`;
      let canonical = index.byPlain.get(plainKey(joined));
      if (len > 1) for (const k of keysOfName(joined)) canonical ??= index.byKey.get(k);
      if (canonical) {
        found.push({ canonical, span: { start: first.start, end: last.end } });
        matched = len;
      }
    }
    i += matched || 1;
  }
  if (!HANGUL_SYLLABLE.test(sentence)) return found;
  // Hangul names carry their particles ("박지후는", "노윤서가"): a whole word once one is taken off.
  for (const [hangul, canonical] of index.korean) {
    let at = sentence.indexOf(hangul);
    while (at >= 0) {
      const span = { start: at, end: at + hangul.length };
      if (wholeKoreanWord(sentence, at, hangul.length) >= 0 && !found.some((f) => overlaps(f.span, span))) found.push({ canonical, span });
      at = sentence.indexOf(hangul, at + hangul.length);
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Words right before a name that make it a role, not an actor ("as Han Du-seok", "plays Ma-ru"). */
/** What introduces a role rather than an actor: "plays Colonel", "as the intelligence officer". */
const ROLE_LEAD = /(?:\bas|\bplays?|\bplaying|\bplayed|\bportrays?|\bportraying|\brole of|\bpart of|\bcharacter(?: named)?|\bnamed|\bcalled)\s+(?:(?:the|a|an|his|her)\s+)?(?:[A-Za-z][a-z]*\.?\s+){0,2}$|\(\s*$/;

/**
 * Korean-looking names the pack does not hold: an unambiguous family name and a one- or
 * two-syllable given name, in either order. Character names and role positions are skipped.
 */
function discover(sentence: string, taken: Span[], want: 'people' | 'roles' = 'people'): PersonMention[] {
  const tokens = tokenize(sentence);
  const out: PersonMention[] = [];
  const push = (from: Token, to: Token, written: string): void => {
    const span = { start: from.start, end: to.end };
    if (taken.some((t) => overlaps(t, span))) return;
    const before = sentence.slice(Math.max(0, span.start - 48), span.start);
    // A name right after "plays" or "as" is the role; a role is what `roles` looks for.
    if (ROLE_LEAD.test(before) !== (want === 'roles')) return;
    out.push({ canonical: canonicalDiscovered(written), span, known: false });
    taken.push(span);
  };
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    const c = tokens[i + 2];
    if (!a || !b) continue;
    // Family first: "Kim Se-yoon", "Kim Se Yoon", "Kim Seyoon".
    if (isDiscoveryFamilyName(a.text) && capitalised(b.text)) {
      const hyphenated = b.text.includes('-');
      if (c && !hyphenated && capitalised(c.text) && looksLikeKoreanGiven(`${b.text}-${c.text}`) && !/-/.test(c.text) && c.text.length <= 4 && b.text.length <= 4) {
        push(a, c, `${a.text} ${b.text} ${c.text}`);
        i += 2;
        continue;
      }
      if (looksLikeKoreanGiven(b.text) && (hyphenated || sentenceFollowsName(sentence, b.end))) {
        push(a, b, `${a.text} ${b.text}`);
        i += 1;
        continue;
      }
    }
    // Given first: "Se-yoon Kim".
    if (b && b.text.length > 0 && familyKey(b.text) && isDiscoveryFamilyName(b.text) && a.text.includes('-') && capitalised(a.text) && looksLikeKoreanGiven(a.text)) {
      push(a, b, `${a.text} ${b.text}`);
      i += 1;
    }
  }
  return out;
}

/**
 * One spelling for a name nobody listed, whichever order and casing the outlet used:
 * "Ji-Hoon Seo", "Seo Ji Hoon" and "Seo Ji-hoon" are all "Seo Ji-hoon".
 */
function canonicalDiscovered(written: string): string {
  const words = written.split(/\s+/);
  const familyFirst = isDiscoveryFamilyName(words[0] ?? '') && !(words.length === 2 && (words[0] ?? '').includes('-'));
  const family = familyFirst ? (words[0] ?? '') : (words[words.length - 1] ?? '');
  const given = (familyFirst ? words.slice(1) : words.slice(0, -1)).join('-').toLowerCase();
  const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
  return given ? `${cap(family)} ${cap(given)}` : written;
}

/** An unhyphenated given name is trusted only when punctuation or a conjunction closes the name. */
function sentenceFollowsName(sentence: string, end: number): boolean {
  return /^(?:\s*[,)(;:]|\s+(?:and|as|who|will|has|is|was|joins|joined|returns|to)\b|\s*$|['’]s\b)/.test(sentence.slice(end));
}

/**
 * A sentence's people and roles are asked for by every kind of claim; each sentence is read once
 * per pack and the answer reused (bounded: an article's sentences are asked about together).
 */

const charactersSeen = new OwnedMemo<ShowPack, CharacterMention[]>();
const peopleSeen = new OwnedMemo<ShowPack, PersonMention[]>();

export function findCharacters(sentence: string, pack: ShowPack): CharacterMention[] {
  return charactersSeen.get(pack, sentence, () => readCharacters(sentence, pack));
}

function readCharacters(sentence: string, pack: ShowPack): CharacterMention[] {
  const known = scan(sentence, indexes(pack).characters).map((m) => ({ canonical: m.canonical, span: m.span }));
  // Roles the pack does not know, read from the prose: "joins as Min Da-eun", "plays Colonel Baek Jin-hyuk".
  const people = scan(sentence, indexes(pack).people).map((m) => m.span);
  const found = discover(sentence, [...known.map((c) => c.span), ...people], 'roles').map((r) => ({ canonical: r.canonical, span: r.span }));
  return [...known, ...found].sort((a, b) => a.span.start - b.span.start);
}

/** One edit apart (a swapped, dropped or wrong letter). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * "Park Ji-hoon" is not a slip for "Park Ji-hoo": a final n, m, ng, k or l makes another syllable
 * (훈, not 후), so the name is another person's, however close the letters.
 */
function finalConsonantApart(a: string, b: string): boolean {
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.length === short.length + 1 && long.startsWith(short) && /[nmgkl]$/.test(long);
}

/**
 * A discovered name one typo away from exactly one pack person is that person: editors' slips
 * ("Chun Sung-II", "Cho Yi-hyn") are common, and an unknown actor is rarely one letter off a known
 * one. Short names are left alone: two letters apart is already another person.
 */
function nearestKnown(p: PersonMention, pack: ShowPack): PersonMention {
  const key = plainKey(p.canonical).replace(/ii$/, 'il');
  if (key.length < 8) return p;
  const hits = new Set<string>();
  for (const person of pack.people) {
    for (const written of [person.name, ...person.aliases]) {
      const plain = plainKey(written);
      if (plain.length >= 8 && withinOneEdit(key, plain) && !finalConsonantApart(key, plain)) hits.add(person.name);
    }
  }
  const [only] = hits;
  return hits.size === 1 && only ? { canonical: only, span: p.span, known: true } : p;
}

/** Every person in the sentence: pack people by any spelling, then Korean-looking names nobody listed. */
export function findPeople(sentence: string, pack: ShowPack): PersonMention[] {
  return peopleSeen.get(pack, sentence, () => readPeople(sentence, pack));
}

function readPeople(sentence: string, pack: ShowPack): PersonMention[] {
  const chars = findCharacters(sentence, pack);
  const known = scan(sentence, indexes(pack).people).filter((m) => !chars.some((c) => overlaps(c.span, m.span) && c.span.end - c.span.start > m.span.end - m.span.start));
  const people: PersonMention[] = known.map((m) => ({ canonical: m.canonical, span: m.span, known: true }));
  const taken: Span[] = [...people.map((p) => p.span), ...chars.map((c) => c.span)];
  // A name the pack does not list may be a slip of the pen for one it does ("Chun Sung-II").
  people.push(...discover(sentence, taken).map((p) => nearestKnown(p, pack)));
  return people.sort((a, b) => a.span.start - b.span.start);
}

/** The pack person a whole string names, if any ("Ji Hu Park" → "Park Ji-hu"). */
export function matchPerson(text: string, pack: ShowPack): string | undefined {
  const idx = indexes(pack).people;
  const plain = idx.byPlain.get(plainKey(text));
  if (plain) return plain;
  for (const k of keysOfName(text.replace(/[^\p{L}\s-]/gu, ''))) {
    const hit = idx.byKey.get(k);
    if (hit) return hit;
  }
  return idx.korean.find(([hangul]) => hangul === text.trim())?.[1];
}

export { nameKey };
