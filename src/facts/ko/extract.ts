import type { ShowPack } from '../show-pack-schema.ts';
import type { Claim, Confidence } from '../types.ts';
import type { ArticleClock } from '../dates.ts';
import { dayOf, latestDayOf } from '../dates.ts';
import { clauseAt, type Clause } from '../sentences.ts';
import { hasEarlierMarker, hasTrackedMarker, ownerOf, seasonOf, showRefs, titleMentions, type SeasonScope } from '../scope.ts';
import { findCharacters, findPeople, type PersonMention } from '../names.ts';
import { splitKoreanClauses } from './sentences.ts';
import { findKoreanDates } from './dates.ts';
import { KO_EARLIER_AS_LEAD, koEarlierSource, koTrackedSource } from './scope.ts';
import { KO_NEGATION, KO_UNDECIDED, koConfidence } from './confidence.ts';
import {
  KO_ACTOR_LEVEL, KO_CANCEL_CUE, KO_CAST_CUES, KO_CREW_CUES, KO_FUTURE_AFTER, KO_NEGOTIATION, KO_PAST_RELEASE, KO_PAST_ROLE, KO_PROMO_BEFORE,
  KO_ATTENDED, KO_PRODUCTION_CUES, KO_RELEASE_CUE, KO_TABLE_READ, koRenewalCue,
} from './cues.ts';
import { matchAll } from '../match-all.ts';

export type KoDraft = Omit<Claim, 'evidence'>;

export interface KoContext {
  pack: ShowPack;
  clock: ArticleClock;
  articleSeason: SeasonScope;
}

interface Cue {
  start: number;
  end: number;
  text: string;
}

function cuesOf(re: RegExp, text: string): Cue[] {
  re.lastIndex = 0;
  return matchAll(re, text).map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}


/** The clause with "시즌1의 …" and "시즌1에 이어" blanked: they lead to the new season, they are not about the old one. */
function withoutLeads(text: string): string {
  return text.replace(KO_EARLIER_AS_LEAD, (m) => ' '.repeat(m.length));
}

/** The season a clause speaks of: its own markers, else the sentence's, else the article's. */
function clauseSeason(sentence: string, clause: Clause, ctx: KoContext): SeasonScope {
  const own = seasonOf(withoutLeads(clause.text), ctx.pack);
  if (own !== 'unknown') return own;
  const whole = seasonOf(withoutLeads(sentence), ctx.pack);
  return whole === 'unknown' ? ctx.articleSeason : whole;
}

function earlierOnly(clause: Clause, pack: ShowPack): boolean {
  const text = withoutLeads(clause.text);
  return hasEarlierMarker(text, pack) && !hasTrackedMarker(text, pack);
}

/** Quoted speech blanked out: what someone is quoted as saying is not the sentence's own statement. */
function withoutQuotes(text: string): string {
  return text.replace(/['‘"“][^'’"”]{1,200}['’"”]/g, (m) => ' '.repeat(m.length));
}

function negated(text: string): boolean {
  return KO_NEGATION.test(text) || KO_UNDECIDED.test(text);
}

/** A plan still to come: a future ending after the cue, or a date ahead of the article in the clause. */
function isPlan(sentence: string, clause: Clause, cue: Cue, ctx: KoContext): boolean {
  if (KO_FUTURE_AFTER.test(sentence.slice(cue.end, clause.end))) return true;
  // Korean puts the time before the verb: "다음 달 촬영에 돌입한다", "하반기 촬영에 들어간다".
  const now = dayOf(ctx.clock);
  const lead = sentence.slice(clause.start, cue.start);
  return findKoreanDates(lead, ctx.clock, 'future').some((d) => firstDayOf(d.value) > now);
}

/** The first day a date value could mean, as YYYY-MM-DD. */
function firstDayOf(value: string): string {
  const y = value.slice(0, 4);
  if (/^\d{4}-\d\d-\d\d$/.test(value)) return value;
  if (/^\d{4}-\d\d$/.test(value)) return `${value}-01`;
  const q = /Q([1-4])$/.exec(value);
  if (q) return `${y}-${String(Number(q[1]) * 3 - 2).padStart(2, '0')}-01`;
  if (value.endsWith('H2')) return `${y}-07-01`;
  return `${y}-01-01`;
}

