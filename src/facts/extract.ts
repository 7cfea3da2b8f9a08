import type { FeedItem } from '../feeds/types.ts';
import type { ShowPack } from './show-pack-schema.ts';
import type { Claim, Confidence, Evidence } from './types.ts';
import { confidenceRank } from './types.ts';
import { clauseAt, splitClauses, splitSentences, withoutBracketedAsides, type Clause } from './sentences.ts';
import { datesOtherShows, isOtherListEntry } from './list-entries.ts';
import { inKoreanDay } from './release-time.ts';
import { clockOf, dayOf, findDates, latestDayOf, MONTH_WORD, type ArticleClock } from './dates.ts';
import { IRREALIS, NEGATION, NOT_CONFIRMED, clauseConfidence, frameConfidence, isBareStatement, isQuestion, onlyScheduleHedge, weakest } from './confidence.ts';
import { hasEarlierMarker, hasLaterMarker, hasTrackedMarker, otherShowMentions, ownerOf, seasonOf, showRefs, titleMentions, topicRefs, type SeasonScope } from './scope.ts';
import { stripDateline } from './dateline.ts';
import { PRODUCTION_STAGES } from './types.ts';
import { findCharacters, findPeople, type PersonMention } from './names.ts';
import { pairedRoles } from './pairing.ts';
import { maskOtherShowAsides } from './asides.ts';
import { blankSpans } from './blank.ts';
import { OwnedMemo } from './memo.ts';
import { withPronouns } from './pronouns.ts';
import { releaseRelativeToDay } from './relative-release.ts';
import { PRODUCTION_ROWS_EN } from './rules/production-en.ts';
import { labelledCells, latestValues, rowCastClaims, withoutOtherShowCells } from './table-rows.ts';
import { unknownTitles } from './unknown-titles.ts';
import { attributionAt, findAttributions, speakerLexicon, type Attribution } from './speakers.ts';
import { isKorean } from './ko/hangul.ts';
import { splitKoreanSentences, stripKoreanDateline } from './ko/sentences.ts';
import { KO_UNDECIDED, koIsBareStatement, koIsOfficialAnnouncement } from './ko/confidence.ts';
import { koreanSentenceClaims } from './ko/extract.ts';
import {
  ABSENT_FROM_LIST, ACTOR_LEVEL, CANCEL_CUE, OWN_DATE_NOUN, CAST_CUES, CONDITION_BEFORE, CREDIT_LINE, CREW_ASSIGNMENT, CREW_CUES, CREW_TITLE, EPISODE_CUE, FAN_CASTING, FUTURE_BEFORE_CUE, KNOWN_FOR_BEFORE, NEGOTIATION,
  PAST_CREDIT, PAST_CREDIT_COORDINATED, PAST_RELEASE, PHOTO_CAPTION, PLATFORM_CUE, PLATFORM_VERB, PRODUCTION_CUES, PROMO_LEAD, PROMO_OBJECT, PROMO_SUBJECT, RECAP, WHOLE_TEAM, RELEASE_CUE, RESPONSE_TO_REPORTS, SHOW_DESCRIPTION, SOURCE_AUTHOR_BEFORE,
  SOURCE_WORK_BEFORE, UNDECIDED, episodeCount, renewalCue,
} from './cues.ts';
import { matchAll } from './match-all.ts';

/** What a sentence needs to know about its article. */
interface Context {
  pack: ShowPack;
  clock: ArticleClock;
  articleSeason: SeasonScope;
  headline: boolean;
  /** The article dates several other shows (a slate, a line-up): a date needs this show named. */
  crowded?: boolean;
  previousCast?: { status: CastCueStatus; confidence: Confidence } | undefined;
  /** The next sentence opens on "These include …" and may take this one's cast cue. */
  nextTakesCue?: boolean;
  /** The person the previous sentence was about, for a pronoun that opens this one ("He plays Han Du-seok"). */
  previousPerson?: PersonMention | undefined;
}

type CastCueStatus = (typeof CAST_CUES)[number]['status'];

type Draft = Omit<Claim, 'evidence'>;

interface Cue {
  start: number;
  end: number;
}

/** Where a cue pattern matches a sentence; asked by several rules, found once. */
function matches(re: RegExp, text: string): ReadonlyArray<Cue & { m: RegExpExecArray }> {
  return cuesSeen.get(re, text, () => {
    re.lastIndex = 0;
    return matchAll(re, text).map((m) => ({ start: m.index, end: m.index + m[0].length, m: m as RegExpExecArray }));
  });
}

const cuesSeen = new OwnedMemo<RegExp, Array<Cue & { m: RegExpExecArray }>>();

/**
 * How sure the sentence is about what the clause says: the clause's own wording, weakened by a
 * governing frame before it ("reports suggest that …") and lifted by an attribution after it
 * ("…, according to Netflix").
 */
