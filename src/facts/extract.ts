import type { FeedItem } from '../feeds/types.ts';
import type { ShowPack } from './show-pack-schema.ts';
import type { Claim, Confidence, Evidence } from './types.ts';
import { confidenceRank } from './types.ts';
import { clauseAt, splitClauses, splitSentences, type Clause } from './sentences.ts';
import { clockOf, findDates, latestDayOf, type ArticleClock } from './dates.ts';
import { IRREALIS, NEGATION, clauseConfidence, frameConfidence, isQuestion, weakest } from './confidence.ts';
import { hasEarlierMarker, hasTrackedMarker, ownerOf, seasonOf, type SeasonScope } from './scope.ts';
import { findCharacters, findPeople, type PersonMention } from './names.ts';
import {
  ACTOR_LEVEL, CANCEL_CUE, CAST_CUES, CREW_CUES, EPISODE_CUE, FUTURE_BEFORE_CUE, NEGOTIATION, PLATFORM_CUE, PLATFORM_VERB,
  PRODUCTION_CUES, RELEASE_CUE, episodeCount, renewalCue,
} from './cues.ts';

/** What a sentence needs to know about its article. */
interface Context {
  pack: ShowPack;
  clock: ArticleClock;
  articleSeason: SeasonScope;
  headline: boolean;
  previousCast?: { status: CastCueStatus; confidence: Confidence } | undefined;
}

type CastCueStatus = (typeof CAST_CUES)[number]['status'];

type Draft = Omit<Claim, 'evidence'>;

interface Cue {
  start: number;
  end: number;
}

function matches(re: RegExp, text: string): Array<Cue & { m: RegExpExecArray }> {
  re.lastIndex = 0;
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, m: m as RegExpExecArray }));
}

/**
 * How sure the sentence is about what the clause says: the clause's own wording, weakened by a
 * governing frame before it ("reports suggest that …") and lifted by an attribution after it
 * ("…, according to Netflix").
 */
function confidenceFor(sentence: string, clauses: Clause[], clause: Clause): Confidence {
  let c = clauseConfidence(sentence.slice(clause.start, clause.end));
  const frame = frameConfidence(sentence.slice(0, clause.start));
  if (frame) c = c === 'reported' ? frame : weakest(c, frame);
  for (const other of clauses) {
    if (other === clause) continue;
    const t = other.text.trim();
    if (/^(?:according to|per|as reported by|reports?|sources?|said|reportedly|citing)\b/i.test(t) || (other.start > clause.start && /^(?:\S+\s+){0,4}?(?:said|says|reported|confirmed|announced|stated|revealed)\b/i.test(t))) {
      const a = clauseConfidence(t);
      c = c === 'reported' ? a : weakest(c, a);
    }
  }
  return c;
}

function isNegated(clause: Clause): boolean {
  return NEGATION.test(clause.text);
}

function effectiveSeason(sentence: string, ctx: Context): SeasonScope {
  const own = seasonOf(sentence, ctx.pack);
  return own === 'unknown' ? ctx.articleSeason : own;
}