/** The day an event happened on, when its clause names one already past. */
function dateOf(clause: Clause, ctx: KoContext, cueAt?: number): { date?: string } {
  const now = dayOf(ctx.clock);
  const days = findKoreanDates(clause.text, ctx.clock, 'past').filter((x) => /-\d\d-\d\d$/.test(x.value) && x.value <= now);
  // Korean sets the time right before the verb: "20일 방송가에 따르면 … 전날 … 크랭크업했다" is the 19th.
  const at = cueAt === undefined ? undefined : cueAt - clause.start;
  const d = (at === undefined ? undefined : days.filter((x) => x.start < at).at(-1)) ?? days[0];
  return d ? { date: d.value } : {};
}

/** A person marked as the subject (박지후는, 로몬이, or a headline's bare 로몬) before the cue, with no show marked as subject after them. */
function personIsSubject(sentence: string, clause: Clause, pos: number, pack: ShowPack): boolean {
  const before = sentence.slice(clause.start, pos);
  // Headlines drop the particle: "로몬 촬영 종료" is Lomon's own shoot.
  const people = findPeople(before, pack).filter((p) => /^(?:(?:은|는|이|가|도|의)(?![\uac00-\ud7a3])|\s+(?=촬영))/.test(sentence.slice(clause.start + p.span.end)));
  const last = people.at(-1);
  if (!last) return false;
  const after = before.slice(last.span.end);
  return !/(?:시즌\s*2|후속편|작품|드라마|시리즈|['’”"])\s*(?:은|는|이|가)\s/.test(after) && !titleMentions(after, pack).some((t) => /^['’”"]?\s*(?:은|는|이|가)\s/.test(after.slice(t.end)));
}

function renewalClaims(sentence: string, clauses: Clause[], ctx: KoContext): KoDraft[] {
  const out: KoDraft[] = [];
  for (const cue of cuesOf(koRenewalCue(ctx.pack.season), sentence)) {
    const clause = clauseAt(clauses, cue.start);
    if (!clause || negated(clause.text)) continue;
    if (/^[^.]{0,10}?(?:예정|계획|방침)/.test(sentence.slice(cue.end, clause.end))) continue;
    if (clauseSeason(sentence, clause, ctx) !== 'tracked' && !/시즌\s*\d|후속/.test(cue.text)) continue;
    if (ownerOf(sentence, clause, cue.start, ctx.pack, false) === 'other') continue;
    const confidence = koConfidence(sentence, clause.text, 'renewal', ctx.pack);
    out.push({ kind: 'renewal', rule: 'ko:renewal', subject: null, value: 'renewed', confidence, ...dateOf(clause, ctx) });
    out.push({ kind: 'production', rule: 'ko:production', subject: null, value: 'announced', confidence });
  }
  for (const cue of cuesOf(KO_CANCEL_CUE, sentence)) {
    const clause = clauseAt(clauses, cue.start);
    if (!clause || KO_UNDECIDED.test(clause.text) || /루머|설(?:이|은|에)|사실이\s*아니|않/.test(clause.text)) continue;
    if (ownerOf(sentence, clause, cue.start, ctx.pack, false) !== 'ours' && ctx.articleSeason !== 'tracked') continue;
    out.push({ kind: 'renewal', rule: 'ko:renewal', subject: null, value: 'cancelled', confidence: koConfidence(sentence, clause.text, 'renewal', ctx.pack) });
  }
  return out;
}

function productionClaims(sentence: string, clauses: Clause[], ctx: KoContext): KoDraft[] {
  const out: KoDraft[] = [];
  const taken: Cue[] = [];
  for (const { stage, re } of KO_PRODUCTION_CUES) {
    for (const cue of cuesOf(re, sentence)) {
      if (taken.some((t) => cue.start < t.end && t.start < cue.end)) continue;
      taken.push(cue);
      const clause = clauseAt(clauses, cue.start);
      if (!clause || clauseSeason(sentence, clause, ctx) !== 'tracked' || earlierOnly(clause, ctx.pack)) continue;
      if (negated(clause.text) || KO_ACTOR_LEVEL.test(clause.text) || isPlan(sentence, clause, cue, ctx)) continue;
      if ((stage === 'wrapped' || stage === 'filming') && personIsSubject(sentence, clause, cue.start, ctx.pack)) continue;
      if (stage === 'released' && (!hasTrackedMarker(sentence, ctx.pack) || KO_PROMO_BEFORE.test(sentence.slice(clause.start, cue.start)))) continue;
      if (ownerOf(sentence, clause, cue.start, ctx.pack, false) === 'other') continue;
      out.push({ kind: 'production', rule: 'ko:production', subject: null, value: stage, confidence: koConfidence(sentence, clause.text, 'production', ctx.pack), ...dateOf(clause, ctx, cue.start) });
    }
  }
  return out;
}

function releaseClaims(sentence: string, clauses: Clause[], ctx: KoContext): KoDraft[] {
  const out: KoDraft[] = [];
  const cues = cuesOf(KO_RELEASE_CUE, sentence);
  const lastEarlierYear = Math.max(0, ...ctx.pack.earlierSeasons.map((s) => s.year));
  const monthAgo = new Date(Date.UTC(ctx.clock.year, ctx.clock.month - 1, ctx.clock.day - 31)).toISOString().slice(0, 10);
  for (const clause of clauses) {
    const cue = cues.find((c) => c.start >= clause.start && c.start < clause.end);
    if (!cue || clauseSeason(sentence, clause, ctx) !== 'tracked' || earlierOnly(clause, ctx.pack) || negated(clause.text)) continue;
    // "티저 예고편을 공개했다": a promotional item, not the season.
    if (KO_PROMO_BEFORE.test(sentence.slice(clause.start, cue.start))) continue;
    // "2022년 1월 공개돼 인기를 끌었다": an earlier release, told in the past.
    if (KO_PAST_RELEASE.test(clause.text) && !hasTrackedMarker(clause.text, ctx.pack)) continue;
    if (ownerOf(sentence, clause, cue.start, ctx.pack, false) === 'other') continue;
    for (const d of findKoreanDates(clause.text, ctx.clock, 'future')) {
      if (Number(d.value.slice(0, 4)) <= lastEarlierYear || latestDayOf(d.value) < monthAgo) continue;
      // "시즌2는 3월, '검은 바다'는 5월 공개된다": each date goes with the title nearest to it.
      if (titleBefore(sentence, clause.start + d.start, ctx.pack) === 'other') continue;
      out.push({ kind: 'release', rule: 'ko:release', subject: null, value: d.value, confidence: koConfidence(sentence, clause.text, 'release', ctx.pack) });
    }
  }
  return out;
}

/** Korean puts the topic first ("'검은 바다'는 5월"): the show named last before a position owns it. */
function titleBefore(sentence: string, pos: number, pack: ShowPack): 'ours' | 'other' | 'none' {
  const before = showRefs(sentence, pack).filter((r) => r.end <= pos).at(-1);
  return before ? (before.ours ? 'ours' : 'other') : 'none';
}

const PLATFORMS: Array<[RegExp, string]> = [[/넷플릭스/, 'Netflix'], [/디즈니\s*(?:\+|플러스)/, 'Disney+'], [/티빙/, 'TVING'], [/쿠팡\s*플레이/, 'Coupang Play'], [/웨이브/, 'Wavve']];
const PLATFORM_CUE = /(넷플릭스|디즈니\s*(?:\+|플러스)|티빙|쿠팡\s*플레이|웨이브)(?:를\s*통해|에서|로|에)\s*(?:[^.,]{0,24}?)(?:공개|스트리밍|선보|독점|전\s*세계)/g;

function platformClaims(sentence: string, clauses: Clause[], ctx: KoContext): KoDraft[] {
  const out: KoDraft[] = [];
  for (const cue of cuesOf(PLATFORM_CUE, sentence)) {
    const clause = clauseAt(clauses, cue.start);
    if (!clause || clauseSeason(sentence, clause, ctx) !== 'tracked' || earlierOnly(clause, ctx.pack) || negated(clause.text)) continue;
    if (KO_PAST_RELEASE.test(clause.text) && !hasTrackedMarker(clause.text, ctx.pack)) continue;
    if (ownerOf(sentence, clause, cue.start, ctx.pack, false) === 'other') continue;
    const name = PLATFORMS.find(([re]) => re.test(cue.text))?.[1] ?? ctx.pack.platform;
    out.push({ kind: 'platform', rule: 'ko:platform', subject: null, value: name === 'Netflix' ? ctx.pack.platform : name, confidence: koConfidence(sentence, clause.text, 'platform', ctx.pack) });
  }
  return out;
}

/** Which season the last marker before a position names. */
function nearestSeasonBefore(before: string, pack: ShowPack): 'tracked' | 'earlier' | undefined {
  const last = (re: RegExp): number => Math.max(-1, ...matchAll(new RegExp(re.source, 'gi'), before).map((m) => m.index));
  const tracked = last(new RegExp(koTrackedSource(pack.season)));
  const earlier = pack.earlierSeasons.length > 0 ? last(new RegExp(koEarlierSource(pack.earlierSeasons.map((x) => x.number), pack.earlierSeasons.map((x) => x.year)))) : -1;
  if (tracked < 0 && earlier < 0) return undefined;
  return earlier > tracked ? 'earlier' : 'tracked';
}

const EPISODE_CUE = /(?:총\s*)?(\d{1,2})\s*(?:부작|개\s*(?:의\s*)?에피소드|편(?:으로|의|이)\s*구성)/g;

function episodeClaims(sentence: string, clauses: Clause[], ctx: KoContext): KoDraft[] {
  const out: KoDraft[] = [];
  for (const cue of cuesOf(EPISODE_CUE, sentence)) {
    const clause = clauseAt(clauses, cue.start);
    if (!clause || clauseSeason(sentence, clause, ctx) !== 'tracked' || earlierOnly(clause, ctx.pack) || negated(clause.text)) continue;
    const n = Number(/\d+/.exec(cue.text)?.[0]);
    if (!(n > 0 && n < 50)) continue;
    // "'약한영웅 Class 2'는 8부작이다": the count of the title named before it.
    if (titleBefore(sentence, cue.start, ctx.pack) === 'other') continue;
    if (ctx.pack.earlierSeasons.some((s) => s.episodes === n) && !hasTrackedMarker(clause.text, ctx.pack)) continue;
    // "시즌2는 총 8부작으로, 시즌1(12부작)에 이어": the count belongs to the season named just before it.
    if (nearestSeasonBefore(sentence.slice(0, cue.start), ctx.pack) === 'earlier') continue;
    // "10부작 스릴러 '블루아워 탐정단'이": a count that introduces another quoted title is that title's.
    const introduced = /^\s*(?:[\p{Script=Hangul}]+\s+){0,2}['‘"“]([^'’"”]{1,30})['’"”]/u.exec(sentence.slice(cue.end));
    if (introduced && titleMentions(introduced[1] ?? '', ctx.pack).length === 0) continue;
    out.push({ kind: 'episodes', rule: 'ko:episodes', subject: null, value: String(n), confidence: koConfidence(sentence, clause.text, 'episodes', ctx.pack) });
  }
  return out;
}

/** "남온조 역의 박지후", "박지후(남온조 역)", "박지후가 연기하는 남온조". */
function characterOf(sentence: string, person: PersonMention, pack: ShowPack): string | undefined {
  for (const c of findCharacters(sentence, pack)) {
    if (c.span.start >= person.span.end) {
      const gap = sentence.slice(person.span.end, c.span.start);
      if (gap.length <= 16 && /^(?:은|는|이|가|도)?\s*(?:\(\s*|극\s*중\s*|[,·]?\s*)$/.test(gap) && /^\s*(?:역|\)|役)/.test(sentence.slice(c.span.end))) return c.canonical;
      // "윤찬영이 '지금 우리 학교는' 시즌2에 이청산 역으로 다시 출연": the show and season may stand between.
      if (gap.length <= 34 && /^(?:은|는|이|가|도)\s*(?:극\s*중\s*)?(?:['‘"“][^'’"”]{1,20}['’"”]\s*(?:시즌\s*\d+)?\s*(?:에서|에|의)?\s*)?(?:[^.'‘"“]{0,6})?$/.test(gap) && /^\s*(?:역|役)(?:을|으로|를)?\s*(?:맡|연기|이어|다시|분)/.test(sentence.slice(c.span.end))) return c.canonical;
      // "이민재는 온조의 대학 선배 마루 역을, 김시은은 주란 역을 맡았다": a described role in a list of roles.
      if (gap.length <= 20 && /^(?:은|는|이|가|도)\s*[^.,]{0,16}$/.test(gap) && /^\s*(?:역|役)(?:을|를)\s*,/.test(sentence.slice(c.span.end))) return c.canonical;
      // "윤가이는 이종아, 노재원은 한두석, 김시은은 소주란을 연기한다", "로몬은 이수혁, 윤찬영은 이청산 역으로":
      // paired topic and role, with the verb of playing at the end of the list.
      if (/^(?:은|는|이|가|도)\s*$/.test(gap) && /^\s*(?:,|을|를)/.test(sentence.slice(c.span.end)) && /연기|맡|역으로|역을|분(?:한|하|해)/.test(sentence.slice(c.span.end))) return c.canonical;
      // "이민재는 대학생이 된 온조의 선배 용마루로, 노재원은 … 한두석으로 분한다": a described role taken
      // with 로/으로, the verb of playing at the end of the list.
      if (gap.length <= 24 && /^(?:은|는|이|가|도)\s*[^.,]{0,20}$/.test(gap) && /^(?:으로|로)(?![\uac00-\ud7a3])/.test(sentence.slice(c.span.end)) && /분(?:한|하|해|했)|연기(?:한|하|해|했)|출연(?:한|하|해|했)/.test(sentence.slice(c.span.end))) return c.canonical;
    }
    if (c.span.end <= person.span.start) {
      const gap = sentence.slice(c.span.end, person.span.start);
      if (/^\s*(?:역|役)\s*(?:의|을\s*맡은|을\s*맡았던|으로\s*(?:분한|분하는|출연하는)|을\s*연기(?:한|하는))?\s*(?:배우\s*)?$/.test(gap)) return c.canonical;
    }
  }
  return undefined;
}

/**
 * "박지후, 윤찬영, 조이현, 로몬이 각각 남온조, 이청산, 최남라, 이수혁 역으로": names before 각각
 * ("respectively") and as many roles after it, paired in order.
 */
function respectiveRole(sentence: string, people: readonly PersonMention[], person: PersonMention, pack: ShowPack): string | undefined {
  const at = sentence.search(/각각|각자/);
  if (at < 0) return undefined;
  const actors = people.filter((p) => p.span.end <= at);
  const roles = findCharacters(sentence, pack).filter((c) => c.span.start >= at);
  if (actors.length < 2 || actors.length !== roles.length) return undefined;
  return roles[actors.indexOf(person)]?.canonical;
}

type CastStatus = (typeof KO_CAST_CUES)[number]['status'];

function castClaims(sentence: string, clauses: Clause[], ctx: KoContext): KoDraft[] {
  const people = findPeople(sentence, ctx.pack).filter((p) => p.known && ctx.pack.people.find((x) => x.name === p.canonical)?.roles.includes('cast'));
  if (people.length === 0) return [];
  const cues: Array<Cue & { status: CastStatus }> = [];
  for (const { status, re } of KO_CAST_CUES) {
    for (const c of cuesOf(re, sentence)) {
      if (cues.some((x) => c.start < x.end && x.start < c.end)) continue;
      if (people.some((p) => c.start < p.span.end && p.span.start < c.end)) continue;
      cues.push({ ...c, status });
    }
  }
  if (KO_TABLE_READ.test(sentence)) {
    for (const c of cuesOf(KO_ATTENDED, sentence)) if (!cues.some((x) => c.start < x.end && x.start < c.end)) cues.push({ ...c, status: 'generic' });
  }
  cues.sort((a, b) => a.start - b.start);
  const out: KoDraft[] = [];
  for (const person of people) {
    const personClause = clauseAt(clauses, person.span.start);
    if (!personClause) continue;
    // Verb-final: the cue after the name (and after the rest of its list) in its clause, else
    // the next one in the sentence; a cue before it only as a description ("새롭게 합류한 노재원").
    // An exit later in the sentence outweighs the offer before it ("제안을 받았으나 고사했다").
    const exitAfter = cues.find((c) => c.status === 'exited' && c.start >= person.span.end && !people.some((p) => p !== person && p.span.start > person.span.end && p.span.start < c.start && clauseAt(clauses, p.span.start) !== personClause));
    const after = exitAfter ?? cues.find((c) => c.start >= person.span.end && c.start < personClause.end) ?? cues.find((c) => c.start >= person.span.end && !people.some((p) => p !== person && p.span.start > person.span.end && p.span.start < c.start && clauseAt(clauses, p.span.start) !== personClause));
    const before = [...cues].reverse().find((c) => c.end <= person.span.start && c.start >= personClause.start && (c.status !== 'generic' || /출연진|라인업/.test(c.text)));
    const cue = after ?? before;
    if (!cue) continue;
    const clause = clauseAt(clauses, cue.start);
    if (!clause) continue;
    // "시즌1에서 남온조를 연기한 박지후": a role played before, not a casting.
    if (cue === before && KO_PAST_ROLE.test(sentence.slice(before.start, person.span.start))) continue;
    const season = clauseSeason(sentence, clause, ctx);
    const exit = cue.status === 'exited';
    if (season !== 'tracked' && !(season === 'earlier' && ctx.articleSeason === 'tracked' && (exit || cue.status === 'returning'))) continue;
    if (!exit && earlierOnly(clause, ctx.pack)) continue;
    if (exit && (KO_UNDECIDED.test(clause.text) || /사실무근|사실이\s*아니|루머/.test(sentence))) continue;
    if (!exit && (negated(clause.text) || negated(personClause.text) || KO_UNDECIDED.test(sentence) || KO_NEGOTIATION.test(clause.text) || KO_NEGOTIATION.test(personClause.text))) continue;
    if (ownerOf(sentence, clause, cue.start, ctx.pack, true) === 'other') continue;
    const earlier = (ctx.pack.people.find((x) => x.name === person.canonical)?.seasons ?? []).some((s) => s < ctx.pack.season);
    const value = exit ? 'exited' : cue.status === 'returning' ? 'returning' : earlier ? 'returning' : 'new';
    const confidence: Confidence = koConfidence(sentence, clause.text, 'cast', ctx.pack);
    const draft: KoDraft = { kind: 'cast', subject: person.canonical, value, confidence, rule: 'ko:cast' };
    const character = characterOf(sentence, person, ctx.pack) ?? respectiveRole(sentence, people, person, ctx.pack);
    if (character) draft.character = character;
    out.push(draft);
  }
  return out;
}

/** The new season's job is taken on with a verb: 맡는다, 잡았다, 담당한다, 집필한다, 쓴다. */
const CREW_VERB = /(?:맡는다|맡았다|맡았고|맡았으며|맡아|맡고|맡기로|맡게|맡으며|맡을|잡는다|잡았다|잡았고|잡고|잡으며|잡아|잡을|담당(?:한다|했다|하며|하고|할)|책임(?:진다|졌다|지며)|이어간다|이어받|나선다|나섰다|나선|들어갔다|들어간|돌입했다|돌입한|착수했다|착수한|참여(?:한다|했다|하며|하고|하는)|쓴다|썼다|쓰며|쓰고|집필(?:한다|했다|하며|하고)|한다|했다|하며|하고|할\s*예정|진행한다)(?![\uac00-\ud7a3])/;
/** "시즌1을 연출한 이재규 감독": a relative clause in the past describes the person. */
const RELATIVE_PAST = /^(?:을|를|은|는|도)?\s*(?:맡았던|맡은|했던|한|쓴|썼던|담당했던|담당한|이끈|이끌었던|잡았던|잡은|책임진|책임졌던)\s*(?:[가-힣]+\s*){0,2}$/;

const TOPIC_BEFORE_NAMES = /^\s*(?:은|는|에는|엔|도)\s*(?:(?:시즌\s*\d+|전작)\s*에\s*이어(?:서)?\s*)?(?:[가-힣0-9]+(?:을|를)\s*(?:함께\s*)?(?:만든|이끈|연출한|맡았던)\s*)?(?:[가-힣]{2,4}\s*[·,]\s*|[가-힣]{2,4}\s*(?:와|과)\s+)*$/;

/** A crew title right after a name: "김남수 감독", "천성일 작가". */
const OWN_TITLE = /^\s*(감독|연출가|PD|작가|극작가)(?=$|[^\uac00-\ud7a3]|이|가|은|는|과|와|도|의|로|으로|님)/;

function crewClaims(sentence: string, clauses: Clause[], ctx: KoContext): KoDraft[] {
  const people = findPeople(sentence, ctx.pack).filter((p) => p.known && ctx.pack.people.find((x) => x.name === p.canonical)?.roles.includes('crew'));
  const out: KoDraft[] = [];
  // In the order they are written: "nearest before the name" reads them from the name back.
  const cues = KO_CREW_CUES.flatMap(({ role, re }) => cuesOf(re, sentence).map((c) => ({ ...c, role }))).sort((a, b) => a.start - b.start);
  for (const person of people) {
    const personClause = clauseAt(clauses, person.span.start);
    if (!personClause) continue;
    const pool = cues.filter((c) => clauseAt(clauses, c.start) === personClause);
    // "이재규·김남수 감독이 연출을, 천성일 작가가 극본을": the nearest cue after the name, not past the next name's.
    const nextPerson = people.find((p) => p.span.start > person.span.end && clauseAt(clauses, p.span.start) === personClause && !/^[\s·,]*(?:와|과|및)?\s*$/.test(sentence.slice(person.span.end, p.span.start)));
    const forward = pool.find((c) => c.start >= person.span.end && (!nextPerson || c.start < nextPerson.span.start));
    const backward = [...pool].reverse().find((c) => c.end <= person.span.start);
    let role: string | undefined;
    // "시즌2 연출을 맡은 이재규 감독은 … 말을 아꼈다": the job is told before the name; what the main
    // verb declines is something else.
    let toldBeforeName = false;
    // "(극본 천성일, 연출 이재규)": a credit label right before the name is that person's job.
    const labelled = backward && /^\s*[:：]?\s*$/.test(sentence.slice(backward.end, person.span.start));
    // "연출은 이재규·김남수 감독이, 극본은 천성일 작가가 맡는다": a job named as the topic right before the names is theirs.
    const topic = backward && TOPIC_BEFORE_NAMES.test(sentence.slice(backward.end, person.span.start)) && CREW_VERB.test(sentence.slice(person.span.end, personClause.end));
    if (labelled || topic) role = backward.role;
    else if (forward && CREW_VERB.test(sentence.slice(forward.end, personClause.end))) role = forward.role;
    else if (backward) {
      const between = sentence.slice(backward.end, person.span.start);
      const relative = RELATIVE_PAST.test(between);
      // "시즌2 연출을 맡은 이재규 감독" is the new season's; "시즌1을 연출한 이재규 감독" is not.
      if (relative && !(hasTrackedMarker(sentence.slice(personClause.start, backward.start), ctx.pack) && /맡은|맡는|맡을|잡은/.test(between))) continue;
      if (relative || CREW_VERB.test(sentence.slice(person.span.end, personClause.end))) role = backward.role;
      toldBeforeName = relative;
    }
    if (!role) continue;
    // "천성일 작가가 대본을 쓰고, 김남수 감독과 이재규 감독이 메가폰을 잡는다": the title after a name
    // ("감독", "작가") says whose job is whose when a job word before it belongs to someone else.
    const titled = OWN_TITLE.exec(sentence.slice(person.span.end))?.[1];
    if (titled) role = /감독|연출가|PD/.test(titled) ? 'director' : 'writer';
    // What the director says in quotes ('…라고 말을 아꼈다') does not deny the job.
    if (clauseSeason(sentence, personClause, ctx) !== 'tracked' || earlierOnly(personClause, ctx.pack) || negated(withoutQuotes(toldBeforeName ? sentence.slice(personClause.start, person.span.end) : personClause.text))) continue;
    if (ownerOf(sentence, personClause, person.span.start, ctx.pack, false) === 'other') continue;
    out.push({ kind: 'crew', rule: 'ko:crew', subject: person.canonical, value: role, confidence: koConfidence(sentence, personClause.text, 'crew', ctx.pack) });
  }
  return out;
}

/** Claims one Korean sentence makes about the tracked season. */
export function koreanSentenceClaims(sentence: string, ctx: KoContext): KoDraft[] {
  if (/\?\s*["”’']?\s*$/.test(sentence.trim())) return [];
  const clauses = splitKoreanClauses(sentence);
  return [
    ...renewalClaims(sentence, clauses, ctx),
    ...productionClaims(sentence, clauses, ctx),
    ...releaseClaims(sentence, clauses, ctx),
    ...episodeClaims(sentence, clauses, ctx),
    ...platformClaims(sentence, clauses, ctx),
    ...castClaims(sentence, clauses, ctx),
    ...crewClaims(sentence, clauses, ctx),
  ];
}