const BARE_TAIL = /^(?:\S+\s+){0,8}?(?:said|says|claims|claimed|insists|insisted|alleges|alleged|reported|reports)(?:\s+(?:on\s+)?(?:\w+day|yesterday|today|this\s+week|last\s+week))?\s*[.!]?["”]?$/i;

function confidenceFor(sentence: string, clauses: Clause[], clause: Clause, pack: ShowPack): Confidence {
  const own = sentence.slice(clause.start, clause.end);
  let c = clauseConfidence(own);
  const attributions: Confidence[] = [];
  const frame = frameConfidence(sentence.slice(0, clause.start));
  if (frame) attributions.push(frame);
  for (const other of clauses) {
    if (other === clause) continue;
    const t = other.text.trim();
    // "…, sources said" vouches for the clause before it; "… and said the trailer would follow"
    // is a second thing said, with its own hedge.
    if (/^(?:according to|per|as (?:reported|announced|confirmed|revealed) by|reports?|sources?|said|reportedly|citing)\b/i.test(t) || (other.start > clause.start && !/^(?:and|but|while|then)\s+(?:also\s+)?(?:said|says|added|confirmed|announced|stated|revealed|told)\b/i.test(t) && /^(?:\S+\s+){0,4}?(?:said|says|reported|confirmed|announced|stated|revealed|told)\b/i.test(t))) {
      attributions.push(clauseConfidence(t));
    }
    if (other.start > clause.start && BARE_TAIL.test(t)) {
      // "…, a leaker claims.": a rumour's source named in a bare tail bounds all the sentence
      // reports, whoever it says acted ("Netflix has pencilled in …"). A tail with its own
      // content ("and an insider claims cameras will roll") is a second statement.
      const voice = findAttributions(sentence, pack).find((a) => a.start >= other.start && a.end <= other.end);
      if (voice && confidenceRank(voice.confidence) < confidenceRank('reported')) attributions.push(voice.confidence);
    }
  }
  // "According to production reports, it is expected to premiere in 2026" reports the source's plan.
  if (c === 'speculation' && onlyScheduleHedge(own) && attributions.length > 0 && attributions.every((a) => a === 'reported' || a === 'official')) return 'reported';
  for (const a of attributions) c = c === 'reported' ? a : weakest(c, a);
  c = withSpeaker(c, own, findAttributions(sentence, pack), clause);
  // "If filming starts in August, …, delaying the release until mid-2024": the whole sentence
  // hangs on its condition.
  if (CONDITIONAL_SENTENCE.test(sentence.trim()) && clause.start > 0) c = 'speculation';
  return c;
}

/**
 * The speaker who vouches for the clause settles a plain statement: Netflix's listing makes it
 * official, an insider makes it a rumour. A hedge in the clause itself still wins ("Netflix
 * could …"), and a weaker outer voice bounds an official one it quotes ("a fan account claims
 * Netflix has …").
 */
function withSpeaker(c: Confidence, own: string, found: Attribution[], clause: Clause): Confidence {
  const speaker = attributionAt(found, clause.start) ?? found.find((a) => a.start >= clause.start && a.start < clause.end);
  if (!speaker) return c;
  if (c === 'reported' || (c === 'official' && confidenceRank(speaker.confidence) < confidenceRank(c))) return speaker.confidence;
  // "Netflix is expected to premiere …", "an insider says it should drop …": a forecast made by
  // the one who speaks is that speaker's plan or claim.
  if (c === 'speculation' && speaker.confidence !== 'speculation' && onlyScheduleHedge(own)) return speaker.confidence;
  // "Industry sources now expect it in the first half": the hedge is the speaker's own verb, so
  // the forecast is what that source says.
  const inClause = speaker.end > clause.start && speaker.end <= clause.end;
  if (c === 'speculation' && speaker.confidence !== 'speculation' && inClause && FORECAST_VERB.test(own.slice(speaker.end - clause.start))) return speaker.confidence;
  return c;
}

const FORECAST_VERB = /^\s*(?:now\s+|also\s+|still\s+)?(?:expect|expects|expected|predict|predicts|predicted|anticipate|anticipates)\b(?!\s+(?:that\s+)?(?:it|the\s+\w+)\s+(?:could|might|may)\b)/i;

const CONDITIONAL_SENTENCE = /^(?:if|unless|assuming|presuming|provided|supposing|should\s+\w+\s+(?:start|begin|wrap|finish))\b/i;

/** A negation in the clause's own words; one inside a bracketed aside ("(not yet confirmed)") qualifies the aside only. */
function isNegated(clause: Clause): boolean {
  return NEGATION.test(withoutBracketedAsides(clause.text));
}

/**
 * A clause up to the end of the conjunct that holds a cue: in "With filming finished and no slot
 * on the schedule", the "no" belongs to the slot, not to the filming.
 */
function upToConjunct(clauseText: string, cueEnd: number): string {
  const rest = clauseText.slice(cueEnd);
  const stop = /\s+(?:and|but|yet|while)\s+|[,;:]/i.exec(rest);
  return clauseText.slice(0, cueEnd) + (stop ? rest.slice(0, stop.index) : rest);
}

/** The sentence with ", who …," and ", which …," asides blanked out. */
function withoutRelativeClauses(sentence: string): string {
  return sentence.replace(/,\s*(?:who|whom|whose|which)\b[^,;]*(?:,|$)/gi, (m) => ' '.repeat(m.length));
}

function effectiveSeason(sentence: string, ctx: Context): SeasonScope {
  const own = seasonOf(sentence, ctx.pack);
  return own === 'unknown' ? ctx.articleSeason : own;
}

/** "… cast", "… has signed": the verb of casting before a list of people and their roles. */
const CASTING_VERB = /\s(?:cast|casts|signed|signs|tapped|taps|hired|hires)\s/i;

const ORDERING_VERB = /^(?:renew|green|order|commission|pick)/i;

/** Parts of the making and promotion that get called off without the season going. */
const CANCELLED_PART = String.raw`(?:[\w'\u2019-]+\s+){0,4}?(?:shoots?|shooting|filming|scenes?|screenings?|events?|fan\s*(?:meetings?|meets?)|showcases?|press\s+(?:conferences?|events?)|junkets?|red\s+carpets?|appearances?|interviews?|photo\s*(?:calls?|shoots?)|panels?|tours?|trips?|rehearsals?|table\s+reads?|script\s+readings?)\b`;
const CANCELLED_PART_AFTER = new RegExp(String.raw`^\s+(?:the|a|an|its|their|this|that|[\w-]+['\u2019]s)\s+${CANCELLED_PART}`, 'i');
const CANCELLED_PART_BEFORE = new RegExp(String.raw`\b(?:the|a|an|its|their|this|that|[\w-]+['\u2019]s)\s+${CANCELLED_PART}(?:\s+(?:for|of|on|in|at)\s+[^,.;]{1,60}?)?\s+(?:was|were|has\s+been|had\s+been|have\s+been|got|is|are|will\s+be)\s+(?:\w+\s+)?$`, 'i');

/** A release cue that is the platform's own act of scheduling ("has moved … to", "slotted for"). */
const SCHEDULING_VERB = /^(?:pushed|moved|bumped|shifted|delayed|set\b|slot|schedul|slated|pencil|places|placed|puts)/i;

/** "asked readers when …", "polled fans on whether …": what follows is the question. */
const ASKED_WHEN = /\b(?:asked|asks|ask|asking|polled|polls)\s+(?:[\w'’-]+\s+){0,4}?(?:when|whether|if)\b/i;

/**
 * The official voice stands right before the verb, as its subject: "Netflix (has) (officially) …",
 * and nobody else in the sentence tells it ("a Seoul daily says Netflix has …" is the daily's report).
 */
function platformIsSubject(before: string, sentence: string, pack: ShowPack): boolean {
  if (findAttributions(sentence, pack).some((a) => a.confidence !== 'official')) return false;
  const m = /(?:^|[,;:]\s*|\b(?:that|and|which)\s+)([^,;:]{2,60}?)\s+(?:has\s+|have\s+|had\s+)?(?:now\s+|officially\s+|formally\s+|finally\s+)?(?:(?:gave|gives|given|granted|grants)\s+(?:it\s+|the\s+(?:show|series|drama)\s+)?(?:the|a)\s+)?$/i.exec(before);
  const subject = m?.[1]?.trim() ?? '';
  const voice = speakerLexicon(pack).official.exec(subject);
  // The subject is the platform itself ("Netflix", "the streamer"), not a phrase that mentions it.
  return !!voice && voice.index <= 4 && voice.index + voice[0].length >= subject.length && !/\b(?:will|would|could|may|might|should|to)\b/i.test(subject);
}

/**
 * A plainly reported act only the platform can do (renewing, scheduling its season), with the
 * platform as the verb's subject, is the platform's own word on the record.
 */
function platformsOwnAct(stated: Confidence, verb: RegExp, cue: Cue & { m: RegExpExecArray }, clause: Clause, sentence: string, pack: ShowPack): Confidence {
  return stated === 'reported' && verb.test(cue.m[0]) && platformIsSubject(sentence.slice(clause.start, cue.start), sentence, pack) ? 'official' : stated;
}

function renewalClaims(sentence: string, clauses: Clause[], ctx: Context): Draft[] {
  const out: Draft[] = [];
  for (const cue of matches(renewalCue(ctx.pack.season), sentence)) {
    const clause = clauseAt(clauses, cue.start);
    if (!clause || isNegated(clause) || IRREALIS.test(clause.text.trim())) continue;
    // "renewed for a third season": the next season's order, not this one's.
    if (hasLaterMarker(clause.text, ctx.pack) && !hasTrackedMarker(clause.text, ctx.pack)) continue;
    // "will get a second season" is a plan unless the platform itself says so.
    // A guess about the future is still a guess: "fans are convinced Netflix will order a second season".
    const voice = attributionAt(findAttributions(sentence, ctx.pack), clause.start)?.confidence;
    const vouched = voice === 'official' || voice === 'speculation';
    if (!vouched && FUTURE_BEFORE_CUE.test(sentence.slice(clause.start, cue.start)) && !/\b(?:will|would)\s+(?:return|come\s+back)\s+for\b/i.test(cue.m[0])) continue;
    // "… has a story for season 2 if it gets a green light": the renewal is the condition.
    if (CONDITION_BEFORE.test(sentence.slice(clause.start, cue.start))) continue;
    if (ownerOf(sentence, clause, cue.start, ctx.pack, false) === 'other') continue;
    // "Lee Yoo-mi could return for season 2" is about a person, not the show coming back.
    // So is "Yoon Chan-young confirmed for season 2".
    if (/\b(?:return|come\s+back|confirm(?:ed|s)?)\b/i.test(cue.m[0]) && findPeople(sentence.slice(clause.start, clause.end), ctx.pack).length > 0) continue;
    // "Netflix orders a second season", "the streamer has renewed …": only the platform can
    // renew, so the platform doing it, stated plainly, is its own act on the record.
    const stated = confidenceFor(sentence, clauses, clause, ctx.pack);
    const confidence = platformsOwnAct(stated, ORDERING_VERB, cue, clause, sentence, ctx.pack);
    out.push({ kind: 'renewal', subject: null, value: 'renewed', rule: 'renewal-cue', confidence, ...dateOf(clause, sentence, ctx) });
    // A renewal is the first production stage: the season is announced. Later stages move it on
    // at any confidence above speculation (see the ledger), so it can carry the renewal's own.
    out.push({ kind: 'production', subject: null, value: 'announced', rule: 'renewal-cue', confidence });
  }
  for (const cue of matches(CANCEL_CUE, sentence)) {
    const clause = clauseAt(clauses, cue.start);
    if (!clause || IRREALIS.test(clause.text.trim())) continue;
    if (/\b(?:not|n['’]t|never|no|denied|rumou?rs?|false)\b/i.test(clause.text)) continue;
    if (ownerOf(sentence, clause, cue.start, ctx.pack, false) !== 'ours') continue;
    // "Fog cancelled the team's rooftop shoot", "the fan event was scrapped": a day of the making
    // or a promotion called off, not the season.
    if (CANCELLED_PART_AFTER.test(sentence.slice(cue.end)) || CANCELLED_PART_BEFORE.test(sentence.slice(0, cue.start))) continue;
    out.push({ kind: 'renewal', subject: null, value: 'cancelled', rule: 'cancel-cue', confidence: confidenceFor(sentence, clauses, clause, ctx.pack) });
  }
  return out;
}

/** An event's own date, when its clause gives one that has already happened. */
function dateOf(clause: Clause, sentence: string, ctx: Context): { date?: string } {
  const text = sentence.slice(clause.start, clause.end);
  const today = dayOf(ctx.clock);
  const d = findDates(text, ctx.clock, 'past', sentence.slice(0, clause.start)).find((x) => /-\d\d/.test(x.value) && x.value.slice(0, 10) <= today);
  return d ? { date: d.value } : {};
}

const PRODUCTION_ROWS = [...PRODUCTION_ROWS_EN, ...PRODUCTION_CUES];

function productionClaims(sentence: string, clauses: Clause[], ctx: Context, season: SeasonScope): Draft[] {
  if (season !== 'tracked') return [];
  const out: Draft[] = [];
  const taken: Cue[] = [];
  for (const row of PRODUCTION_ROWS) {
    const { stage, re } = row;
    const rule = 'name' in row && typeof row.name === 'string' ? row.name : `stage:${stage}`;
    const setback = 'setback' in row && row.setback === true;
    const undated = 'undated' in row && row.undated === true;
    for (const cue of matches(re, sentence)) {
      if (taken.some((t) => cue.start < t.end && t.start < cue.end)) continue;
      // "Pre-production has begun" and "post-production started" are not the shoot starting.
      if (/^production/i.test(cue.m[0]) && /(?:pre|post)[-\s]?$/i.test(sentence.slice(0, cue.start))) continue;
      taken.push(cue);
      const clause = clauseAt(clauses, cue.start);
      if (!clause) continue;
      const clauseText = sentence.slice(clause.start, clause.end);
      if (NEGATION.test(upToConjunct(clauseText, cue.end - clause.start)) || IRREALIS.test(clauseText.trim()) || (ACTOR_LEVEL.test(clauseText) && !WHOLE_TEAM.test(clauseText))) continue;
      // "Lomon has already wrapped up filming the second season": one actor's part, not the show's.
      if ((stage === 'wrapped' || stage === 'filming') && personSubject(sentence, cue.start, ctx.pack)) continue;
      if (hasEarlierMarker(clauseText, ctx.pack)) continue;
      if (FUTURE_BEFORE_CUE.test(sentence.slice(clause.start, cue.start))) continue;
      // "is nearly finished shooting": still shooting (see close-to-finishing).
      if (stage === 'wrapped' && /\b(?:nearly|almost|close\s+to|not\s+yet|yet\s+to)\s+(?:\w+\s+)?$/i.test(sentence.slice(clause.start, cue.start))) continue;
      // "News1 says filming starts in July", written in June: a start or an end still ahead is a plan.
      if ((stage === 'filming' || stage === 'wrapped') && PRESENT_TENSE_TURN.test(cue.m[0]) && stillAhead(sentence.slice(cue.end, clause.end), ctx)) continue;
      // "Netflix's first teaser drew 12 million views": the promotion's audience, not the season's.
      if (stage === 'released' && PROMO_LEAD.test(clauseText)) continue;
      // A release is only this season's when the sentence says so; "premiered in 2022" is the first.
      if (stage === 'released' && !hasTrackedMarker(sentence, ctx.pack)) continue;
      // "the series that topped Netflix's charts earlier this year" describes what it did before.
      if (stage === 'released' && /\b(?:that|which|who)\s+(?:\w+\s+)?$/i.test(sentence.slice(clause.start, cue.start))) continue;
      if (ownerOf(sentence, clause, cue.start, ctx.pack, false) === 'other') continue;
      out.push({ kind: 'production', subject: null, value: stage, rule, ...(setback ? { setback } : {}), confidence: confidenceFor(sentence, clauses, clause, ctx.pack), ...(undated ? {} : dateOf(clause, sentence, ctx)) });
    }
  }
  return out;
}

const PRESENT_TENSE_TURN = /\b(?:starts|begins|kicks\s+off|commences|gets\s+under\s?way|wraps(?:\s+up)?|ends|finishes)\b/i;

/** Whether a time the text names lies after the article's day ("in July", written in June). */
function stillAhead(text: string, ctx: Context): boolean {
  const today = dayOf(ctx.clock);
  return findDates(text, ctx.clock, 'future').some((d) => d.value > today.slice(0, d.value.length));
}

/** A person named before the cue with no mention of the show ahead of them: the person is the subject. */
function personSubject(sentence: string, pos: number, pack: ShowPack): boolean {
  const before = sentence.slice(0, pos);
  const people = findPeople(before, pack);
  const first = people[0];
  const last = people[people.length - 1];
  if (!first || !last) return false;
  // "… Lee Min-jae … before Netflix announces that the new season is shooting": the show is named
  // between the person and the cue, so the show is the subject.
  const refs = showRefs(before, pack).filter((r) => r.ours);
  return !refs.some((r) => r.start < first.span.start || r.start >= last.span.end);
}

/** A plan the sentence reports only as what used to be said. */
const FIRST_PLAN_BEFORE = /\b(?:first|originally|initially|once)\s+(?:mapped\s+out|planned|envisioned|conceived|plotted|wrote|written|outlined)\s+(?:\w+\s+){0,2}$/i;
const SUPERSEDED_PLAN = /\b(?:had\s+(?:earlier\s+|previously\s+|originally\s+|initially\s+|once\s+|also\s+)?(?:spoken|talked|said|planned|targeted|aimed|hoped|promised|mentioned|floated|announced|stated|revealed|reported|suggested|claimed|indicated|been\s+(?:expected|slated|planned|set|scheduled|targeted|eyed|floated|mentioned|rumou?red|aiming))|(?:originally|initially|previously|once)\s+(?:planned|slated|set|scheduled|targeted|expected|eyed|aimed)|(?:earlier|previous|original|old|initial)\s+(?:plan|target|schedule|window|release\s+plan))\b/i;
/** The sentence says the plan it mentions no longer holds. */
const ABANDONED_PLAN = /\b(?:(?:pushed|moved|set)\s+(?:that|the|this|those)\s+(?:plan|date|target|window|schedule)s?\s+back|(?:scraps|scrapped|abandons|abandoned|dropped|overturns|overturned|upends|upended)\s+(?:that|the|this)\s+(?:plan|date|target|window|timeline|schedule)|no\s+longer\s+(?:the\s+)?(?:plan|target|on\s+track))\b/i;
/** Cues that move a schedule without saying whose: filming or the release. */
const SCHEDULE_ONLY_CUE = /^(?:pushed|moved|delayed|postponed|shifted|bumped|slated|set|scheduled|aim\w*|target\w*|expect\w*|points?\s+to)\b/i;
const PRODUCTION_WORD = /\b(?:filming|shoot|shooting|production|cameras?|principal\s+photography|casting|crank[-\s]?in)\b/i;
const RELEASE_WORD = /\b(?:releas\w*|premier\w*|debut\w*|stream\w*|air(?:s|ed|ing|date)?|launch\w*|arriv\w*|drop\w*|land(?:s|ed|ing)?|hit(?:s|ting)?\s+(?:netflix|screens|theaters|the\s+(?:platform|streamer))|out)\b/i;
const DISMISSAL = /^(?:but\s+|though\s+|although\s+)?(?:that|this|it|which)\s+(?:looks|seems|appears|is|sounds|feels)\s+(?:very\s+|highly\s+|increasingly\s+|pretty\s+)?(?:unlikely|doubtful|improbable|far-fetched|optimistic|a\s+(?:long\s+)?(?:stretch|shot))\b/i;
/** "That makes earlier talk of a December premiere look doubtful": the clause itself rules the value out. */
const DOUBTED = /\b(?:looks?|seems?|appears?|sounds?|now\s+looks?)\s+(?:very\s+|highly\s+|increasingly\s+|rather\s+)?(?:doubtful|unlikely|improbable|far-fetched|off\s+the\s+table)\b/i;
const MOVED_TO_AFTER = /^\s*(?:,?\s*20\d\d)?\s*(?:to|until|into)\s+(?:\w+day,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|early|late|mid|the|\d)/i;
const CHART_WINDOW_BEFORE = /\b(?:(?:the\s+)?week\s+(?:of|ending|ended|from|between)|viewing\s+week|tracking\s+period)\s+(?:\w+\s+\d{1,2}\s+(?:to|and|through|-|–)\s+)?$/i;
const LAID_TO_REST_BEFORE = /\b(?:bur(?:y|ies|ied)|kill(?:s|ed)?|end(?:s|ed)?|put(?:s)?\s+to\s+rest|rul(?:e|es|ed)\s+out|scotch(?:es|ed)?|dismiss(?:es|ed)?|quash(?:es|ed)?|den(?:y|ies|ied)|debunk(?:s|ed)?)\s+(?:the\s+|any\s+)?(?:old\s+|earlier\s+|previous\s+|lingering\s+)?(?:chatter|talk|speculation|rumou?rs?|reports?|hopes?|idea|notion|claims?)\s+(?:about|of|that)\s+(?:an?\s+|the\s+)?$/i;
const REJECTED_BEFORE = /\b(?:(?:rather\s+than|instead\s+of|as\s+opposed\s+to|not)\s+(?:in\s+)?(?:the\s+|a\s+)?|before\s+(?:the\s+end\s+of\s+)?)$/i;

/**
 * Wording that says an earlier value no longer holds ("will now premiere on April 9", "pushed to
 * 2027", "instead"): the ledger lets such a claim replace an equally sure value.
 */
const REVISION = /\b(?:now|instead|pushed|moved|delayed|postponed|rescheduled|revised|no\s+longer|new\s+(?:date|target|window))\b/i;

function releaseClaims(sentence: string, clauses: Clause[], ctx: Context, season: SeasonScope): Draft[] {
  if (season !== 'tracked') return [];
  const out: Draft[] = [];
  for (const r of releaseRelativeToDay(sentence, ctx.clock)) {
    const clause = clauseAt(clauses, r.start);
    if (!clause || isNegated(clause) || IRREALIS.test(clause.text.trim()) || ownerOf(sentence, clause, r.start, ctx.pack, false) === 'other') continue;
    out.push({ kind: 'release', subject: null, value: r.value, rule: 'release:relative-to-day', confidence: confidenceFor(sentence, clauses, clause, ctx.pack) });
  }
  const cues = matches(RELEASE_CUE, sentence);
  if (cues.length === 0) return out;
  const lastEarlierYear = Math.max(0, ...ctx.pack.earlierSeasons.map((s) => s.year));
  const monthAgo = new Date(Date.UTC(ctx.clock.year, ctx.clock.month - 1, ctx.clock.day - 31)).toISOString().slice(0, 10);
  // "had earlier spoken of a release in 2025, but … pushed that plan back": an abandoned plan.
  const abandoned = ABANDONED_PLAN.test(sentence);
  for (const clause of clauses) {
    const text = sentence.slice(clause.start, clause.end);
    const cue = cues.find((c) => c.start >= clause.start && c.start < clause.end);
    if (!cue) continue;
    if (isNegated(clause) || IRREALIS.test(text.trim()) || hasEarlierMarker(text, ctx.pack)) continue;
    // "We asked readers when it will premiere: 41 percent picked December": a question and its answers.
    if (ASKED_WHEN.test(sentence.slice(clause.start, cue.start))) continue;
    // "X had previously announced …, with a planned release in 2025": the frame governs the
    // clauses after it, unless one turns to what holds now.
    const governed = SUPERSEDED_PLAN.test(sentence.slice(0, clause.start)) && !/^(?:but|now|however|instead|yet|though|although|while)\b/i.test(text.trim());
    // "That scraps the timeline …, when it spoke of a second-half-2025 launch": what follows the scrapping is the old plan.
    const abandonedAt = abandoned ? (ABANDONED_PLAN.exec(sentence)?.index ?? sentence.length) : sentence.length;
    if (governed || SUPERSEDED_PLAN.test(text) || (abandoned && (/\b(?:had|earlier|previously|originally|initially)\b/i.test(text) || clause.start >= abandonedAt))) continue;
    // "Fans hope for a 2023 release, but that looks unlikely": the writer dismisses it.
    const next = clauses[clauses.indexOf(clause) + 1];
    if ((next && DISMISSAL.test(next.text)) || DOUBTED.test(text)) continue;
    // "the shoot was pushed to 2025" moves filming, not the release.
    // The speaker's own words do not count ("Production insiders now expect …").
    if (SCHEDULE_ONLY_CUE.test(cue.m[0]) && PRODUCTION_WORD.test(withoutSpeakers(sentence, clause, ctx.pack)) && !RELEASE_WORD.test(text.replace(cue.m[0], ' '))) continue;
    const owner = ownerOf(sentence, clause, cue.start, ctx.pack, false);
    if (owner === 'other') continue;
    // In a slate story, "'Skyward', which debuts July 16" names a show the pack does not know.
    if (owner === 'none' && ctx.crowded) continue;
    // "would be a late 2023 release if filming had started": a counterfactual.
    if (/\bif\s+(?:\w+\s+){1,3}had\b/i.test(text)) continue;
    // "The drama was released in January": the earlier season's release, told in the past.
    if (PAST_RELEASE.test(text) && !hasTrackedMarker(text, ctx.pack)) continue;
    // "Netflix dropped a teaser on July 23": a promotional item, not the season; so is "A
    // trailer for season 2 drops on October 3", where the promotion is the subject.
    if (PROMO_OBJECT.test(sentence.slice(cue.end, clause.end)) || PROMO_OBJECT.test(sentence.slice(clause.start, cue.start)) || PROMO_SUBJECT.test(sentence.slice(clause.start, cue.start))) continue;
    // "Netflix has moved the season to February 12", "which the streamer has slotted for …": only
    // the platform schedules its show, so the platform doing it, stated plainly, is its own word.
    const stated = confidenceFor(sentence, clauses, clause, ctx.pack);
    const confidence = platformsOwnAct(stated, SCHEDULING_VERB, cue, clause, sentence, ctx.pack);
    const dayList: Array<{ value: string; end: number }> = [];
    for (const d of findDates(text, ctx.clock, 'future', sentence.slice(0, clause.start))) {
      if (Number(d.value.slice(0, 4)) <= lastEarlierYear) continue;
      if (latestDayOf(d.value) < monthAgo) continue;
      // "puts All of Us Are Dead 2 in March and the thriller Black Sea in May": each date goes
      // with the show named nearest to it.
      if (ownerOf(sentence, clause, clause.start + d.start, ctx.pack, false) === 'other') continue;
      // "will drop the full trailer on December 15": the date belongs to the nearer noun.
      if (ownDateNearer(text, d.start, cue.start - clause.start)) continue;
      // "in early 2027 rather than December 2026": the date set aside is no claim; so is the one
      // a sentence lays to rest ("buries the old chatter about a December 2026 launch").
      if (REJECTED_BEFORE.test(text.slice(0, d.start)) || LAID_TO_REST_BEFORE.test(text.slice(0, d.start))) continue;
      // "four months after season 1's January 28 launch": the date of the season that owns it.
      if (EARLIER_POSSESSOR.test(text.slice(Math.max(0, d.start - 40), d.start))) continue;
      // "pushed from March 12 to April 9": the date left behind.
      if (/\bfrom\s+(?:\w+day,?\s+)?$/i.test(text.slice(0, d.start)) && MOVED_TO_AFTER.test(text.slice(d.end))) continue;
      // "the week of April 5 to April 11": a chart week, not a premiere.
      if (CHART_WINDOW_BEFORE.test(text.slice(0, d.start))) continue;
      // "into two drops: four on March 5 and four on March 12": a season out in batches starts
      // with the first day of the list.
      const listed = dayList.at(-1);
      if (listed && d.value.length === 10 && listed.value < d.value && !REVISION.test(sentence) && /^[\s,]*(?:and|then|&)\s+(?:[\w-]+\s+){0,3}(?:on\s+)?$/i.test(text.slice(listed.end, d.start))) continue;
      if (d.value.length === 10) dayList.push({ value: d.value, end: d.end });
      out.push({ kind: 'release', subject: null, value: inKoreanDay(d, text), rule: `release:${cue.m[0].toLowerCase().replace(/\s+/g, ' ')}`, ...(REVISION.test(sentence) ? { revises: true } : {}), confidence });
    }
  }
  return out;
}

/** A clause's text with the phrases that name its speakers blanked out. */
function withoutSpeakers(sentence: string, clause: Clause, pack: ShowPack): string {
  return blankSpans(sentence.slice(clause.start, clause.end), findAttributions(sentence, pack), clause.start);
}

/** Whether a promotional or event noun stands between the release word and the date. */
function ownDateNearer(text: string, dateStart: number, cueStart: number): boolean {
  const lead = text.slice(0, dateStart);
  let last: RegExpMatchArray | undefined;
  for (const m of matchAll(OWN_DATE_NOUN, lead)) last = m;
  if (!last) return false;
  const at = last.index ?? 0;
  if (at >= cueStart - 1) return true;
  // "a location shoot in Gangwon pencilled in for Jan. 17-18": nothing of the season's own stands
  // between the promotion or event and its date.
  return !SEASON_NOUN.test(lead.slice(at + last[0].length));
}

const SEASON_NOUN = /\b(?:season|series|episodes?|show|drama|sequel|premiere\s+date|release|it)\b/i;

/** "the first two episodes", "the 12-episode Daily Dose of Sunshine": some episodes, or another show's. */
function notTheSeasonCount(sentence: string, start: number, end: number, pack: ShowPack): boolean {
  if (/\b(?:first|last|final|opening|closing|remaining|next|two|three|four)\s+$/i.test(sentence.slice(0, start))) return true;
  // "somewhere between 10 and 12 episodes", "10 to 12 episodes": a range is nobody's count.
  if (/(?:\bbetween\s+\w+\s+and|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|sixteen)\s*(?:-|–|to|or))\s*$/i.test(sentence.slice(0, start))) return true;
  // "Each season 2 episode runs an hour": the number names the season, the noun one episode.
  if (/(?:\b(?:season|part|series)\s+|(?<![\w'’])s)$/i.test(sentence.slice(0, start)) || /^\S+\s+episode$/i.test(sentence.slice(start, end))) return true;
  const after = sentence.slice(end);
  const title = /^\s+(?:of\s+)?(?:the\s+)?((?:[A-Z][\w'’:-]*\s*){1,6})/.exec(after);
  return !!title && /-episodes?$/i.test(sentence.slice(start, end).trim()) && titleMentions(title[1] ?? '', pack).length === 0;
}

const EARLIER_POSSESSOR = /\b(?:(?:first|original|debut|previous|opening)\s+(?:season|instal?lment|run|outing)|season\s*(?:1|one))['’]s?\s+(?:[\w-]+\s+)?$/i;

function episodeClaims(sentence: string, clauses: Clause[], ctx: Context, season: SeasonScope): Draft[] {
  if (season !== 'tracked') return [];
  const out: Draft[] = [];
  for (const cue of matches(EPISODE_CUE, sentence)) {
    const clause = clauseAt(clauses, cue.start);
    if (!clause) continue;
    const text = sentence.slice(clause.start, clause.end);
    if (isNegated(clause) || IRREALIS.test(text.trim()) || hasEarlierMarker(text, ctx.pack)) continue;
    if (ownerOf(sentence, clause, cue.start, ctx.pack, false) === 'other') continue;
    if (notTheSeasonCount(sentence, cue.start, cue.end, ctx.pack)) continue;
    // "a few months after the first season's 12 episodes premiered": the count of the season that owns it.
    if (EARLIER_POSSESSOR.test(sentence.slice(Math.max(0, cue.start - 40), cue.start))) continue;
    if (cue.start < otherTitleAppositiveEnd(sentence, ctx.pack)) continue;
    // "Attorney Woo premieres June 29, and Netflix will carry its 16 episodes": "its" is the show the
    // sentence names, and that is not this one.
    if (/\b(?:its|their)\s+(?:\w+\s+)?$/i.test(sentence.slice(Math.max(0, cue.start - 30), cue.start)) && titleMentions(sentence, ctx.pack).length === 0 && !hasTrackedMarker(sentence, ctx.pack) && (otherShowMentions(sentence, ctx.pack).length > 0 || unknownTitles(sentence, ctx.pack).length > 0 || TITLE_SUBJECT.test(sentence))) continue;
    // "four years after the 12-episode first", "its 12-episode debut": the count names the first season.
    if (/^\s+(?:first|debut|original|opener)\b/i.test(sentence.slice(cue.end)) && /-episodes?$/i.test(cue.m[0])) continue;
    // "had first mapped out ten episodes but cut the story down to nine": the plan left behind.
    if (FIRST_PLAN_BEFORE.test(sentence.slice(clause.start, cue.start)) || SUPERSEDED_PLAN.test(sentence.slice(clause.start, cue.start))) continue;
    // "the planned third season will be a six-part finale": the next season's count.
    if (hasLaterMarker(text, ctx.pack) && !hasTrackedMarker(text, ctx.pack)) continue;
    // "Two episodes will be shown at the Busan festival": a screening, not the season's length.
    if (/\b(?:screen(?:s|ed|ing)?|shown|festival|preview(?:ed|s)?)\b/i.test(text)) continue;
    const n = episodeCount(cue.m[1] ?? '');
    // "over the 12 episodes", "consisted of 12 episodes": the earlier season's count, unless the
    // sentence puts it on the new season.
    if (n !== undefined && ctx.pack.earlierSeasons.some((s) => s.episodes === n) && !hasTrackedMarker(sentence, ctx.pack)) continue;
    if (n !== undefined && /\b(?:consisted|comprised|ran|spanned|had|featured)\b/i.test(text) && !hasTrackedMarker(text, ctx.pack)) continue;
    if (n !== undefined) out.push({ kind: 'episodes', subject: null, value: String(n), rule: 'episode-count', confidence: confidenceFor(sentence, clauses, clause, ctx.pack) });
  }
  return out;
}

/** "a Netflix original", "will make the second for Netflix", "Only on Netflix": the platform named as the show's home. */
const platformHomes = new Map<string, RegExp>();

const PLATFORM_HOME = (platform: string): RegExp => {
  const known = platformHomes.get(platform);
  if (known) return known;
  const p = platform.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`\\b(?:an?\\s+${p}\\s+(?:original|exclusive)|(?:make|makes|made|making|produce|produces|producing)\\s+[^.;]{0,40}?\\bfor\\s+${p}|only\\s+on\\s+${p}|(?:stays|remains|staying)\\s+(?:at|on|with)\\s+${p})(?!\\w)`, 'i');
  platformHomes.set(platform, re);
  return re;
};

function platformClaims(sentence: string, clauses: Clause[], ctx: Context, season: SeasonScope): Draft[] {
  if (season !== 'tracked') return [];
  const out: Draft[] = [];
  const home = PLATFORM_HOME(ctx.pack.platform).exec(sentence);
  if (home) {
    const clause = clauseAt(clauses, home.index);
    if (clause && !isNegated(clause) && !IRREALIS.test(clause.text.trim())) out.push({ kind: 'platform', subject: null, value: ctx.pack.platform, rule: 'platform-home', confidence: confidenceFor(sentence, clauses, clause, ctx.pack) });
  }
  for (const cue of matches(PLATFORM_CUE, sentence)) {
    const clause = clauseAt(clauses, cue.start);
    if (!clause) continue;
    const text = sentence.slice(clause.start, clause.end);
    // ", only on Netflix" closes the clause before it: it takes that clause's verb and certainty.
    const tail = /^\s*(?:only|exclusively)\s+on\b/i.test(text);
    const governing = tail ? clauses.slice(0, clauses.indexOf(clause)).reverse().find((c) => PLATFORM_VERB.test(c.text)) ?? clause : clause;
    if (!PLATFORM_VERB.test(governing === clause ? text : governing.text) || isNegated(clause) || IRREALIS.test(text.trim()) || hasEarlierMarker(text, ctx.pack)) continue;
    if (ownerOf(sentence, clause, cue.start, ctx.pack, false) === 'other') continue;
    const name = (cue.m[1] ?? '').replace(/\s+/g, ' ');
    const value = name.toLowerCase() === ctx.pack.platform.toLowerCase() ? ctx.pack.platform : name;
    out.push({ kind: 'platform', subject: null, value, rule: 'platform-cue', confidence: confidenceFor(sentence, clauses, governing, ctx.pack) });
  }
  return out;
}

/** Whether two positions sit on the same side of every "but", "while", "whereas" or semicolon. */
function sameStretch(sentence: string, a: number, b: number): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return !/(?:,\s*|\s)(?:but|while|whereas|though|although)\s|;/i.test(sentence.slice(lo, hi));
}

const DECLINED = /\b(?:turn|declin|passed\s+on)/i;

/**
 * "the survivors Park Ji-hu and Lomon": a cue that is only a noun for the cast introduces the
 * names right after it, not a name elsewhere ("the voice that keeps the survivors going … belongs
 * to Ryu Han-gyeol").
 */
function introduces(sentence: string, cue: Cue, group: Cue): boolean {
  if (!/^(?:survivors?|familiar\s+faces|original\s+cast)$/i.test(sentence.slice(cue.start, cue.end))) return true;
  return cue.end <= group.start && /^[\s,:]*(?:(?:such\s+as|including|like)\s+)?(?:[A-Z][\w'’-]*\s*){0,2}[\s,:]*$/.test(sentence.slice(cue.end, group.start));
}

/** What stands between an actor and the role set right beside them: "Yoon Ga-i — Jong-ah", "Kim Si-eun is So Ju-ran", "Roh Jae-won is intelligence agent Han Du-seok". */
const ROLE_BESIDE = /^(?:\s*[—–:-]\s*|\s+(?:is|will\s+be|becomes)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,3})$/;

/** An exit cue with a negation just before it in its clause ("has not left", "never dropped out"). */
function deniedExit(sentence: string, clauses: Clause[], cue: Cue): boolean {
  const clause = clauseAt(clauses, cue.start);
  if (!clause || NEGATION.test(sentence.slice(cue.start, cue.end))) return false;
  return /\b(?:not|n['’]t|never|no\s+longer)\s+(?:\w+\s+){0,2}$/i.test(sentence.slice(clause.start, cue.start));
}

/** A turn against what the sentence said first. */
const CONTRAST = /(?:,\s*|\s)(?:but|however|though|although|whereas|while|yet)\s|\b(?:in\s+fact|actually|instead|rather)\b|;/i;

const distance = (a: Cue, b: Cue): number => (a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0);

/** The role a person plays, when the sentence ties one to them ("Park Ji-hu (Nam On-jo)", "who plays Lee Su-hyeok"). */
function characterOf(sentence: string, person: PersonMention, people: PersonMention[], ctx: Context): string | undefined {
  const chars = findCharacters(sentence, ctx.pack);
  const paired = pairedRoles(sentence, people, chars);
  if (paired.size > 0) return paired.get(person);
  const nextPerson = people.find((p) => p.span.start > person.span.end)?.span.start ?? sentence.length;
  for (const c of chars) {
    if (c.span.start >= person.span.end && c.span.start < nextPerson) {
      const gap = sentence.slice(person.span.end, c.span.start);
      // "as the half-zombie Nam-ra", "plays the intelligence officer Han Du-seok"
      if (ROLE_BESIDE.test(gap)) return c.canonical;
      const lead = /(?:\(\s*|\b(?:as|plays?|playing|portrays?|portraying|reprises?|reprising|role\s+of|character(?:\s+of)?|takes?\s+(?:on\s+)?the\s+(?:part|role)\s+of|step(?:s|ping)?\s+back\s+into|back\s+in(?:to)?)\s+(?:(?:the|a|an|his|her)\s+)?(?:[a-z][\w-]*\s+){0,3}(?:(?:Detective|Det\.|Colonel|Col\.|Captain|Capt\.|Dr\.|Doctor|Officer|Agent|Professor|Prof\.|Lieutenant|Sergeant|Chief|Director|Teacher|President|Team\s+Leader)\s+)?)$/.test(gap);
      if (gap.length <= 110 && lead && !/[.;]/.test(gap)) return c.canonical;
    }
    if (c.span.end <= person.span.start) {
      const gap = sentence.slice(c.span.end, person.span.start);
      // "Nam On-jo (Park Ji-hu)", "Nam On-jo — Park Ji-hu", "Yong Ma-ru, an older student, played by Lee Min-jae".
      if (/^\s*[(—–:-]\s*$/.test(gap) || /^\s*(?:,[^,;.()]{1,80},\s*)?,?\s*(?:is\s+|was\s+|will\s+be\s+)?(?:played|portrayed)\s+by\s*$/i.test(gap)) return c.canonical;
    }
  }
  return undefined;
}

/**
 * Whether the sentence gives the person one of this show's roles in words of their own: close
 * by, not through a clause about someone else ("opposite Kim Min-ju, leading fans to speculate
 * that his scenes as Su-hyeok are done").
 */
function holdsOwnRole(sentence: string, person: PersonMention, role: string | undefined, ctx: Context): boolean {
  if (!role) return false;
  const mention = findCharacters(sentence, ctx.pack).find((c) => c.canonical === role);
  if (!mention) return false;
  const gap = mention.span.start >= person.span.end ? sentence.slice(person.span.end, mention.span.start) : sentence.slice(mention.span.end, person.span.start);
  return gap.length <= 80 && !/\b(?:that|leading|speculat\w*|his|her|their)\b/i.test(gap);
}

/**
 * People written as one list ("A, B, C and D"): each maps to the span of its whole list, so
 * a cue next to the list applies to every name in it.
 */
function nameLists(sentence: string, people: PersonMention[]): Map<PersonMention, Cue> {
  const out = new Map<PersonMention, Cue>();
  let run: PersonMention[] = [];
  const close = (): void => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first && last) for (const p of run) out.set(p, { start: first.span.start, end: last.span.end });
    run = [];
  };
  for (const p of people) {
    const prev = run[run.length - 1];
    const gap = prev ? sentence.slice(prev.span.end, p.span.start).replace(/\([^)]{0,40}\)/g, ' ') : '';
    if (prev && !/^[\s,]*(?:(?:and|&|as\s+well\s+as)\s+)?$/i.test(gap)) close();
    run.push(p);
  }
  close();
  return out;
}

/** A clause holding only names from the list and joining words. */
function isListItem(clause: Clause, people: PersonMention[]): boolean {
  const rest = blankSpans(clause.text, people.filter((p) => p.span.start >= clause.start && p.span.end <= clause.end).map((p) => p.span), clause.start);
  return /^[\s,]*(?:(?:and|&)\s+)?(?:\([^)]{0,40}\))?[\s.,]*$/i.test(rest);
}

/** A line made only of names, roles and joining words: a credit list, no verb, no news. */
function isBareCreditLine(sentence: string, people: PersonMention[], characters: Array<{ span: { start: number; end: number } }>): boolean {
  const rest = blankSpans(sentence, [...people.map((p) => p.span), ...characters.map((c) => c.span)]);
  const words = rest.replace(/\([^)]*\)/g, ' ').match(/[\p{L}]+/gu) ?? [];
  return people.length > 0 && words.filter((w) => !/^(?:as|and|with|also|plus)$/i.test(w)).length <= 1;
}

/** A clause that names another show and not this one. */
function belongsToOtherShow(sentence: string, clause: Clause, pack: ShowPack): boolean {
  const refs = topicRefs(sentence, pack).filter((r) => r.start >= clause.start && r.end <= clause.end);
  return refs.some((r) => !r.ours) && !refs.some((r) => r.ours);
}

function castClaims(sentence: string, clauses: Clause[], ctx: Context, season: SeasonScope): { drafts: Draft[]; cue?: { status: CastCueStatus; confidence: Confidence } } {
  const named = findPeople(sentence, ctx.pack);
  // "Noh Jae-won rounds out the newcomers. He plays Han Du-seok.": a sentence that names nobody
  // takes its pronoun from the person the sentence before was about.
  // So does one whose "she" comes before anyone it names ("She will play Ju-ran, while Roh Jae-won …").
  const firstPronoun = /\b(?:he|she)\b/i.exec(sentence)?.index;
  const carry = ctx.previousPerson !== undefined && firstPronoun !== undefined && firstPronoun < (named[0]?.span.start ?? Infinity);
  const people = carry && ctx.previousPerson
    ? withPronouns(sentence, [{ ...ctx.previousPerson, span: { start: 0, end: 0 } }, ...named]).filter((p) => p.pronoun || p.span.end > 0)
    : withPronouns(sentence, named);
  const actors = people.filter((p) => !p.known || ctx.pack.people.find((x) => x.name === p.canonical)?.roles.includes('cast'));
  const cues: Array<Cue & { status: CastCueStatus }> = [];
  for (const { status, re } of CAST_CUES) {
    for (const c of matches(re, sentence)) {
      if (cues.some((x) => c.start < x.end && x.start < c.end)) continue;
      if (actors.some((p) => c.start < p.span.end && p.span.start < c.end)) continue;
      cues.push({ start: c.start, end: c.end, status });
    }
  }
  // An agency answering reports, or saying nothing is decided, confirms no one's casting.
  const disputed = RESPONSE_TO_REPORTS.test(sentence) || UNDECIDED.test(sentence);
  // Most sentences name no actor: all they can give is a cue for the list that follows.
  if (actors.length === 0) {
    const cue = ctx.nextTakesCue === false ? undefined : cueForNextList(sentence, clauses, cues, disputed, ctx);
    return cue ? { drafts: [], cue } : { drafts: [] };
  }
  // "as Han Du-seok" is a casting statement even without a casting verb.
  for (const ch of findCharacters(sentence, ctx.pack)) {
    const before = sentence.slice(0, ch.span.start);
    // "Kim Si-eun is So Ju-ran", "Yoon Ga-i — Jong-ah": an actor set right beside a role.
    const beside = actors.find((p) => p.span.end <= ch.span.start && ROLE_BESIDE.test(sentence.slice(p.span.end, ch.span.start)));
    const leadAt = /\bas\s+$/i.exec(before)?.index ?? beside?.span.end;
    // "best known as Su-hyeok in …" recalls a past role.
    if (leadAt !== undefined && !KNOWN_FOR_BEFORE.test(before)) cues.push({ start: leadAt, end: ch.span.start, status: 'generic' });
  }
  const absent = ABSENT_FROM_LIST.test(sentence);
  const drafts: Draft[] = [];
  /** Where each draft's person is named, in step with `drafts`. */
  const positions: number[] = [];
  let inherited: { status: CastCueStatus; confidence: Confidence } | undefined;
  // "Among them are A as X, B as Y": the list takes the previous sentence's cue ("are expected to
  // reprise their roles"); its "as X" only ties roles to names.
  if (cues.every((c) => c.status === 'generic') && TAKES_PREVIOUS_CUE.test(sentence.trim())) inherited = ctx.previousCast;
  // "Park Ji-hoo as Nam On-jo" on a line of its own is a credit, not news of a casting.
  if (!inherited && cues.every((c) => c.status === 'generic') && isBareCreditLine(sentence, people, findCharacters(sentence, ctx.pack))) return { drafts: [] };
  // "Stars of season 1 will return" speaks of the tracked season through its returning cue.
  const returnsFromEarlier = season === 'earlier' && ctx.articleSeason !== 'earlier' && cues.some((c) => c.status === 'returning' || c.status === 'exited');
  // "A, B and C will again play …" with no season named: a return is to the coming season.
  const returnsUnnamed = season === 'unknown' && cues.some((c) => c.status === 'returning');
  const allowPeople = season === 'tracked' || returnsFromEarlier || returnsUnnamed || !!inherited;
  let sentenceCue: { status: CastCueStatus; confidence: Confidence } | undefined;
  const groups = nameLists(sentence, actors);
  // "The series stars …" with no word of the new season describes the show as it was.
  const describesShow = SHOW_DESCRIPTION.test(sentence) && !hasTrackedMarker(sentence, ctx.pack);
  // "Back in January 2024, whispers of X joining had started": a look back, since overtaken.
  const recap = RECAP.test(sentence.trim());
  // "Yoon Chan-young has not left the second season, … after posts claimed he had dropped
  // out": an exit said not to have happened, whatever else the sentence quotes.
  const exitDenied = cues.some((c) => c.status === 'exited' && deniedExit(sentence, clauses, c));
  const appositiveEnd = otherTitleAppositiveEnd(sentence, ctx.pack);
  for (const person of allowPeople ? actors : []) {
    if (person.span.start < appositiveEnd) continue;
    let status: CastCueStatus;
    let confidence: Confidence;
    const character = characterOf(sentence, person, people, ctx);
    // Names in one list share the cue nearest the list: "survivors A, B and C sit beside newcomers D and E".
    const group = groups.get(person) ?? person.span;
    // The cue in the person's own stretch first ("Roh Jae-won has signed on as a newcomer, while Roh
    // Yoon-seo has bowed out": each takes the cue on their side of "while"), then the nearest.
    const side = (c: Cue): number => (sameStretch(sentence, c.start, group.start) ? 0 : 1);
    const nearest = inherited ? undefined : cues.filter((c) => (!person.pronoun || c.start >= person.span.end) && introduces(sentence, c, group)).sort((a, b) => side(a) - side(b) || distance(a, group) - distance(b, group))[0];
    if (nearest) {
      const clause = clauseAt(clauses, nearest.start);
      const personClause = clauseAt(clauses, person.span.start);
      if (!clause || !personClause) continue;
      const text = sentence.slice(clause.start, clause.end);
      if (/\b(?:denied|denies|deny|refuted|dismissed|false|rumou?rs? (?:are|were) untrue)\b/i.test(sentence)) continue;
      // "will not return for the third season": the next season's cast, whatever else the sentence says.
      if (hasLaterMarker(text, ctx.pack) && !hasTrackedMarker(text, ctx.pack)) continue;
      if (nearest.status !== 'exited' && (isNegated(clause) || isNegated(personClause))) continue;
      if (nearest.status === 'exited' && exitDenied) continue;
      // "Having bowed out of X, Roh Yoon-seo has moved on to East Palace with Nam Joo-hyuk": an exit
      // is its own subject's, the first person after the clause that says it, not everyone named.
      if (nearest.status === 'exited' && personClause !== clause && person.span.start > clause.end && actors.some((a) => a.span.start > clause.end && a.span.start < person.span.start)) continue;
      if (IRREALIS.test(text.trim())) continue;
      if (nearest.status !== 'exited' && (recap || (nearest.status === 'generic' && describesShow))) continue;
      // "The show starred newcomers such as …": the description's own noun, not a casting.
      if (nearest.status === 'new' && describesShow && !/\b(?:will|to\s+(?:star|join|play)|set\s+to|joins?|joined|(?:has|have)\s+been\s+cast)\b/i.test(text)) continue;
      // "Following Lee Jung-jae's Squid Game 2 in December, …": a person named with another show
      // in a clause of their own belongs to that show.
      // …unless the sentence gives them one of this show's roles: a role is the show's own.
      const ownRole = holdsOwnRole(sentence, person, character, ctx);
      if (personClause !== clause && !ownRole && belongsToOtherShow(sentence, personClause, ctx.pack)) continue;
      if (nearest.status !== 'returning' && nearest.status !== 'exited' && hasEarlierMarker(text, ctx.pack) && !hasTrackedMarker(text, ctx.pack)) continue;
      const forward = nearest.status === 'new' || nearest.status === 'exited';
      if (!ownRole && ownerOf(sentence, clause, nearest.start, ctx.pack, forward) === 'other') continue;
      if (nearest.status !== 'exited' && (disputed || absent || NEGOTIATION.test(text) || NEGOTIATION.test(personClause.text))) continue;
      // "Kang Do-yun turned down an offer to play a teacher": someone the show never had who says
      // no is no news of its cast.
      if (nearest.status === 'exited' && !person.known && DECLINED.test(sentence.slice(nearest.start, nearest.end))) continue;
      status = nearest.status;
      // A list item ("…, Park Ji-hoo, …") has no wording of its own: the list's clause speaks for it.
      const ownWords = personClause === clause || isListItem(personClause, actors);
      confidence = weakest(confidenceFor(sentence, clauses, clause, ctx.pack), ownWords ? 'official' : confidenceFor(sentence, clauses, personClause, ctx.pack));
      // "Netflix cast Kim Si-eun as So Ju-ran": only the platform casts its show, so the platform
      // doing it, stated plainly, is its own act on the record.
      const castVerb = CASTING_VERB.exec(sentence.slice(0, person.span.start));
      // Only names and roles between the verb and the person: "cast A as X, B as Y and C as Z".
      const listed = castVerb && !/\b(?:is|are|was|were|has|have|had|will|would|said|says|while|but)\b/i.test(sentence.slice(castVerb.index + castVerb[0].length, person.span.start));
      if (confidence === 'reported' && castVerb && listed && platformIsSubject(`${sentence.slice(0, castVerb.index)} `, sentence, ctx.pack)) confidence = 'official';
    } else if (inherited) {
      status = inherited.status;
      confidence = inherited.confidence;
    } else continue;
    const seasons = ctx.pack.people.find((x) => x.name === person.canonical)?.seasons ?? [];
    const earlier = seasons.some((s) => s < ctx.pack.season);
    // "Yoo In-soo as the bully Yoon Gwi-nam left a lasting impression": someone the show had only
    // in earlier seasons, named with a role and no word of the new one, is remembered, not cast.
    if (status === 'generic' && seasons.length > 0 && seasons.every((s) => s < ctx.pack.season) && !hasTrackedMarker(sentence, ctx.pack)) continue;
    let value: 'new' | 'returning' | 'exited';
    // Someone the pack knows from an earlier season cannot be new to the show, however the
    // outlet words it ("joining her once more are …", "Park Ji-hu and Yoon Chan-young topline").
    if (status === 'generic' || status === 'new') value = earlier ? 'returning' : 'new';
    else value = status;
    sentenceCue ??= { status, confidence };
    const draft: Draft = { kind: 'cast', subject: person.canonical, value, confidence, rule: nearest ? `cast-cue:${nearest.status}` : 'cast-list-inherited' };
    if (character) draft.character = character;
    // "A blog lists her as Jang Ha-ri, but Netflix has her playing Ju-ran": when the sentence
    // turns against what it said first, the person's role after the turn is the one it stands by.
    const said = drafts.findIndex((d) => d.subject === draft.subject && d.character && character && d.character !== character);
    const prior = said >= 0 ? positions[said] : undefined;
    if (prior !== undefined && CONTRAST.test(sentence.slice(prior, person.span.start))) {
      drafts.splice(said, 1);
      positions.splice(said, 1);
    }
    drafts.push(draft);
    positions.push(person.span.start);
  }
  return sentenceCue ? { drafts, cue: sentenceCue } : { drafts };
}

/** "These include …", "Among them are …": a list that takes its cue from the sentence before. */
const TAKES_PREVIOUS_CUE = /^(?:these|they|those|this)\s+(?:include|includes|are|were|will\s+be)\b|^among\s+them\b/i;

/**
 * A sentence that announces returns or arrivals without naming anyone lends its cue to a
 * following "These include …".
 */
function cueForNextList(sentence: string, clauses: Clause[], cues: ReadonlyArray<Cue & { status: CastCueStatus }>, disputed: boolean, ctx: Context): { status: CastCueStatus; confidence: Confidence } | undefined {
  const lead = cues.find((c) => c.status !== 'generic');
  const clause = lead ? clauseAt(clauses, lead.start) : undefined;
  if (!lead || !clause || isNegated(clause) || disputed || NEGOTIATION.test(clause.text)) return undefined;
  return { status: lead.status, confidence: confidenceFor(sentence, clauses, clause, ctx.pack) };
}

function crewClaims(sentence: string, clauses: Clause[], ctx: Context, season: SeasonScope): Draft[] {
  if (season !== 'tracked') return [];
  const people = withPronouns(sentence, findPeople(sentence, ctx.pack)).filter((p) => !p.known || ctx.pack.people.find((x) => x.name === p.canonical)?.roles.includes('crew'));
  // "the webtoon written by …" names the source's author.
  const cues = CREW_CUES.flatMap(({ role, re }) => matches(re, sentence).map((c) => ({ ...c, role }))).filter((c) => !(c.role === 'writer' && SOURCE_WORK_BEFORE.test(sentence.slice(0, c.start))));
  const out: Draft[] = [];
  // "Directed by Lee and written by Chun." with no word of the new season: the show's credits.
  if (CREDIT_LINE.test(sentence.trim()) && !hasTrackedMarker(sentence, ctx.pack) && !/\b(?:return\w*|back|again|will|new\s+season)\b/i.test(sentence)) return out;
  const asides = withoutRelativeClauses(sentence);
  // "Lee Jae-kyu (…) and Kim Nam-soo are sharing directing duties": names in one list share a cue.
  const lists = nameLists(sentence, people);
  for (const person of people) {
    // "Chun Sung-il, who adapted Joo Dong-geun's webtoon, will pen the scripts": someone named
    // inside a relative clause is not who takes the job.
    if (asides.slice(person.span.start, person.span.end).trim() === '' && !/^\s*,?\s*(?:who|whom)\b/i.test(sentence.slice(Math.max(0, person.span.start - 6), person.span.start))) continue;
    // "the webcomic Now at Our School by Joo Dong-geun" names the source's author.
    if (SOURCE_AUTHOR_BEFORE.test(sentence.slice(0, person.span.start))) continue;
    const personClause = clauseAt(clauses, person.span.start);
    const pool = cues.filter((c) => clauseAt(clauses, c.start) === personClause);
    // A clause of its own ("Chun, who wrote season 1, is said to be writing season 2") is tried
    // nearest first: the past credit fails and the new one counts.
    // "Writer Chun Sung-II, who scripted the first season, is returning to write the second": a
    // title alone in its clause hands over to the job named after the aside.
    const titleOnly = pool.length > 0 && pool.every((c) => CREW_TITLE.test(c.m[0])) && (personClause?.text.trim().length ?? 0) <= person.span.end - person.span.start + 12;
    // …but not to the title of the next person ("…, and director Lee JQ is set to …").
    const titleOfAnother = (c: { end: number }): boolean => people.some((p) => p !== person && /^\s*,?\s*$/.test(sentence.slice(c.end, p.span.start)));
    const later = titleOnly ? cues.filter((c) => c.start > person.span.end && asides.slice(c.start, c.end).trim() !== '' && c.start - person.span.end < 160 && !titleOfAnother(c)) : [];
    // "A and B are back behind the camera and C again wrote the scripts": a cue before the person
    // that closes other people's statement ("… and C") is theirs; C's own follows C.
    const othersCue = (c: { start: number; end: number }): number =>
      c.end <= person.span.start && /^[\s,]*and\s+$/i.test(sentence.slice(c.end, person.span.start)) && people.some((p) => p.span.end <= c.start && !sameList(lists, p, person)) ? 200 : 0;
    const candidates = (later.length ? later : pool.length ? pool : cues.filter((c) => distance(c, person.span) < 80))
      .filter((c) => !person.pronoun || c.start >= person.span.end)
      .sort((a, b) => distance(a, person.span) + othersCue(a) - distance(b, person.span) - othersCue(b));
    let pastRole: string | undefined;
    for (const cue of candidates) {
      const clause = clauseAt(clauses, cue.start);
      if (!clause) continue;
      const text = sentence.slice(clause.start, clause.end);
      // After a past credit ("was directed by Lee, from a script written by Chun who returns to
      // write season 2") only a later cue for the same job can still give the person the new season.
      if (pastRole && cue.role !== pastRole) continue;
      // "…, starring Park Bo-young, is out today; he is still set to direct …": a cue in another
      // clause that names its own subject before it is that subject's.
      if (clause !== personClause && people.some((p) => p.canonical !== person.canonical && lists.get(p)?.start !== lists.get(person)?.start && p.span.start >= clause.start && p.span.start < cue.start)) continue;
      const around = sentence.slice(Math.max(0, cue.start - 25), Math.min(clause.end, cue.end + 30));
      if (PAST_CREDIT.test(around) || PAST_CREDIT_COORDINATED.test(sentence.slice(clause.start, cue.start))) {
        pastRole = cue.role;
        continue;
      }
      if (isNegated(clause) || IRREALIS.test(text.trim())) continue;
      if (hasEarlierMarker(text, ctx.pack) && !/\b(?:return|back|again|helm|will)\b/i.test(text)) continue;
      // "director Lee Jae-kyoo shared his thoughts": a title, unless the clause gives him the job.
      const title = CREW_TITLE.test(cue.m[0]) && /^\s*,?\s*$/.test(sentence.slice(cue.end, person.span.start));
      // "…, reassured fans that the series will return": a return of the show, not a job for him.
      const assignment = (sentence.slice(person.span.end, clause.end).split(/\bthat\s+(?:the|this|its?|a|an)\b/i)[0] ?? '');
      // "Season 2 goes beyond the webtoon, so its writer, Chun Sung-il, …": a title the season
      // named before it owns gives the job, whatever the person goes on to do. ("All of Us Are
      // Dead director Lee JQ" is the show's director of the season that is out.)
      const lead = sentence.slice(Math.max(0, cue.start - 60), cue.start);
      const ownedTitle = cue.end <= person.span.start && OWNED_TITLE_LEAD.test(lead) && hasTrackedMarker(sentence.slice(0, cue.start), ctx.pack);
      if (title && !ownedTitle && !CREW_ASSIGNMENT.test(assignment)) break;
      if (ownerOf(sentence, clause, cue.start, ctx.pack, false) === 'other') break;
      out.push({ kind: 'crew', subject: person.canonical, value: cue.role, rule: `crew-cue:${cue.role}`, confidence: confidenceFor(sentence, clauses, clause, ctx.pack) });
      break;
    }
    // "… written by Chun Sung-il, who comes back to write season 2": the credit in the person's own
    // clause was the past; the same job taken up again just after it is the new season's.
    if (pastRole && pool.length && !out.some((d) => d.subject === person.canonical)) {
      const later = cues.find((c) => c.role === pastRole && !pool.includes(c) && c.start > person.span.end && c.start - person.span.end < 80 && !PAST_CREDIT.test(sentence.slice(Math.max(0, c.start - 25), c.end + 30)));
      const clause = later ? clauseAt(clauses, later.start) : undefined;
      if (later && clause && !isNegated(clause) && !IRREALIS.test(clause.text.trim())) out.push({ kind: 'crew', subject: person.canonical, value: later.role, rule: `crew-cue:${later.role}`, confidence: confidenceFor(sentence, clauses, clause, ctx.pack) });
    }
  }
  return out;
}

const EXCEPTION_LEAD = /\b(?:but\s+not|except(?:\s+for)?|other\s+than|excluding|apart\s+from|not\s+including|save\s+for)\s+(?:[\w'’-]+\s+){0,8}?$/i;

function excludesThisShow(sentence: string, pack: ShowPack): boolean {
  const ours = showRefs(sentence, pack).filter((r) => r.ours);
  return ours.length > 0 && ours.every((r) => EXCEPTION_LEAD.test(sentence.slice(Math.max(0, r.start - 80), r.start)));
}

const OWNED_TITLE_LEAD = /\b(?:its|the\s+(?:season|series|sequel|show|drama)['’]s|season\s*(?:2|two)['’]s|(?:the\s+)?second\s+season['’]s)\s+(?:co-?|head\s+|lead\s+)?$/i;

function sentenceClaims(written: string, ctx: Context): { drafts: Draft[]; castCue?: { status: CastCueStatus; confidence: Confidence } } {
  // Korean sentences are read with the Korean lexicons (src/facts/ko/), under the same rules.
  if (isKorean(written)) return { drafts: koreanSentenceClaims(written, ctx) };
  if (isQuestion(written)) return { drafts: [] };
  // A tracker's table row says "new" in a status column where prose would say "joins".
  const rows = labelledCells(written) && effectiveSeason(written, ctx) === 'tracked' ? rowCastClaims(written, ctx.pack) : [];
  // Most sentences of an article hold no cue of any kind: one pass over the words says so.
  if (!mayHoldClaim(written, ctx)) return { drafts: rows };
  const sentence = maskOtherShowAsides(written, ctx.pack);
  const clauses = splitClauses(sentence);
  const season = effectiveSeason(sentence, ctx);
  const cast = castClaims(sentence, clauses, ctx, season);
  const asideFree = seasonOf(withoutRelativeClauses(sentence), ctx.pack);
  const crewSeason = asideFree === 'unknown' ? ctx.articleSeason : asideFree;
  // "A dozen titles arrive this month, but not the second season of …": the show is the exception.
  if (excludesThisShow(sentence, ctx.pack)) return { drafts: rows };
  const drafts = [
    ...rows,
    ...renewalClaims(sentence, clauses, ctx),
    ...productionClaims(sentence, clauses, ctx, season),
    ...releaseClaims(sentence, clauses, ctx, season),
    ...episodeClaims(sentence, clauses, ctx, season),
    ...platformClaims(sentence, clauses, ctx, season),
    ...cast.drafts,
    // "Lee Jae-kyoo, who helmed the first season, and Kim Nam-su share directing": a crew credit's
    // relative clause tells the person's past, not the sentence's season.
    ...crewClaims(sentence, clauses, ctx, crewSeason),
  ];
  return cast.cue ? { drafts, castCue: cast.cue } : { drafts };
}

/** Every English cue the claim rules start from, per pack. */
const anyCue = new WeakMap<ShowPack, readonly RegExp[]>();

function cuePatterns(pack: ShowPack): readonly RegExp[] {
  let cues = anyCue.get(pack);
  if (!cues) {
    cues = [RELEASE_CUE, EPISODE_CUE, PLATFORM_CUE, PLATFORM_HOME(pack.platform), CANCEL_CUE, renewalCue(pack.season), ...PRODUCTION_ROWS.map((r) => r.re), ...CAST_CUES.map((c) => c.re), ...CREW_CUES.map((c) => c.re)];
    anyCue.set(pack, cues);
  }
  return cues;
}

/**
 * Whether any rule could take a claim from the sentence: a cue word, a role of this show ("as
 * Han Du-seok"), or a list that takes the cue of the sentence before ("These include …"). Each
 * cue is looked for on its own through the table the rules read, so a cue found here is not looked
 * for again; one pattern joining them all was slower than its parts and its answer was lost.
 */
function mayHoldClaim(sentence: string, ctx: Context): boolean {
  return cuePatterns(ctx.pack).some((re) => (re.global ? matches(re, sentence).length > 0 : re.test(sentence))) || TAKES_PREVIOUS_CUE.test(sentence.trim()) || findCharacters(sentence, ctx.pack).length > 0;
}

/** The season an article is about: its headline's markers first, then its body's. */
export function articleSeason(item: FeedItem, pack: ShowPack): SeasonScope {
  const fromTitle = seasonOf(item.title, pack);
  if (fromTitle !== 'unknown') return fromTitle;
  if (hasTrackedMarker(item.text, pack)) return 'tracked';
  const fromText = seasonOf(item.text, pack);
  return fromText === 'unknown' && speaksOfComingSeason(item, pack) ? 'tracked' : fromText;
}

/**
 * "The students of All of Us Are Dead return on January 29, 2027": with no season named, a show
 * whose earlier seasons are out and which is dated ahead of the article can only be the coming one.
 */
export function speaksOfComingSeason(item: FeedItem, pack: ShowPack): boolean {
  const lastEarlier = Math.max(0, ...pack.earlierSeasons.map((s) => s.year));
  const clock = clockOf(item.published, item.utcOffsetMinutes);
  const today = dayOf(clock);
  const earlierCast = new Set(pack.people.filter((p) => p.seasons.some((n) => n < pack.season)).map((p) => p.name));
  return [item.title, ...splitSentences(item.text)].some((s) => {
    if (titleMentions(s, pack).length === 0 || hasEarlierMarker(s, pack)) return false;
    // "Park Ji-hu is the actress returning as On-jo in All of Us Are Dead": an earlier season's
    // actor returning can only return to the coming one.
    const returning = CAST_CUES.some((c) => c.status === 'returning' && matches(c.re, s).length > 0) && findPeople(s, pack).some((p) => earlierCast.has(p.canonical));
    if (returning) return true;
    if (!matches(RELEASE_CUE, s).length) return false;
    return findDates(s, clock, 'future').some((d) => Number(d.value.slice(0, 4)) > lastEarlier && latestDayOf(d.value) >= today);
  });
}

/**
 * How far a headline is believed. Over a body that does not state the fact, a headline's claim is
 * at most a rumour (headlines oversell what the article says). With no body at all — a news-search
 * item is a headline and an outlet — the headline is the outlet's report, and is taken as such.
 * Either way it is official only when it puts the fact in Netflix's mouth.
 */
function capHeadline(d: Draft, headline: string, hasBody: boolean, pack: ShowPack): Draft {
  const official = speakerLexicon(pack).official.test(headline);
  if (official && d.confidence === 'official' && /\b(?:confirm|announce|reveal|unveil|set|date|order|renew|greenl|picks?\s+up)|공식|발표|확정/i.test(headline)) return d;
  const cap = hasBody ? 'rumor' : 'reported';
  return confidenceRank(d.confidence) > confidenceRank(cap) ? { ...d, confidence: cap } : d;
}

/**
 * Shorter than this, the "body" is a byline or a teaser, not an article that could state the fact.
 * Hangul packs a syllable into one character, so Korean text says as much in about half as many.
 */
function hasBody(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length >= (isKorean(trimmed) ? 40 : 80);
}

const keyOf = (d: Draft): string => `${d.kind}|${d.subject ?? ''}|${d.value}`;

/** Claims an article makes about the tracked season; call it for relevant items only. */
export function extractClaims(item: FeedItem, pack: ShowPack): Claim[] {
  const clock = clockOf(item.published, item.utcOffsetMinutes);
  const season = articleSeason(item, pack);
  const base: Omit<Evidence, 'sentence'> = { itemUrl: item.link ?? item.id, title: item.title };
  if (item.published) base.published = item.published;
  if (item.outlet) base.outlet = item.outlet;

  const best = new Map<string, Claim>();
  const lastMention = new Map<string, number>();
  let mentions = 0;
  const consider = (d: Draft, sentence: string): void => {
    const claim: Claim = { ...d, speaker: d.speaker ?? speakerOf(d, sentence, pack), evidence: { ...base, sentence } };
    lastMention.set(keyOf(d), mentions++);
    const prev = best.get(keyOf(d));
    const better = !prev || confidenceRank(d.confidence) > confidenceRank(prev.confidence) || (d.confidence === prev.confidence && ((d.date && !prev.date) || (d.character && !prev.character)));
    // "크랭크업했다" in one sentence, "전날 … 크랭크업했다" in the next: the article's day for the fact
    // stays with it, whichever wording is kept.
    const kept = better ? claim : prev;
    const dated = better ? prev : claim;
    if (kept && !kept.date && dated?.date) kept.date = dated.date;
    if (better) best.set(keyOf(d), claim);
  };

  // An article headlined about another show speaks of that show wherever it does not name this one.
  // "Squid Game's Nam-gyu is joining …" names the other show only to say who someone is.
  const topics = otherShowMentions(item.title, pack).filter((r) => !/^['’][sS]?\s+\p{Lu}/u.test(item.title.slice(r.end)));
  // A roundup headlined on other shows still gives this show its own paragraphs (read below).
  // A roundup ("TV News Roundup: 'All of Us Are Dead' Season 2 Dated, 'Ridgeback' Renewed, and
  // More") gives each show a paragraph; one that does not name this show is another show's item,
  // unless it goes on from a paragraph that did and names no other show.
  const roundup = isRoundup(item.title);
  const otherTopic = (topics.length > 0 || quotesAnotherTitle(item.title, pack)) && titleMentions(item.title, pack).length === 0 && !roundup;
  const paragraphs = currentVersion(item.text).split(/\n+/).map((line) => withoutOtherShowCells(latestValues(line), pack)).map((p) => (isKorean(p) ? splitKoreanSentences(p) : splitSentences(p))).filter((p) => p.length > 0);
  // Whether an announcement lends the article its authority, worked out when a claim could use it.
  let authorityRead: ReturnType<typeof officialAuthority> | undefined;
  const authority = (): ReturnType<typeof officialAuthority> => (authorityRead ??= officialAuthority(paragraphs, clock, pack));
  // A press release's boilerplate, looked for only once a claim could use it.
  const issuedRelease = once(() => hasIssuerBoilerplate(paragraphs.flat(), pack) && authority().issued);
  const crowded = datesOtherShows(item.text, pack);
  let previousCast: Context['previousCast'];
  let previousPerson: PersonMention | undefined;
  let previousAboutOther = false;
  let previous: Array<{ draft: Draft; sentence: string }> = [];
  // Whether the sentence before spoke for the platform, asked only when a pronoun needs it.
  let previousOfficial: () => boolean = () => false;
  let first = true;
  const entries = numberedEntries(pack);
  const upheld = VERDICT_TRUE.test(item.text);
  // The other shows a roundup's headline names in quotes ("'The Ninth Floor' Trailer") are known titles for its body.
  const headlineTitles = roundup ? quotedTitles(item.title).filter((t) => titleMentions(t, pack).length === 0) : [];
  let ourParagraph = false;
  let listNamedBefore = false;
  const paragraphNamesOther = (paragraph: readonly string[]): boolean => paragraph.some((s) => showRefs(s, pack).some((r) => !r.ours) || unknownTitles(s, pack).length > 0 || headlineTitles.some((t) => s.includes(t)));
  // A digest of this show's own news ("Weekly Megathread Digest: Season 2 is real") has no one else's paragraphs to set apart.
  const othersInRoundup = once(() => paragraphs.some(paragraphNamesOther));
  // "Season one in numbers", "Season one, quickly": a subheading that names an earlier season or
  // another show heads a section about it, up to the next subheading.
  let sectionElsewhere = false;
  paragraphs.forEach((paragraph, index) => {
    const heading = paragraph.length === 1 ? subheading(paragraph[0] ?? '', pack) : undefined;
    if (heading !== undefined) sectionElsewhere = (hasEarlierMarker(heading, pack) && !hasTrackedMarker(heading, pack)) || (otherShowMentions(heading, pack).length > 0 && titleMentions(heading, pack).length === 0);
    if (sectionElsewhere) return;
    // "Kingdom. Both seasons, six episodes apiece …": a paragraph headed by another show's title
    // alone is that show's entry in a list.
    const headedByOther = paragraph.length > 1 && isBareOtherTitle(paragraph[0] ?? '', pack);
    if (roundup && othersInRoundup()) {
      const namesUs = paragraph.some((s) => titleMentions(s, pack).length > 0);
      const namesOther = paragraphNamesOther(paragraph);
      // "NEW FACES That second season, currently in post-production, …" goes on about the show before it.
      const goesOn = ROUNDUP_ANAPHOR.test(paragraph[0] ?? '');
      ourParagraph = namesUs || (ourParagraph && (goesOn || !namesOther));
      if (!ourParagraph) return;
    }
    for (const [at, sentence] of paragraph.entries()) {
      const read = first ? stripLead(sentence) : sentence;
      first = false;
      const namesUs = titleMentions(read, pack).length > 0;
      const inOtherEntry = entries(read) || (headedByOther && !namesUs);
      // "Claim: Netflix dated the season for December. Verdict: False": a fact-check quotes the
      // claim it tests; only a verdict of true lets it stand.
      const retracted = RETRACTED.test(read) || (CHECKED_CLAIM.test(read) && !upheld);
      // "Zombie fans have Sweet Home 3 to look forward to first. The final season arrives on July 19":
      // a sentence that opens on "the season" or "it" right after one about another show is that show's.
      // So is "Lee Jung-jae finishes Gi-hun's story" after "Squid Game's last season is out today":
      // people and roles with no word of this show or its season.
      const aboutOther = previousAboutOther && !namesUs && (ANAPHOR_OPENING.test(read) || (!hasTrackedMarker(read, pack) && findCharacters(read, pack).length === 0 && namesUnknownRole(read, pack)));
      previousAboutOther = !namesUs && showRefs(read, pack).some((r) => !r.ours);
      if (inOtherEntry || aboutOther || retracted || (otherTopic && !namesUs) || labelledForOtherShow(read, pack) || isOtherListEntry(read, pack) || PHOTO_CAPTION.test(read) || isUnknownTitleEntry(read, pack) || asideOnAnotherTitle(read, pack)) {
        previousCast = undefined;
        // "Correction: an earlier version said Lee Min-jae plays Han Du-seok. He plays Yong Ma-ru.":
        // the person a correction is about is the one the next sentence sets right.
        previousPerson = retracted ? castPeople(read, pack)[0] : undefined;
        continue;
      }
      const next = paragraph[at + 1] ?? paragraphs[index + 1]?.[0] ?? '';
      const r = sentenceClaims(read, { pack, clock, articleSeason: season, headline: false, crowded, previousCast, previousPerson, nextTakesCue: TAKES_PREVIOUS_CUE.test(next.trim()) });
      // A sentence that names no one and speaks of "he" or "she" keeps the same person in view.
      previousPerson = castPeople(read, pack)[0] ?? (/\b(?:he|she)\b/i.test(read) ? previousPerson : undefined);
      // "Rumours that Cho Yi-hyun had dropped out are untrue, her agency said": what a denied
      // report says is no claim; only the denier's own official word stands.
      // Korean splits a quoted denial into pieces; the paragraph is the unit there.
      if (deniesAReport(read) || DENIES_PREVIOUS.test(next) || (isKorean(read) && deniesAReport(paragraph.join(' ')))) r.drafts = r.drafts.filter((d) => d.confidence === 'official' && !(d.kind === 'renewal' && d.value === 'cancelled'));
      previousCast = r.castCue;
      // "Season two is a go. Netflix made the announcement Monday": the speaker of the news
      // comes a sentence after the news.
      const vouch = previous.some((p) => p.draft.confidence === 'reported') ? vouchesForPrevious(read, pack) : undefined;
      if (vouch) for (const p of previous) if (p.draft.confidence === 'reported' && (!vouch.kinds || vouch.kinds.has(p.draft.kind))) consider({ ...p.draft, confidence: vouch.confidence }, p.sentence);
      // "Netflix will reveal the trailer on February 18. It also confirmed the season runs ten
      // episodes": the pronoun is the official voice of the sentence before.
      const before = previousOfficial;
      const carried = once(() => PRONOUN_SPEAKER.test(read) && before());
      if (r.drafts.some((d) => d.confidence === 'reported') && carried()) r.drafts = r.drafts.map((d) => (d.confidence === 'reported' ? { ...d, confidence: 'official' } : d));
      // "We sat down with the head of Korean content at Netflix. She said …": an official named
      // by role in one sentence speaks through the pronoun in the next.
      previousOfficial = once(() => isOfficialAnnouncement(read, clock, pack) || carried() || namesOfficialByRole(read, pack) || findAttributions(read, pack).some((a) => a.confidence === 'official'));
      previous = r.drafts.map((draft) => ({ draft, sentence }));
      // An announcement names who is in; an exit beside it is the outlet's own reading.
      // "News1 revisited the cast list that Netflix confirmed last July. Park Ji-hu is back as …":
      // a list the platform named, restated in this sentence or the next, is still its word.
      const namesList = namesOfficialList(read, pack);
      if (namesList || listNamedBefore) r.drafts = r.drafts.map((d) => ((d.kind === 'cast' || d.kind === 'crew') && d.value !== 'exited' && confidenceRank(d.confidence) < confidenceRank('official') && d.confidence !== 'speculation' ? { ...d, confidence: 'official' } : d));
      listNamedBefore = namesList && r.drafts.every((d) => d.kind !== 'cast');
      const liftable = (d: Draft): boolean => LIFTED_KINDS.has(d.kind) && !(d.kind === 'cast' && d.value === 'exited') && d.confidence === 'reported';
      const lifted = r.drafts.some(liftable) && (authority().article || authority().paragraph(index)) && (isKorean(read) ? koIsBareStatement(read, pack) : isBareStatement(read));
      // A press release is the issuer's word on everything it states, release and stage included.
      const issuedKind = (d: Draft): boolean => d.confidence === 'reported' && !(d.kind === 'cast' && d.value === 'exited') && issuedRelease() && (isKorean(read) ? koIsBareStatement(read, pack) : isBareStatement(read));
      for (const d of r.drafts) {
        const lift = (lifted && liftable(d)) || issuedKind(d);
        consider(lift && !authority().withheld.has(d.kind) ? { ...d, confidence: 'official' } : d, sentence);
      }
    }
  });

  const headline = item.title.trim();
  // A fact-check's headline names the claim it tests, not a fact.
  const checksAClaim = !upheld && (/^\s*(?:fact[-\s]?check|\[?팩트\s*체크)/i.test(headline) || paragraphs.some((p) => p.some((s) => CHECKED_CLAIM.test(s))));
  if (headline && !checksAClaim) {
    const said = new Set([...best.values()].map((c) => `${c.kind}|${c.subject ?? ''}`));
    const deniedInBody = paragraphs.some((p) => p.some((x) => deniesAReport(x) || DENIES_PREVIOUS.test(x)) || deniesAReport(p.join(' '))) || deniesAReport(headline);
    // "All of Us Are Dead 2 pushed to 2025? Here's what the delay means": the question asks, the rest tells.
    const asked = headline.split(/(?<=[?？])\s+/).filter((part) => !isQuestion(part)).join(' ');
    // A roundup's headline lists each show's news: only the parts that name this show are its own.
    const told = roundup ? asked.split(/,\s*(?:and\s+)?|:\s+/).filter((part) => titleMentions(part, pack).length > 0).join(', ') : asked;
    // "X gets a March 12 premiere" over "Netflix announced the date on Thursday": the body names who said it.
    const bodyVouch = paragraphs.flat().slice(0, 2).map((x) => vouchesForPrevious(x, pack)).find((v) => v !== undefined);
    for (const d of told ? sentenceClaims(told, { pack, clock, articleSeason: season, headline: true }).drafts : []) {
      // The body's wording decides a fact the body also states; a body that denies a report
      // takes the headline's echo of that report with it.
      if (said.has(`${d.kind}|${d.subject ?? ''}`) || (deniedInBody && d.confidence !== 'official')) continue;
      // "Sequel pushed to 2025" over "Shooting will not start before 2025": the headline's year is the shoot's.
      if (d.kind === 'release' && /^\d{4}$/.test(d.value) && new RegExp(`\\b(?:shoot|shooting|filming|production|cameras)\\b[^.]{0,80}\\b${d.value}\\b`, 'i').test(item.text)) continue;
      const vouched = bodyVouch && (!bodyVouch.kinds || bodyVouch.kinds.has(d.kind)) && d.confidence !== 'speculation';
      consider(vouched ? { ...d, confidence: bodyVouch.confidence } : capHeadline(d, headline, hasBody(item.text), pack), headline);
    }
  }
  // A fan-made or imagined line-up ("imaginary casting", "dream cast") casts nobody.
  const imagined = FAN_CASTING.test(item.title) || FAN_CASTING.test((paragraphs[0] ?? []).join(' '));
  const claims = [...best.values()].filter((c) => !(imagined && c.kind === 'cast'));
  return mostAdvancedStage(oneValuePerFact(claims, lastMention));
}

/**
 * One article gives one answer per fact. Articles tell the background first and the news last —
 * "it was said to be December 2026 … many now expect early 2027 instead" — so among values of
 * equal confidence the one mentioned last is the article's own; a surer value always wins.
 * Production is left to mostAdvancedStage, which keeps the furthest stage instead.
 */
function oneValuePerFact(claims: Claim[], lastMention: ReadonlyMap<string, number>): Claim[] {
  const chosen = new Map<string, Claim>();
  for (const claim of claims) {
    if (claim.kind === 'production') {
      chosen.set(`${claim.kind}|${claim.value}`, claim);
      continue;
    }
    const fact = `${claim.kind}|${claim.subject ?? ''}`;
    const prev = chosen.get(fact);
    const later = (lastMention.get(keyOf(claim)) ?? 0) > (prev ? (lastMention.get(keyOf(prev)) ?? 0) : -1);
    const rankDiff = prev ? confidenceRank(claim.confidence) - confidenceRank(prev.confidence) : 1;
    if (rankDiff > 0 || (rankDiff === 0 && later)) chosen.set(fact, claim);
  }
  return [...chosen.values()];
}

/**
 * An article's production news is the furthest stage it reports, plus a wrap told beside a
 * later stage (the wrap is an event of its own). "Filming began with a script reading" is
 * filming, and a wrap story's "cameras first rolled in July" is no news.
 */
function mostAdvancedStage(claims: Claim[]): Claim[] {
  const stage = (c: Claim): number => (PRODUCTION_STAGES as readonly string[]).indexOf(c.value);
  const production = claims.filter((c) => c.kind === 'production');
  if (production.length < 2) return claims;
  const top = production.reduce((a, b) => (stage(b) > stage(a) ? b : a));
  // "The shoot concluded on Feb. 19 and the series has since moved into post-production": the
  // dated event is kept beside the stage the article ends on.
  // "With the shoot now complete, editing lies ahead": the wrap is an event in its own right,
  // told beside the stage that followed it.
  // A table read told beside the shoot it began is no stage of its own, dated or not.
  return claims.filter((c) => c.kind !== 'production' || c === top || ((c.value === 'wrapped' || isFreshEvent(c)) && stage(c) >= stage({ value: 'wrapped' } as Claim) && stage(top) > stage(c)));
}

/** An event dated in the two weeks before the article: news, not a look back ("cameras first rolled in July"). */
function isFreshEvent(c: Claim): boolean {
  if (!c.date || c.date.length < 10 || !c.evidence.published) return false;
  const age = Date.parse(c.evidence.published) - Date.parse(c.date);
  return age >= -86_400_000 && age <= 14 * 86_400_000;
}

/**
 * "The Last Ferry, a 10-episode disaster thriller starring Min Ha-jun: Jan. 15": a slate entry for
 * a title the pack does not know, described in apposition. It speaks of that title only.
 */
const APPOSITIVE_TITLE = /^\s*(?:\d{1,2}[.)]\s*)?["“‘']?((?:[A-Z0-9][\w'’:&-]*\s*){1,6})["”’']?,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:drama|series|thriller|romance|comedy|show|spin-?off|film|movie|mystery|reality|documentary|anthology|sequel|procedural|horror|sitcom|variety)\b/;

function isUnknownTitleEntry(sentence: string, pack: ShowPack): boolean {
  const m = APPOSITIVE_TITLE.exec(sentence);
  if (!m) return false;
  const title = m[1] ?? '';
  return titleMentions(title, pack).length === 0 && findPeople(title, pack).every((p) => !p.known) && !speakerLexicon(pack).official.test(title);
}

/**
 * A list or round-up entry labelled with another show ("2. Squid Game: the second season arrives
 * on December 26") is about that show, whatever generic words it uses.
 */
function labelledForOtherShow(sentence: string, pack: ShowPack): boolean {
  const lead = /^\s*(?:\d{1,2}[.)]\s*)?/.exec(sentence)?.[0].length ?? 0;
  // "Night Pharmacy Season 2: February 2027, starring Kang Do-yun": a title the pack does not know labels its line too.
  const first = [...otherShowMentions(sentence, pack), ...unknownTitles(sentence, pack)].sort((a, b) => a.start - b.start)[0];
  if (!first || first.start > lead + 1) return false;
  return /^\s*["”’']?\s*(?:\(\d{4}\))?\s*(?:(?:season|series|part|s)\s*\w+\s*)?(?::|–|—|-\s)/i.test(sentence.slice(first.end));
}

/** A sentence whose whole point is who said the news before it: "Netflix confirmed the news Tuesday". */
const ANAPHORIC_NEWS = /\b(?:made|confirmed|announced|revealed|shared|broke|delivered)\s+(?:the\s+|this\s+|that\s+)?(?:news|announcement|decision|update|date|premiere\s+date|it|this|that|start\s+of\s+(?:production|filming|shooting)|renewal|pickup|casting|line-?up)\b|\bsaid\s+so\b|^\s*(?:the\s+)?(?:news|announcement|confirmation|lineup|line-up)\s+came\s+(?:from|via)\b|^\s*(?:sources?|출처)\s*:|(?:자료|발표|보도자료|공지|설명)(?:에|에서)\s*(?:담긴|나온|따른)\s*내용이다|(?:밝힌|발표한|전한)\s*내용이다/i;

/** "the head of Korean content at Netflix", "a spokesperson for the studio": an official named by role. */
function namesOfficialByRole(sentence: string, pack: ShowPack): boolean {
  const role = /\b(?:head|chief|executive|spokes(?:person|woman|man)|representative|vice\s+president|president|officer|boss)\b[^.]{0,40}?\b(?:at|of|for|from)\s+/i.exec(sentence);
  return !!role && speakerLexicon(pack).official.test(sentence.slice(role.index + role[0].length, role.index + role[0].length + 40));
}

/**
 * A live-updated article keeps its earlier versions below the newest one, each under its old date
 * ("Update of June 24, 2025", "Original story (May 14)"). What those say was news then: read only
 * the article above the first of them.
 */
const EARLIER_VERSION = /(?:^|\n|[.!?]\s+)(?:(?:an?\s+)?earlier\s+update|update\s+(?:of|from)\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})|original\s+(?:story|article|post)\s*(?:\([^)]{1,30}\))?\s*:)/i;

function currentVersion(text: string): string {
  const m = EARLIER_VERSION.exec(text);
  return m && m.index > 0 ? text.slice(0, m.index + (m[0].match(/^[.!?]/) ? 1 : 0)) : text;
}

/** Whether two people were named in one list ("A, B and C"). */
function sameList(lists: ReadonlyMap<PersonMention, { start: number }>, a: PersonMention, b: PersonMention): boolean {
  const la = lists.get(a);
  return la !== undefined && la.start === lists.get(b)?.start;
}

/** A question answered at most once, and only if someone asks it. */
function once(answer: () => boolean): () => boolean {
  let known: boolean | undefined;
  return () => (known ??= answer());
}

/** The pack's cast members a sentence names, in order. */
function castPeople(sentence: string, pack: ShowPack): PersonMention[] {
  return findPeople(sentence, pack).filter((p) => p.known && pack.people.find((x) => x.name === p.canonical)?.roles.includes('cast'));
}

/** A sentence that opens by pointing back at a show: "The final season arrives …", "It drops …". */
/**
 * A romanised given name standing alone ("Gi-hun's story", "as the twitchy Nam-kyu") that is
 * neither a person in the sentence nor one of this show's roles: another show's character.
 */
function namesUnknownRole(sentence: string, pack: ShowPack): boolean {
  const people = findPeople(sentence, pack);
  if (people.length === 0) return false;
  return matchAll(/\b[A-Z][a-z]{1,5}-[a-z]{2,5}\b/g, sentence).some((m) => !people.some((p) => m.index >= p.span.start && m.index < p.span.end));
}

/** Up to six capitalised words in a row: a title, or a name, opening a sentence. */
const CAPITALISED_WORDS = String.raw`(?:[A-Z][\w'\u2019:-]*\s+){0,5}[A-Z][\w'\u2019:-]*`;
const TITLE_THEN_DESCRIPTION = new RegExp(String.raw`^\s*(${CAPITALISED_WORDS}),\s+(?:an?|the)\s+[^,]{3,140},`);

/**
 * "Bell After Dark, an eight-part Disney+ school horror with newcomer Jang Ha-eun, premieres …": the
 * description set after a title that opens the sentence is that title's, when the title is not
 * this show's and not a person. Returns where the description ends, or -1.
 */
function otherTitleAppositiveEnd(sentence: string, pack: ShowPack): number {
  const m = TITLE_THEN_DESCRIPTION.exec(sentence);
  if (!m?.[1] || titleMentions(m[1], pack).length > 0 || findPeople(m[1], pack).length > 0) return -1;
  return m[0].length;
}

/** A sentence opening on a title of two words or more as its subject: "Extraordinary Attorney Woo, with …, premieres". */
const TITLE_SUBJECT = new RegExp(String.raw`^\s*[A-Z][\w'\u2019:-]*\s+${CAPITALISED_WORDS}(?=,|\s+(?:premieres|returns|arrives|drops|lands|debuts|streams|opens))`);

const ANAPHOR_OPENING = /^\s*(?:the\s+(?:(?:final|last|third|fourth|new|latest|next)\s+)?(?:season|instal?lment|chapter|part)|it|its)\b/i;

const PRONOUN_SPEAKER = /,\s*["”]?\s*(?:it|they|she|he|the\s+(?:agency|streamer|company|studio))\s+(?:also\s+|further\s+|later\s+)?(?:said|added|noted|stated|confirmed|explained)\.?["”]?\s*$|^\s*(?:it|they|she|he|the\s+(?:streamer|company|platform|studio|spokes(?:person|woman|man)|representative|executive|official))\s+(?:also\s+|further\s+|later\s+|then\s+|has\s+also\s+|have\s+also\s+|did\s+|did\s+also\s+)?(?:said|says|say|confirmed|confirms|confirm|announced|announces|revealed|reveals|added|adds|noted|stated|shared|told|slotted|slots|dated|dates|set|sets|scheduled|listed|lists|placed|places|put|puts|named|names|pencilled|penciled)\b/i;

/** A sentence that is nothing but another show's title ("Kingdom.", "Hellbound season two."). */
function isBareOtherTitle(sentence: string, pack: ShowPack): boolean {
  const refs = showRefs(sentence, pack).filter((r) => !r.ours);
  const rest = blankSpans(sentence, refs);
  return refs.length > 0 && titleMentions(sentence, pack).length === 0 && /^[\s\d.)*•#:-]*(?:season\s+\w+)?[\s.!:]*$/i.test(rest);
}

function vouchesForPrevious(sentence: string, pack: ShowPack): { confidence: Confidence; kinds?: ReadonlySet<Claim['kind']> } | undefined {
  const news = ANAPHORIC_NEWS.exec(sentence);
  if (!news || NOT_CONFIRMED.test(sentence) || NEGATION.test(sentence.slice(0, news.index))) return undefined;
  // "The news came from Netflix Korea", "Source: Netflix Korea's press note": the speaker follows.
  const where = /came\s+(?:from|via)|^\s*(?:sources?|출처)\s*:/i.test(news[0]) ? sentence.slice(news.index) : sentence.slice(0, news.index);
  if (!speakerLexicon(pack).official.test(where)) return undefined;
  // "Netflix, which confirmed the renewal on Monday, has said nothing about who will make it":
  // news named by its kind vouches for that kind only.
  const named = Object.entries(NEWS_OF_A_KIND).find(([, re]) => re.test(news[0]))?.[0];
  return named ? { confidence: 'official', kinds: new Set([named as Claim['kind']]) } : { confidence: 'official' };
}

/** The news a sentence points back at, where its noun says which fact it is. */
const NEWS_OF_A_KIND: Partial<Record<Claim['kind'], RegExp>> = {
  renewal: /\b(?:renewal|pickup)\b/i,
  cast: /\b(?:casting|line-?up)\b/i,
  production: /\bstart\s+of\s+(?:production|filming|shooting)\b/i,
  release: /\bdate\b/i,
};

/**
 * A release calendar's entry line: "Fri, June 27 — Squid Game, season 3 (Netflix)", "March 2026 —
 * Glass Orchard", "Second half of 2026 — Red Snow Valley". The label is a day, a month or a
 * window, then a dash and the title.
 */
const DATED_ENTRY = new RegExp(String.raw`^\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:${MONTH_WORD}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}\s+${MONTH_WORD}(?:\s+\d{4})?|${MONTH_WORD}\s+\d{4}|(?:first|second)\s+half\s+(?:of\s+)?\d{4}|(?:early|mid|late)[-\s]\d{4}|q[1-4]\s+\d{4})\s+[\u2014\u2013-]\s+\S`, 'i');

/**
 * A numbered round-up ("1. Kingdom. … Both seasons run six episodes. 2. …") or a release
 * calendar (see DATED_ENTRY): everything under an entry headed by another title is that title's,
 * until the next entry or a sentence naming this show. Returns a reader that says, sentence by
 * sentence, whether it sits under such an entry.
 */
function numberedEntries(pack: ShowPack): (sentence: string) => boolean {
  let headerNext = false;
  let underOther = false;
  return (sentence) => {
    const ours = titleMentions(sentence, pack).length > 0;
    if (/^\s*\d{1,2}[.)]\s*$/.test(sentence)) {
      headerNext = true;
      underOther = false;
      return true;
    }
    const numbered = /^\s*\d{1,2}[.)]\s+\S/.test(sentence) || DATED_ENTRY.test(sentence);
    if (headerNext || numbered) {
      headerNext = false;
      underOther = !ours;
      return underOther;
    }
    if (ours) underOther = false;
    return underOther;
  };
}

const REPORTED_CLAIM = /\b(?:reports?|rumou?rs?|claims?|posts?|speculation|talk|whispers|theor(?:y|ies))\s+(?:\w+\s+){0,4}?(?:that|of)\b|\b(?:exit|departure|casting|delay|cancell?ation|dating)\s+(?:rumou?rs?|reports?|claims?|speculation)\b|["“‘']?\bleaked["”’']?\s+(?:[\w-]+\s+){0,2}(?:calendar|schedule|list|document|listing|poster|slate)\b|\b(?:claimed|alleged|alleging|claiming)\b|\bregarding\s+(?:a|the|recent)\s+reports?\b|['‘"“][^'’"”]{2,40}['’"”]\s*(?:rumou?r|report)/i;
const DENIAL = /\b(?:untrue|not\s+true|false|fabricated|fake|baseless|groundless|denied|denies|deny|dismiss(?:ed|es|ing)?|refuted|debunked|shot\s+down|shuts?\s+down|quash(?:es|ed)?|squash(?:es|ed)?|pushed\s+back\s+(?:\w+\s+){0,3}against|(?:has|have|had)\s+not\s+been\s+(?:decided|finali[sz]ed|confirmed|set|fixed)|(?:nothing|no\s+\w+)\s+(?:has|had)\s+(?:yet\s+)?been\s+(?:decided|finali[sz]ed|confirmed|set|fixed))\b/i;
const KO_DENIED_REPORT = /(?:설|보도|루머|소문|주장)(?:['’"”])?\s*(?:에\s*대해|을|를|은|는)[^.]*?(?:선을?\s*그(?:었|어|으며)|부인|사실무근|사실이\s*아니|정해지지\s*않았|확정되지\s*않았|결정되지\s*않았)/;

/** A sentence that reports a claim only to deny it. */
/**
 * "… a leaker's post claiming a December premiere … Netflix Korea told reporters the claim was
 * 'not true'": a sentence that calls the report before it untrue takes that report's claims away.
 */
const DENIES_PREVIOUS = /\b(?:the|that|this|those|these|such)\s+(?:claims?|reports?|rumou?rs?|posts?|leaks?|stor(?:y|ies)|speculation|date)\s+(?:was|were|is|are|had\s+been)\s+(?:["“'‘]\s*)?(?:simply\s+|completely\s+|entirely\s+)?(?:not\s+true|untrue|false|baseless|groundless|fake|wrong|inaccurate|unfounded)|\b(?:denied|dismissed|rejected|debunked|shot\s+down|refuted)\s+(?:the|that|this|those|these|such)\s+(?:claims?|reports?|rumou?rs?|posts?|leaks?|stor(?:y|ies))\b/i;

function deniesAReport(sentence: string): boolean {
  return (REPORTED_CLAIM.test(sentence) && DENIAL.test(sentence)) || KO_DENIED_REPORT.test(sentence);
}

/** The claim a fact-check tests, and a verdict that upholds it. */
const CHECKED_CLAIM = /^\s*(?:(?:the\s+)?(?:claim|rumou?r|myth|viral\s+post|the\s+post)|주장|루머)\s*:/i;
const VERDICT_TRUE = /\bverdict\s*:\s*(?:true|correct|accurate|confirmed)\b|판정\s*:\s*사실(?!\s*(?:아님|무근|이\s*아니))/i;

/**
 * A correction note quotes the mistake it corrects: "An earlier version of this article said Kim
 * Si-eun plays Lee Jong-ah." The quoted version states nothing.
 */
const RETRACTED = /^\s*(?:correction\b[^:]{0,30}:\s*)?(?:(?:an?\s+)?(?:earlier|previous|prior|original)\s+version(?:\s+of\s+this\s+(?:article|story|post|report|piece))?\s+(?:said|stated|reported|claimed|gave|misstated|wrongly|incorrectly)\b|(?:an?\s+)?(?:earlier|previous|prior|original)\s+version\s+of\s+this\s+(?:article|story|post|report|piece)\b|this\s+(?:article|story|post|report|piece)\s+(?:previously|earlier|originally|wrongly|incorrectly|mistakenly)\s+(?:said|stated|reported|claimed)\b)/i;

/**
 * "Meanwhile, Roh Yoon-seo will greet viewers with Netflix's seven-episode series 'Hierarchy',
 * slated for …": an aside about another quoted title, in a sentence that never names this show.
 * It is another show's news when it opens as an aside or dates or describes the quoted title.
 */
function asideOnAnotherTitle(sentence: string, pack: ShowPack): boolean {
  if (titleMentions(sentence, pack).length > 0 || hasTrackedMarker(sentence, pack) || !quotesAnotherTitle(sentence, pack)) return false;
  if (/^\s*(?:meanwhile|separately|elsewhere|in\s+other\s+news|also)\b/i.test(sentence)) return true;
  return /\b(?:series|drama|film|show|thriller|comedy|romance|directing|starring)\s+["“‘']|["”’'],?\s+(?:which\s+(?:is\s+)?)?(?:slated|set|scheduled|premieres?|premiered|airs?|aired|debuts?|released|releases|will\s+(?:air|premiere|debut|be\s+released))\b/i.test(sentence);
}

/** A headline that quotes a title which is not this show's: "Netflix Launches 'Zombieverse'". */
/**
 * A short line with no sentence's end and no list in it: the text of a subheading. A line shaped
 * "label: value" ("Premiere: January 28, 2022") is a fact-box line unless it names a show
 * ("Now shooting: All of Us Are Dead").
 */
function subheading(line: string, pack: ShowPack): string | undefined {
  const text = line.trim();
  // A pairing ("Lee Min-jae → Ma-ru (Weak Hero Class 2)") or a listing with particulars in brackets is no heading.
  if (text.length > 60 || /[.!]["”’')]?$/.test(text) || /[;()→]|->/.test(text) || text.split(/\s+/).length > 8) return undefined;
  if (/\S:\s+\S/.test(text) && showRefs(text, pack).length === 0) return undefined;
  return text;
}

/** "the cast list that Netflix confirmed last July", "four actors whose roles Netflix unveiled": a list the platform named. */
const OFFICIAL_LIST = /\b(?:cast(?:\s+list)?|line-?up|roles|casting|names)\s+(?:that\s+|which\s+)?(?<who>[\p{L}'’ ]{2,30}?)\s+(?:had\s+|has\s+|first\s+|officially\s+)?(?:confirmed|announced|revealed|unveiled|named|released)\b/iu;

function namesOfficialList(sentence: string, pack: ShowPack): boolean {
  const m = OFFICIAL_LIST.exec(sentence);
  // "Seo Ji-hoon's name is nowhere on the cast list Netflix released": absent from the list, not on it.
  return !!m && speakerLexicon(pack).official.test(m.groups?.who ?? '') && !NOT_CONFIRMED.test(sentence) && !/\b(?:nowhere|not|n['’]t|missing|absent|left\s+off|dropped\s+from|without)\b/i.test(sentence.slice(0, m.index));
}

const ROUNDUP_ANAPHOR = /^\s*(?:[A-Z]{2,}(?:\s+[A-Z]{2,})*\s+)?(?:[Tt]hat|[Tt]his|[Tt]he)\s+(?:(?:second|new|same|zombie)\s+)?(?:season|series|show|sequel)\b/;

/** A headline that gathers several shows' news, this one's among them. */
function isRoundup(headline: string): boolean {
  return /\b(?:round-?up|news\s+briefs?|digest)\b|,\s*and\s+more\W*$/i.test(headline);
}

function quotedTitles(headline: string): string[] {
  // An apostrophe inside a word ("GAME'S") opens no quotation.
  return matchAll(/(?<![\p{L}\d])['‘"“](\p{Lu}[^'’"”]{2,60})['’"”](?![\p{L}\d])/gu, headline).map((m) => m[1] ?? '');
}

function quotesAnotherTitle(headline: string, pack: ShowPack): boolean {
  const quoted = quotedTitles(headline);
  return quoted.length > 0 && quoted.every((q) => titleMentions(q, pack).length === 0);
}

/** Kinds an announcement lists: who is in it, who makes it, where it streams, how many episodes. */
const LIFTED_KINDS: ReadonlySet<Claim['kind']> = new Set(['cast', 'crew', 'platform', 'episodes']);

/** Fresh news: no date in the sentence lies more than two weeks before the article. */
function isFresh(sentence: string, clock: ArticleClock): boolean {
  const floor = new Date(Date.UTC(clock.year, clock.month - 1, clock.day - 14)).toISOString().slice(0, 10);
  // "Netflix will reveal the trailer on February 18" speaks of a day ahead, not one long gone.
  const dir = /\b(?:will|is\s+(?:set|going|due)\s+to)\b/i.test(sentence) ? 'future' : 'past';
  return findDates(sentence, clock, dir).every((d) => latestDayOf(d.value) >= floor);
}

/** An article's first sentence without its dateline, English or Korean. */
function stripLead(sentence: string): string {
  return isKorean(sentence) ? stripKoreanDateline(sentence) : stripDateline(sentence);
}

/** Netflix (or an agency) making an announcement in this sentence, not denying one. */
function isOfficialAnnouncement(sentence: string, clock: ArticleClock, pack: ShowPack): boolean {
  // Asked of every sentence by the article's authority and again as it is read.
  return announcementsSeen.get(pack, `${clock.year}-${clock.month}-${clock.day}|${sentence}`, () => readOfficialAnnouncement(sentence, clock, pack));
}

const announcementsSeen = new OwnedMemo<ShowPack, boolean>();

function readOfficialAnnouncement(sentence: string, clock: ArticleClock, pack: ShowPack): boolean {
  if (isKorean(sentence)) return koIsOfficialAnnouncement(sentence, pack);
  const official = clauseConfidence(sentence) === 'official' || findAttributions(sentence, pack).some((a) => a.confidence === 'official' && a.rule !== 'official-voice:subject');
  return official && !NOT_CONFIRMED.test(sentence) && !NEGATION.test(sentence.split(/\bthat\b/i)[0] ?? '') && isFresh(sentence, clock);
}

/**
 * Where an official announcement lends its authority to plain statements around it: the whole
 * article when its lead is the announcement ("Netflix officially announced … The cast: …"),
 * else the paragraph that attributes it. An article that also says nothing is confirmed lends none.
 */
/**
 * "The press release doesn't give an episode count": what the announcement leaves out, the
 * article's other numbers for it are not the announcement's.
 */
const WITHHELD: ReadonlyArray<[RegExp, Claim['kind']]> = [
  [/\b(?:episode\s+count|number\s+of\s+episodes|how\s+many\s+episodes)\b/i, 'episodes'],
  [/\b(?:(?:premiere|release)\s+date|a\s+date|when\s+it\s+(?:premieres|arrives|streams))\b/i, 'release'],
  [/\b(?:cast|line-?up|who\s+(?:is|are)\s+in\s+it)\b/i, 'cast'],
];
const LEAVES_OUT = /\b(?:does(?:n['’]t|\s+not)|did(?:n['’]t|\s+not)|has(?:n['’]t|\s+not)|gives?\s+no|without\s+(?:an?|any))\s+(?:yet\s+)?(?:give|include|mention|list|say|reveal|confirm|name|state|an?\b|any\b)?/i;

function withheldKinds(sentences: readonly string[]): Set<Claim['kind']> {
  const out = new Set<Claim['kind']>();
  for (const s of sentences) {
    if (!LEAVES_OUT.test(s)) continue;
    for (const [re, kind] of WITHHELD) if (re.test(s)) out.add(kind);
  }
  return out;
}

function hasIssuerBoilerplate(sentences: readonly string[], pack: ShowPack): boolean {
  return sentences.some((s) => s.length < 120 && /^\s*(?:about\s+|(?:media|press)\s+(?:contacts?|inquiries|enquiries)\s*:)/i.test(s) && speakerLexicon(pack).official.test(s));
}

function officialAuthority(paragraphs: string[][], clock: ArticleClock, pack: ShowPack): { article: boolean; issued: boolean; withheld: ReadonlySet<Claim['kind']>; paragraph: (index: number) => boolean } {
  const none = { article: false, issued: false, withheld: new Set<Claim['kind']>(), paragraph: () => false };
  const all = paragraphs.flat();
  if (all.some((s) => NOT_CONFIRMED.test(s) && !/\b(?:release|premiere|date|window|schedule|timing|when)\b/i.test(s))) return none;
  if (all.some((s) => isKorean(s) && KO_UNDECIDED.test(s) && !/공개|방영|일정|시기|시점|날짜|편성/.test(s))) return none;
  // The lead: the article's opening two sentences. Web copy and feeds often give the first
  // sentence (or the summary) a paragraph of its own and put who announced it in the next one
  // ("Cameras are rolling on season 2. ¶ Netflix confirmed the news Tuesday …").
  const first = paragraphs[0] ?? [];
  const lead = (first.length === 1 ? [...first, ...(paragraphs[1] ?? []).slice(0, 1)] : first.slice(0, 2)).map((s, i) => (i === 0 ? stripLead(s) : s));
  // A fact sheet signed off "SOURCE: Netflix." rests, all of it, on that source.
  const signed = all.some((s) => /^\s*(?:source|sources|via)\s*:/i.test(s) && speakerLexicon(pack).official.test(s) && s.length < 80);
  // A press release ends on its issuer's boilerplate ("About Netflix", "Media contact: Netflix
  // Korea Communications"): everything above it is the issuer's word.
  const issued = hasIssuerBoilerplate(all, pack);
  const article = signed || issued || lead.some((s) => isOfficialAnnouncement(s, clock, pack) || vouchesForPrevious(s, pack)?.confidence === 'official');
  // Asked only of a paragraph that has a claim to lift: most paragraphs never need the answer.
  const asked = new Map<number, boolean>();
  const paragraph = (index: number): boolean => {
    let lends = asked.get(index);
    if (lends === undefined) asked.set(index, (lends = (paragraphs[index] ?? []).some((s) => isOfficialAnnouncement(s, clock, pack))));
    return lends;
  };
  return { article, issued, withheld: withheldKinds(all), paragraph };
}

/**
 * Who vouches for a claim, for people reading `check`: the attribution in its sentence that gives
 * the claim its confidence, else the outlet itself or the hedge it wrote.
 */
function speakerOf(d: Draft, sentence: string, pack: ShowPack): string {
  const found = findAttributions(sentence, pack).find((a) => a.confidence === d.confidence);
  if (found) return found.speaker.replace(/^[,\s]+/, '').trim();
  if (d.confidence === 'reported') return 'the outlet';
  if (d.confidence === 'official') return 'an official statement';
  return d.confidence === 'rumor' ? 'an unattributed report' : "the writer's guess";
}

/** One line for the command line: `release 2027-H1 (speculation) — "sentence" [rule; speaker]`. */
export function describeClaim(claim: Claim): string {
  const who = claim.subject ? ` ${claim.subject}` : '';
  const role = claim.character ? ` as ${claim.character}` : '';
  const when = claim.date ? ` on ${claim.date}` : '';
  const why = claim.rule || claim.speaker ? ` [rule ${claim.rule ?? 'unnamed'}; said by ${claim.speaker ?? 'the outlet'}]` : '';
  return `${claim.kind}${who} ${claim.value}${role}${when} (${claim.confidence}) — "${claim.evidence.sentence}"${why}`;
}