function renewalClaims(sentence: string, clauses: Clause[], ctx: Context): Draft[] {
  const out: Draft[] = [];
  for (const cue of matches(renewalCue(ctx.pack.season), sentence)) {
    const clause = clauseAt(clauses, cue.start);
    if (!clause || isNegated(clause) || IRREALIS.test(clause.text.trim())) continue;
    if (FUTURE_BEFORE_CUE.test(sentence.slice(clause.start, cue.start)) && !/\b(?:will|would)\s+(?:return|come\s+back)\s+for\b/i.test(cue.m[0])) continue;
    if (ownerOf(sentence, clause, cue.start, ctx.pack, false) === 'other') continue;
    // "Lee Yoo-mi could return for season 2" is about a person, not the show coming back.
    if (/\b(?:return|come\s+back)\b/i.test(cue.m[0]) && findPeople(sentence.slice(clause.start, clause.end), ctx.pack).length > 0) continue;
    out.push({ kind: 'renewal', subject: null, value: 'renewed', confidence: confidenceFor(sentence, clauses, clause), ...dateOf(clause, sentence, ctx) });
  }
  for (const cue of matches(CANCEL_CUE, sentence)) {
    const clause = clauseAt(clauses, cue.start);
    if (!clause || IRREALIS.test(clause.text.trim())) continue;
    if (/\b(?:not|n['’]t|never|no|denied|rumou?rs?|false)\b/i.test(clause.text)) continue;
    if (ownerOf(sentence, clause, cue.start, ctx.pack, false) !== 'ours') continue;
    out.push({ kind: 'renewal', subject: null, value: 'cancelled', confidence: confidenceFor(sentence, clauses, clause) });
  }
  return out;
}

/** An event's own date, when its clause gives one that has already happened. */
function dateOf(clause: Clause, sentence: string, ctx: Context): { date?: string } {
  const text = sentence.slice(clause.start, clause.end);
  const today = `${ctx.clock.year}-${String(ctx.clock.month).padStart(2, '0')}-${String(ctx.clock.day).padStart(2, '0')}`;
  const d = findDates(text, ctx.clock, 'past').find((x) => /-\d\d/.test(x.value) && x.value.slice(0, 10) <= today);
  return d ? { date: d.value } : {};
}

function productionClaims(sentence: string, clauses: Clause[], ctx: Context, season: SeasonScope): Draft[] {
  if (season !== 'tracked') return [];
  const out: Draft[] = [];
  const taken: Cue[] = [];
  for (const { stage, re } of PRODUCTION_CUES) {
    for (const cue of matches(re, sentence)) {
      if (taken.some((t) => cue.start < t.end && t.start < cue.end)) continue;
      taken.push(cue);
      const clause = clauseAt(clauses, cue.start);
      if (!clause) continue;
      const clauseText = sentence.slice(clause.start, clause.end);
      if (isNegated(clause) || IRREALIS.test(clauseText.trim()) || ACTOR_LEVEL.test(clauseText)) continue;
      if (hasEarlierMarker(clauseText, ctx.pack)) continue;
      if (FUTURE_BEFORE_CUE.test(sentence.slice(clause.start, cue.start))) continue;
      // A release is only this season's when the sentence says so; "premiered in 2022" is the first.
      if (stage === 'released' && !hasTrackedMarker(sentence, ctx.pack)) continue;
      if (ownerOf(sentence, clause, cue.start, ctx.pack, false) === 'other') continue;
      out.push({ kind: 'production', subject: null, value: stage, confidence: confidenceFor(sentence, clauses, clause), ...dateOf(clause, sentence, ctx) });
    }
  }
  return out;
}

function releaseClaims(sentence: string, clauses: Clause[], ctx: Context, season: SeasonScope): Draft[] {
  if (season !== 'tracked') return [];
  const out: Draft[] = [];
  const cues = matches(RELEASE_CUE, sentence);
  if (cues.length === 0) return out;
  const lastEarlierYear = Math.max(0, ...ctx.pack.earlierSeasons.map((s) => s.year));
  const monthAgo = new Date(Date.UTC(ctx.clock.year, ctx.clock.month - 1, ctx.clock.day - 31)).toISOString().slice(0, 10);
  for (const clause of clauses) {
    const text = sentence.slice(clause.start, clause.end);
    const cue = cues.find((c) => c.start >= clause.start && c.start < clause.end);
    if (!cue) continue;
    if (isNegated(clause) || IRREALIS.test(text.trim()) || hasEarlierMarker(text, ctx.pack)) continue;
    if (ownerOf(sentence, clause, cue.start, ctx.pack, false) === 'other') continue;
    for (const d of findDates(text, ctx.clock, 'future')) {
      if (Number(d.value.slice(0, 4)) <= lastEarlierYear) continue;
      if (latestDayOf(d.value) < monthAgo) continue;
      out.push({ kind: 'release', subject: null, value: d.value, confidence: confidenceFor(sentence, clauses, clause) });
    }
  }
  return out;
}

function episodeClaims(sentence: string, clauses: Clause[], ctx: Context, season: SeasonScope): Draft[] {
  if (season !== 'tracked') return [];
  const out: Draft[] = [];
  for (const cue of matches(EPISODE_CUE, sentence)) {
    const clause = clauseAt(clauses, cue.start);
    if (!clause) continue;
    const text = sentence.slice(clause.start, clause.end);
    if (isNegated(clause) || IRREALIS.test(text.trim()) || hasEarlierMarker(text, ctx.pack)) continue;
    if (ownerOf(sentence, clause, cue.start, ctx.pack, false) === 'other') continue;
    const n = episodeCount(cue.m[1] ?? '');
    if (n !== undefined) out.push({ kind: 'episodes', subject: null, value: String(n), confidence: confidenceFor(sentence, clauses, clause) });
  }
  return out;
}

function platformClaims(sentence: string, clauses: Clause[], ctx: Context, season: SeasonScope): Draft[] {
  if (season !== 'tracked') return [];
  const out: Draft[] = [];
  for (const cue of matches(PLATFORM_CUE, sentence)) {
    const clause = clauseAt(clauses, cue.start);
    if (!clause) continue;
    const text = sentence.slice(clause.start, clause.end);
    if (!PLATFORM_VERB.test(text) || isNegated(clause) || IRREALIS.test(text.trim()) || hasEarlierMarker(text, ctx.pack)) continue;
    if (ownerOf(sentence, clause, cue.start, ctx.pack, false) === 'other') continue;
    const name = (cue.m[1] ?? '').replace(/\s+/g, ' ');
    const value = name.toLowerCase() === ctx.pack.platform.toLowerCase() ? ctx.pack.platform : name;
    out.push({ kind: 'platform', subject: null, value, confidence: confidenceFor(sentence, clauses, clause) });
  }
  return out;
}

const distance = (a: Cue, b: Cue): number => (a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0);

/** The role a person plays, when the sentence ties one to them ("Park Ji-hu (Nam On-jo)", "who plays Lee Su-hyeok"). */
function characterOf(sentence: string, person: PersonMention, people: PersonMention[], ctx: Context): string | undefined {
  const chars = findCharacters(sentence, ctx.pack);
  const nextPerson = people.find((p) => p.span.start > person.span.end)?.span.start ?? sentence.length;
  for (const c of chars) {
    if (c.span.start >= person.span.end && c.span.start < nextPerson) {
      const gap = sentence.slice(person.span.end, c.span.start);
      if (gap.length <= 60 && /(?:\(\s*|\b(?:as|plays?|playing|portrays?|portraying|role\s+of|character(?:\s+of)?)\s+)$/i.test(gap) && !/[.;]/.test(gap)) return c.canonical;
    }
    if (c.span.end <= person.span.start) {
      const gap = sentence.slice(c.span.end, person.span.start);
      if (/^\s*\(\s*$/.test(gap) || /^\s*,?\s*(?:played\s+by|portrayed\s+by)\s*$/i.test(gap)) return c.canonical;
    }
  }
  return undefined;
}

function castClaims(sentence: string, clauses: Clause[], ctx: Context, season: SeasonScope): { drafts: Draft[]; cue?: { status: CastCueStatus; confidence: Confidence } } {
  const people = findPeople(sentence, ctx.pack);
  const actors = people.filter((p) => !p.known || ctx.pack.people.find((x) => x.name === p.canonical)?.roles.includes('cast'));
  const cues: Array<Cue & { status: CastCueStatus }> = [];
  for (const { status, re } of CAST_CUES) {
    for (const c of matches(re, sentence)) {
      if (cues.some((x) => c.start < x.end && x.start < c.end)) continue;
      if (actors.some((p) => c.start < p.span.end && p.span.start < c.end)) continue;
      cues.push({ start: c.start, end: c.end, status });
    }
  }
  // "as Han Du-seok" is a casting statement even without a casting verb.
  for (const ch of findCharacters(sentence, ctx.pack)) {
    const lead = /\bas\s+$/i.exec(sentence.slice(0, ch.span.start));
    if (lead) cues.push({ start: lead.index, end: ch.span.start, status: 'generic' });
  }
  const drafts: Draft[] = [];
  let inherited: { status: CastCueStatus; confidence: Confidence } | undefined;
  if (cues.length === 0 && /^(?:these|they|those|this)\s+(?:include|includes|are|were|will\s+be)\b|^among\s+them\b/i.test(sentence.trim())) inherited = ctx.previousCast;
  // "Stars of season 1 will return" speaks of the tracked season through its returning cue.
  const returnsFromEarlier = season === 'earlier' && ctx.articleSeason !== 'earlier' && cues.some((c) => c.status === 'returning' || c.status === 'exited');
  const allowPeople = season === 'tracked' || returnsFromEarlier || !!inherited;
  let sentenceCue: { status: CastCueStatus; confidence: Confidence } | undefined;
  for (const person of allowPeople ? actors : []) {
    let status: CastCueStatus;
    let confidence: Confidence;
    const nearest = [...cues].sort((a, b) => distance(a, person.span) - distance(b, person.span))[0];
    if (nearest) {
      const clause = clauseAt(clauses, nearest.start);
      const personClause = clauseAt(clauses, person.span.start);
      if (!clause || !personClause) continue;
      const text = sentence.slice(clause.start, clause.end);
      if (/\b(?:denied|denies|deny|refuted|dismissed|false|rumou?rs? (?:are|were) untrue)\b/i.test(sentence)) continue;
      if (nearest.status !== 'exited' && (isNegated(clause) || isNegated(personClause))) continue;
      if (IRREALIS.test(text.trim())) continue;
      if (nearest.status !== 'returning' && nearest.status !== 'exited' && hasEarlierMarker(text, ctx.pack) && !hasTrackedMarker(text, ctx.pack)) continue;
      const forward = nearest.status === 'new' || nearest.status === 'exited';
      if (ownerOf(sentence, clause, nearest.start, ctx.pack, forward) === 'other') continue;
      status = nearest.status;
      confidence = weakest(confidenceFor(sentence, clauses, clause), personClause === clause ? 'official' : clauseConfidence(personClause.text));
      if (NEGOTIATION.test(text)) confidence = weakest(confidence, 'rumor');
    } else if (inherited) {
      status = inherited.status;
      confidence = inherited.confidence;
    } else continue;
    const seasons = ctx.pack.people.find((x) => x.name === person.canonical)?.seasons ?? [];
    const earlier = seasons.some((s) => s < ctx.pack.season);
    let value: 'new' | 'returning' | 'exited';
    if (status === 'generic') value = earlier ? 'returning' : 'new';
    else if (status === 'new' && earlier && !person.known) value = 'new';
    else value = status;
    sentenceCue ??= { status, confidence };
    const draft: Draft = { kind: 'cast', subject: person.canonical, value, confidence };
    const character = characterOf(sentence, person, people, ctx);
    if (character) draft.character = character;
    drafts.push(draft);
  }
  // A sentence that announces returns or arrivals without naming anyone lends its cue to a
  // following "These include …".
  if (!sentenceCue && actors.length === 0) {
    const lead = cues.find((c) => c.status !== 'generic');
    const clause = lead ? clauseAt(clauses, lead.start) : undefined;
    if (lead && clause && !isNegated(clause)) sentenceCue = { status: lead.status, confidence: confidenceFor(sentence, clauses, clause) };
  }
  return sentenceCue ? { drafts, cue: sentenceCue } : { drafts };
}

function crewClaims(sentence: string, clauses: Clause[], ctx: Context, season: SeasonScope): Draft[] {
  if (season !== 'tracked') return [];
  const people = findPeople(sentence, ctx.pack).filter((p) => !p.known || ctx.pack.people.find((x) => x.name === p.canonical)?.roles.includes('crew'));
  const cues = CREW_CUES.flatMap(({ role, re }) => matches(re, sentence).map((c) => ({ ...c, role })));
  const out: Draft[] = [];
  for (const person of people) {
    const personClause = clauseAt(clauses, person.span.start);
    const pool = cues.filter((c) => clauseAt(clauses, c.start) === personClause);
    const nearest = (pool.length ? pool : cues.filter((c) => distance(c, person.span) < 30)).sort((a, b) => distance(a, person.span) - distance(b, person.span))[0];
    if (!nearest) continue;
    const clause = clauseAt(clauses, nearest.start);
    if (!clause) continue;
    const text = sentence.slice(clause.start, clause.end);
    if (isNegated(clause) || IRREALIS.test(text.trim())) continue;
    if (hasEarlierMarker(text, ctx.pack) && !/\b(?:return|back|again|helm|will)\b/i.test(text)) continue;
    if (ownerOf(sentence, clause, nearest.start, ctx.pack, false) === 'other') continue;
    out.push({ kind: 'crew', subject: person.canonical, value: nearest.role, confidence: confidenceFor(sentence, clauses, clause) });
  }
  return out;
}

function sentenceClaims(sentence: string, ctx: Context): { drafts: Draft[]; castCue?: { status: CastCueStatus; confidence: Confidence } } {
  if (isQuestion(sentence)) return { drafts: [] };
  const clauses = splitClauses(sentence);
  const season = effectiveSeason(sentence, ctx);
  const cast = castClaims(sentence, clauses, ctx, season);
  const drafts = [
    ...renewalClaims(sentence, clauses, ctx),
    ...productionClaims(sentence, clauses, ctx, season),
    ...releaseClaims(sentence, clauses, ctx, season),
    ...episodeClaims(sentence, clauses, ctx, season),
    ...platformClaims(sentence, clauses, ctx, season),
    ...cast.drafts,
    ...crewClaims(sentence, clauses, ctx, season),
  ];
  return cast.cue ? { drafts, castCue: cast.cue } : { drafts };
}

/** The season an article is about: its headline's markers first, then its body's. */
export function articleSeason(item: FeedItem, pack: ShowPack): SeasonScope {
  const fromTitle = seasonOf(item.title, pack);
  if (fromTitle !== 'unknown') return fromTitle;
  if (hasTrackedMarker(item.text, pack)) return 'tracked';
  return seasonOf(item.text, pack);
}

function capHeadline(d: Draft, headline: string): Draft {
  // A headline alone is at most a rumour, unless it puts the fact in Netflix's mouth.
  if (/\bnetflix\b/i.test(headline) && d.confidence === 'official' && /\b(?:confirm|announce|reveal|unveil|set|date)/i.test(headline)) return d;
  return confidenceRank(d.confidence) > confidenceRank('rumor') ? { ...d, confidence: 'rumor' } : d;
}

const keyOf = (d: Draft): string => `${d.kind}|${d.subject ?? ''}|${d.value}`;

/** Claims an article makes about the tracked season; call it for relevant items only. */
export function extractClaims(item: FeedItem, pack: ShowPack): Claim[] {
  const clock = clockOf(item.published);
  const season = articleSeason(item, pack);
  const base: Omit<Evidence, 'sentence'> = { itemUrl: item.link ?? item.id, title: item.title };
  if (item.published) base.published = item.published;
  if (item.outlet) base.outlet = item.outlet;

  const best = new Map<string, Claim>();
  const consider = (d: Draft, sentence: string): void => {
    const claim: Claim = { ...d, evidence: { ...base, sentence } };
    const prev = best.get(keyOf(d));
    const better = !prev || confidenceRank(d.confidence) > confidenceRank(prev.confidence) || (d.confidence === prev.confidence && ((d.date && !prev.date) || (d.character && !prev.character)));
    if (better) best.set(keyOf(d), claim);
  };

  let previousCast: Context['previousCast'];
  for (const sentence of splitSentences(item.text)) {
    const r = sentenceClaims(sentence, { pack, clock, articleSeason: season, headline: false, previousCast });
    previousCast = r.castCue;
    for (const d of r.drafts) consider(d, sentence);
  }

  const headline = item.title.trim();
  if (headline) {
    const said = new Set([...best.values()].map((c) => `${c.kind}|${c.subject ?? ''}`));
    for (const d of sentenceClaims(headline, { pack, clock, articleSeason: season, headline: true }).drafts) {
      // The body's wording decides a fact the body also states.
      if (said.has(`${d.kind}|${d.subject ?? ''}`)) continue;
      consider(capHeadline(d, headline), headline);
    }
  }
  return [...best.values()];
}

/** One line for the command line: `release 2027-H1 (speculation) — "sentence"`. */
export function describeClaim(claim: Claim): string {
  const who = claim.subject ? ` ${claim.subject}` : '';
  const role = claim.character ? ` as ${claim.character}` : '';
  const when = claim.date ? ` on ${claim.date}` : '';
  return `${claim.kind}${who} ${claim.value}${role}${when} (${claim.confidence}) — "${claim.evidence.sentence}"`;
}
