/**
 * Who says each thing in a sentence. News prose puts the speaker anywhere: in front as a frame
 * ("Netflix said on Tuesday that …", "In its letter to shareholders, Netflix named …"), behind as
 * a tail (", Netflix said on Wednesday."), as the subject of the act itself ("Netflix will
 * premiere …"), through a document it owns ("Netflix's Tudum page lists …"), or in a passive ("It
 * was confirmed by Netflix"). Each finding records the rule that made it, how sure the speaker
 * is, and which part of the sentence it speaks for, so confidence is decided by who speaks and
 * not by which words happen to sit in the same clause.
 *
 * The speakers themselves are data: the show pack names the official ones (the platform, its
 * brands, the studio), and the tables below hold the generic kinds of source every outlet uses.
 */
import type { ShowPack } from './show-pack-schema.ts';
import type { Confidence } from './types.ts';
import { OwnedMemo } from './memo.ts';
import { findCharacters } from './names.ts';
import { titleMentions } from './scope.ts';
import { matchAll } from './match-all.ts';

export interface Attribution {
  rule: string;
  /** What the speaker's word is worth. */
  confidence: Confidence;
  /** Who, as written ("Netflix's Tudum page", "two people familiar with the schedule"). */
  speaker: string;
  start: number;
  end: number;
  /** The part of the sentence the speaker vouches for. */
  governs: { start: number; end: number };
}

interface SpeakerRow {
  rule: string;
  confidence: Confidence;
  /** A regular-expression source for the speaker phrase. */
  pattern: string;
  /** Names are told from common words by their capitals. */
  caseSensitive?: boolean;
}

/**
 * A named outlet or person reporting ("StarNews reported", "the Korean outlet OSEN says"): the
 * outlet's word. Capitalised words only, so "the report said" is no outlet.
 */
const NAMED_SOURCE = "(?:the\\s+(?:Korean\\s+|local\\s+|entertainment\\s+)?(?:outlet|newspaper|daily|portal|site|magazine|trade|publication|tabloid)\\s+)?(?!(?:The|This|That|These|Those|It|Its|They|Their|He|His|She|Her|We|Our|I|My|You|Your|A|An|But|And|In|On|At|As|If|So|Meanwhile|However|Season|Filming|Production)\\b)[A-Z][\\w'’.&-]*(?:\\s+(?:of\\s+)?[A-Z][\\w'’.&-]*){0,3}";

/** Generic official voices: any show's platform, studio or agency, however the outlet names it. */
const OFFICIAL_GENERIC = [
  "the\\s+streaming\\s+(?:giant|service|platform)(?:['’]s\\s+(?:local|Korean|Korea|regional)\\s+(?:unit|arm|branch|office|division))?",
  "the\\s+streamer['’]s\\s+(?:local|Korean|Korea|regional)\\s+(?:unit|arm|branch|office|division)",
  'the\\s+(?:studio|platform|production\\s+company|broadcaster|network)',
  "(?:the|his|her|their|its|the\\s+actor['’]s|the\\s+actress['’]s)\\s+(?:management\\s+)?agency",
  // "Cho Yi-hyun's management agency", "Roh Jae-won's agency": a named actor's agency.
  // The name keeps its capitals even though the row ignores case.
  // "Roh Yoon-seo's agency MAA confirmed …": the agency's own name may follow.
  "(?-i:[A-Z][\\w-]+(?:\\s+[A-Z][\\w-]+){0,2})['’]s\\s+(?:management\\s+)?agency(?:,?\\s+(?-i:[A-Z][\\w&-]*(?:\\s+[A-Z][\\w&-]*){0,2})(?=,?\\s))?",
  '(?:a|an|the)\\s+(?:official\\s+)?(?:spokesperson|spokeswoman|spokesman|representative|rep)',
];

/** A word of the speaker's description, never the verb that follows it. */
const NOT_SAY = String.raw`(?!(?:say|says|said|claim|claims|claimed|told|tell|tells|report|reports|reported|insist|insists|suggest|suggests)\b)`;

/** Sources whose word is a rumour: unnamed, anonymous, second-hand or fan-run. */
const RUMOR_SPEAKERS = [
  // Plain "sources said" and people "familiar with" or "close to" a project are an outlet's report
  // of its sources; insiders, the crew talking and fan-run accounts are rumour.
  String.raw`(?:(?:two|three|several|multiple|some|unnamed|anonymous|industry|production|local)\s+)*insiders?(?:\s+(?:close\s+to|familiar\s+with|at|inside|within|on)\s+(?:the\s+)?[\w-]+(?:\s+${NOT_SAY}[\w-]+){0,2})?`,
  String.raw`(?:unnamed|anonymous)\s+sources?`,
  String.raw`(?:an?|one|two|three|several)\s+(?:industry\s+)?(?:insider|person|people|staffer|crew\s+member)\s+(?:working\s+on|involved\s+(?:in|with)|at|inside|on)\s+(?:the\s+)?[\w'\u2019-]+(?:\s+${NOT_SAY}[\w'\u2019-]+){0,3}`,
  String.raw`people\s+(?:working\s+on|involved\s+(?:in|with))\s+(?:the\s+)?[\w'\u2019-]+(?:\s+${NOT_SAY}[\w'\u2019-]+){0,3}`,
  String.raw`(?:industry|online|fan|social[-\s]media)\s+(?:chatter|buzz|gossip|talk|speculation)`,
  // "An X fan account with about 40,000 followers posted that …", "a drama leaker with a patchy track record claims …".
  String.raw`(?:an?\s+)?(?:(?:X|Twitter|Instagram|TikTok|Weibo|Reddit|YouTube|Threads|Korean|popular|large|anonymous)\s+)*(?:fan|fan-run|fan\s+run|industry|insider|gossip|leak|leaker|anonymous)\s+accounts?(?:\s+@\w+)?(?:\s+on\s+\w+)?(?:\s+with\s+(?:about\s+|over\s+|some\s+|more\s+than\s+)?[\d,.]+[kKmM]?\s+(?:followers|subscribers))?(?:\s+(?:that|I|we)\s+${NOT_SAY}\w+(?:\s+${NOT_SAY}[\w-]+){0,2})?`,
  String.raw`(?:an?|one|some)\s+(?:(?:Korean|local|fan|drama|K-drama|entertainment|industry|well-known|notorious|prolific|anonymous|self-styled)\s+)*(?:blog|blogger|forum|post|listing|tabloid|leaker|YouTuber|community\s+post)(?:\s+with\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:track\s+record|record|history|following))?`,
  String.raw`(?:(?:unconfirmed|unverified)\s+(?:fan\s+|online\s+|social[-\s]media\s+)?(?:reports?|posts?|accounts?|claims?|listings?|rumou?rs?)|(?:fan|online)\s+posts?)(?:\s+on\s+(?:fan\s+)?(?:forums?|social\s+media|X|Twitter|Instagram|TikTok|Reddit|Weibo|Threads))?`,
];

/** Sources an outlet cites without naming: its report stands on them. */
const CITED_SOURCES = [
  String.raw`(?:an?|one|two|three|several|multiple|some)\s+(?:industry\s+|production\s+)?(?:sources?|person|people|officials?|representatives?)\s+(?:close\s+to|familiar\s+with|at|inside|from|within|involved\s+(?:in|with))\s+(?:the\s+)?[\w'\u2019-]+(?:\s+${NOT_SAY}[\w'\u2019-]+){0,3}`,
  String.raw`(?:industry|production|broadcasting)\s+(?:sources?|officials?|insiders?\s+quoted\s+by\s+\w+)`,
];

/** Guesses: fans, the writer, observers. */
const SPECULATION_SPEAKERS = [
  '(?:many\\s+|some\\s+|lots\\s+of\\s+|most\\s+)?fans',
  '(?:the\\s+)?(?:internet|fandom|fan\\s+base|fanbase)|netizens',
  'we|I|our\\s+(?:money|bet|guess)',
  '(?:industry\\s+)?(?:watchers|observers|analysts|pundits|commentators)',
  // "one user claims to know …", "a reader on our forum insists …": the audience guessing.
  '(?:an?|one|some|many|several|most)\\s+(?:(?:forum|reddit|site|of\\s+our|of\\s+the)\\s+)?(?:readers?|commenters?|users?|posters?|redditors?|members?)|(?:readers|commenters|redditors)',
];

/** Verbs of saying and of an owner's act; a speaker before one of them speaks. */
const SAY_VERBS =
  "(?:has\\s+|have\\s+|had\\s+|will\\s+)?(?:also\\s+|now\\s+|officially\\s+|finally\\s+|already\\s+|just\\s+|since\\s+|again\\s+)?(?:reveal|announce|confirm|unveil|informs?|informed|(?:is\\s+|are\\s+)?announcing|narrow(?:s|ed)|notif(?:y|ies|ied)|points\\s+to|point\\s+to|pointed\\s+to|said|says|say|announced|announces|confirmed|confirms|revealed|reveals|unveiled|unveils|stated|states|shared|shares|posted|posts|told|tells|added|adds|noted|notes|wrote|writes|reported|reports|claim|claimed|claims|lists|listed|shows|showed|named|names|places|placed|puts|credit|credits|credited|slots|slotted|dated|set|sets|scheduled|slated|pencilled|penciled|has\\s+(?:him|her|them)\\s+(?:playing|as)|expect|expects|expected|believes|believe|think|thinks|guess|suspect|suspects|hope|hopes|insist|insists|insisted|maintain|maintains|maintained|predict|predicts|predicted|(?:are|is)\\s+(?:betting|banking|counting)\\s+on|bet\\s+on|bets\\s+on|promised|promises|(?:are|is|seem|seems)\\s+(?:all\\s+|utterly\\s+|completely\\s+)?(?:convinced|sure|certain|adamant)|(?:has|have)\\s+made\\s+up\\s+(?:its|their)\\s+minds?)";

/** What an owner publishes: its word even when no verb of saying is used. */
const DOCUMENT_NOUNS =
  '(?:instagram|twitter|x\\s+account|youtube(?:\\s+channel)?|tiktok|feed|channel|guide|description|press\\s+(?:notes?|kits?)|page|listing|list|schedule|slate|line-?up|heading|banner|announcement|statement|press\\s+release|synopsis|roster|site|website|account|post|caption|card|calendar|newsletter|letter|release\\s+notes|trailer|teaser|key\\s+art|poster|blog)';
/** "Tudum page", "release schedule", "official Instagram account": up to two words before the noun. */
const DOCUMENT = `(?:[\\w-]+\\s+){0,2}?${DOCUMENT_NOUNS}`;
const VOICE_NOUNS = '(?:spokesperson|spokeswoman|spokesman|representative|official|executive|chief|team|(?:communications|press|PR|publicity|media(?:\\s+relations)?|content)\\s+(?:manager|officer|team|official|director|lead)|head\\s+of\\s+[\\w-]+(?:\\s+content)?|(?:vice\\s+)?president|director\\s+of\\s+[\\w-]+(?:\\s+content)?)';

// A semicolon goes on with the same report ("…will drop the trailer on December 15; the episodes
// arrive on January 29"); a contrast or a dash turns away from it.
const CONTRAST = /(?:,\s*|\s+)(?:but|though|although|whereas|yet|while)\s|\s[—–]\s/gi;

interface CompiledLexicon {
  rows: Array<{ rule: string; confidence: Confidence; re: RegExp }>;
  official: RegExp;
  /** The platform's own events ("during Geeked Week"), when the pack names any. */
  event: RegExp | null;
}

const cache = new WeakMap<ShowPack, CompiledLexicon>();

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

function officialNames(pack: ShowPack): string[] {
  const names = [pack.platform, ...(pack.speakers?.official ?? [])];
  return [...new Set(names)].sort((a, b) => b.length - a.length);
}

function compile(pack: ShowPack): CompiledLexicon {
  const named = officialNames(pack).map(escape).join('|');
  // "Netflix", "Netflix Korea's Instagram caption", "a Netflix Korea spokesperson"
  const owner = `(?:(?:a|an|the)\\s+)?(?:${named})|the\\s+streamer|the\\s+studio|the\\s+platform|the\\s+company`;
  // Longest forms first: "the streamer's Korean arm" before "the streamer".
  const officialPhrase = `(?:${owner})['’]s?\\s+(?:${VOICE_NOUNS}|${DOCUMENT})|${OFFICIAL_GENERIC.join('|')}|(?:${owner})\\s+${VOICE_NOUNS}|(?:${owner})`;
  const events = (pack.speakers?.events ?? []).map(escape).join('|');
  const outlets = (pack.speakers?.outlets ?? []).map(escape).join('|');
  const rows: SpeakerRow[] = [
    // Outlets whose names contain an official one ("What's on Netflix") are outlets.
    ...(outlets ? [{ rule: 'named-outlet', confidence: 'reported' as const, pattern: outlets }] : []),
    { rule: 'official-voice', confidence: 'official', pattern: officialPhrase },
    { rule: 'unnamed-source', confidence: 'rumor', pattern: RUMOR_SPEAKERS.join('|') },
    { rule: 'guess', confidence: 'speculation', pattern: SPECULATION_SPEAKERS.join('|') },
    { rule: 'cited-source', confidence: 'reported', pattern: CITED_SOURCES.join('|') },
    // "BH Entertainment said": an agency by its name, told from "entertainment reports" by capitals.
    { rule: 'agency', confidence: 'official', pattern: '[A-Z][\\w&]+(?:\\s+[A-Z][\\w&]+){0,2}\\s+Entertainment', caseSensitive: true },
    { rule: 'named-source', confidence: 'reported', pattern: NAMED_SOURCE, caseSensitive: true },
  ];
  return {
    rows: rows.map((r) => ({ rule: r.rule, confidence: r.confidence, re: new RegExp(`(?<![\\w'’-])(?:${r.pattern})(?![\\w-])`, r.caseSensitive ? 'g' : 'gi') })),
    official: new RegExp(`(?<![\\w-])(?:${officialPhrase})(?![\\w-])`, 'i'),
    event: events ? new RegExp(`\\b(?:at|during|through|as\\s+part\\s+of)\\s+(?:(?:the|its)\\s+)?(?:[\\w-]+['’]s\\s+)?(?:${events})\\b`, 'i') : null,
  };
}

export function speakerLexicon(pack: ShowPack): CompiledLexicon {
  let lex = cache.get(pack);
  if (!lex) {
    lex = compile(pack);
    cache.set(pack, lex);
  }
  return lex;
}

/** A speaker who denies or stays silent vouches for nothing. */
const SILENT_AFTER = /^\s*(?:itself\s+)?(?:has|have|had|is|was|did|does)?\s*(?:not|n['’]t|never|yet\s+to|declined|refused|nothing|no\s+comment)\b|^\s*(?:has|have|had)\s+(?:said|confirmed|announced)\s+nothing\b/i;
/**
 * "People familiar with Netflix's schedule say …", "a source close to the studio said": the
 * organisation is where the real, unnamed speaker stands, not who speaks.
 */
const PROXIMITY_BEFORE = /\b(?:familiar\s+with|close\s+to|(?:people|sources?|insiders?|someone|staff(?:ers)?|employees?|officials?|one|two|three)\s+(?:at|in|inside|within|from)|inside|within)\s+(?:the\s+)?$/i;
// "not yet been confirmed by Netflix": up to four words between the negation and the speaker.
const NEGATED_BEFORE = /\b(?:neither|nor|not|no|without|unless)\s+(?:\w+\s+){0,4}$/i;

function boundaries(sentence: string): number[] {
  const cuts = [0];
  for (const m of matchAll(CONTRAST, sentence)) cuts.push(m.index);
  cuts.push(sentence.length);
  return cuts;
}

/** Back from a cut over every "while" or dash before it, to the last real turn of the sentence. */
function stretchBack(sentence: string, cuts: number[], from: number): number {
  let start = from;
  for (const c of [...cuts].reverse()) {
    if (c > start || c === 0) continue;
    if (!/^(?:,\s*|\s+)while\s/i.test(sentence.slice(c, c + 10))) return start;
    start = stretch(cuts, Math.max(0, c - 1)).start;
  }
  return start;
}

/** The stretch between contrast words that holds pos. */
function stretch(cuts: number[], pos: number): { start: number; end: number } {
  let start = 0;
  let end = cuts[cuts.length - 1] ?? 0;
  for (const c of cuts) {
    if (c <= pos) start = c;
    else {
      end = c;
      break;
    }
  }
  return { start, end };
}

/**
 * Every attribution in a sentence. A speaker counts when a verb of saying follows it, when it owns
 * a document that is the sentence's subject, after "according to", "per" or a passive "by", or as
 * the subject of the announced act itself ("Netflix will premiere …").
 */
export function findAttributions(sentence: string, pack: ShowPack): Attribution[] {
  // Every claim of a sentence asks who speaks; the sentence is read once and the answer reused.
  return attributionsSeen.get(pack, sentence, () => readAttributions(sentence, pack));
}

const attributionsSeen = new OwnedMemo<ShowPack, Attribution[]>();

function readAttributions(sentence: string, pack: ShowPack): Attribution[] {
  const lex = speakerLexicon(pack);
  const cuts = boundaries(sentence);
  const out: Attribution[] = [];
  const taken: Array<[number, number]> = [];
  for (const row of lex.rows) {
    row.re.lastIndex = 0;
    for (const m of matchAll(row.re, sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && a < end)) continue;
      // A role named in the story ("… as Ma-ru and Jong-ah, complete the cast") never speaks.
      if (row.confidence !== 'official' && findCharacters(sentence, pack).some((c) => start < c.span.end && c.span.start < end)) continue;
      // Nor does the show itself ("… the second season of Jigeum Uri Hakgyoneun with Lee Jae-kyoo, said …").
      if (row.confidence !== 'official' && titleMentions(m[0], pack).length > 0) continue;
      const before = sentence.slice(0, start);
      const after = sentence.slice(end);
      if (NEGATED_BEFORE.test(before) || SILENT_AFTER.test(after) || (row.confidence === 'official' && PROXIMITY_BEFORE.test(before))) continue;
      const how = attributionForm(before, after, m[0]);
      if (!how) continue;
      taken.push([start, end]);
      // "the 2026 lineup that Netflix unveiled earlier", "seven months after Netflix announced that
      // production had begun": a speaker inside a relative or a time clause speaks for that clause only.
      const relative = /\b(?:that|which|whom)\s+$/i.test(before) || /\b(?:after|before|since|until|when)\s+$/i.test(before);
      const clauseEnd = end + (/[,;:]/.exec(sentence.slice(end))?.index ?? sentence.length - end);
      let span = relative ? { start, end: clauseEnd } : stretch(cuts, start);
      // "A and B share the director's chair, while C writes the scripts, Netflix said": a tail
      // speaks for the whole sentence across "while"; only a real turn ("but", "though") stops it.
      if (how === 'tail') span = { start: stretchBack(sentence, cuts, span.start), end: span.end };
      // "With filming finished, industry watchers expect …": a frame speaks for what follows it,
      // not for the scene the writer set before it.
      if (how === 'frame' && /,\s*(?:(?:an?|the|some|many|most|several|two|three)\s+)?$/i.test(sentence.slice(span.start, start)) && /^\s*(?:with|after|now\s+that|once|since|as)\b/i.test(sentence.slice(span.start))) span = { start, end: span.end };
      // A frame, a subject or a tail (", Netflix said.") speaks for its whole stretch: what is
      // coordinated with the report ("…, StarNews reported, and the premiere is now expected …")
      // is still the report. A contrast ("but fans think …") starts a stretch of its own.
      const governs = span;
      out.push({ rule: `${row.rule}:${how}`, confidence: row.confidence, speaker: m[0], start, end, governs });
    }
  }
  // A tail naming an official voice ("…, said Netflix.") vouches for everything before it, unless one already does.
  const officialTail = (rule: string, m: RegExpExecArray | null): void => {
    const who = m?.groups?.who ?? '';
    if (!m || !lex.official.test(who) || out.some((a) => a.confidence === 'official')) return;
    out.push({ rule, confidence: 'official', speaker: who, start: m.index, end: m.index + m[0].length, governs: { start: 0, end: m.index } });
  };
  // "…, it announced on Thursday": the pronoun is the official voice named earlier.
  const pronoun = /,\s*(?:it|they|the\s+company)\s+(?:has\s+|had\s+)?(?:said|announced|confirmed|revealed|added|stated)\b/i.exec(sentence);
  if (pronoun && lex.official.test(sentence.slice(0, pronoun.index)) && !out.some((a) => a.confidence === 'official' && a.start < pronoun.index)) {
    const span = stretch(cuts, pronoun.index);
    out.push({ rule: 'official-voice:pronoun-tail', confidence: 'official', speaker: pronoun[0], start: pronoun.index, end: pronoun.index + pronoun[0].length, governs: { start: span.start, end: pronoun.index } });
  }
  // "…, said Netflix." / "…, informed Netflix Korea.": the inverted tail vouches for what came before.
  const inverted = /,\s*(?:said|announced|confirmed|informed|stated|revealed|added|noted)\s+(?<who>[^,.;]{2,40}?)\s*(?:on\s+\w+day|today|in\s+a\s+\w+(?:\s+\w+)?)?\s*[.!]?\s*$/i.exec(sentence);
  officialTail('official-voice:inverted-tail', inverted);
  // "…, a decision the streamer's Korean arm made public on Monday.": an appositive tail names who decided.
  const decided = /,\s*(?:a|an|the)\s+(?:decision|move|announcement|news|plan)\s+(?:that\s+|which\s+)?(?<who>[^,.;]{2,60}?)\s+(?:made\s+public|announced|confirmed|revealed|unveiled|shared)\b/i.exec(sentence);
  officialTail('official-voice:decision-tail', decided);
  // "Netflix denied the report, saying …": what the official voice goes on to say is its word.
  const participle = /,\s*(?:saying|adding|noting|stressing|insisting|explaining)\b|\bby\s+(?:confirming|announcing|revealing|stating|posting|sharing)\b/i.exec(sentence);
  if (participle && lex.official.test(sentence.slice(0, participle.index)) && !NEGATED_BEFORE.test(sentence.slice(0, participle.index))) {
    const end = participle.index + participle[0].length;
    const span = stretch(cuts, end);
    out.push({ rule: 'official-voice:participle', confidence: 'official', speaker: participle[0], start: participle.index, end, governs: { start: participle.index, end: span.end } });
  }
  // "announced during Geeked Week": the platform's own event is its word.
  const event = lex.event?.exec(sentence) ?? null;
  if (event && !out.some((a) => a.confidence === 'official')) out.push({ rule: 'official-event', confidence: 'official', speaker: event[0], start: event.index, end: event.index + event[0].length, governs: stretch(cuts, event.index) });
  // "our money is on early 2027", "we'd guess 2023": the writer's own guess frames what follows.
  const guess = /\b(?:(?:our|my)\s+(?:money|bet|guess|pick|hunch|gut|prediction)\s+(?:is\s+(?:on|that)|says)|we['’]d\s+(?:guess|bet|wager|put\s+our\s+money\s+on)|(?:would|['’]d)\s+(?:happily\s+|still\s+)?(?:bet|wager)\b|(?:is|are|was|were)\s+(?:betting|banking|counting)\s+on\b|(?:we|i)\s+(?:would\s+)?(?:guess|bet|reckon|wager)|if\s+we['’]re\s+being\s+(?:greedy|honest|optimistic)|my\s+two\s+cents|if\s+you\s+ask\s+(?:me|us)|in\s+(?:my|our)\s+(?:view|opinion)|(?:my|our)\s+(?:take|prediction)\s*:|(?:i|we)\s+(?:think|feel|suspect))\b/i.exec(sentence);
  if (guess) out.push({ rule: 'guess:writer', confidence: 'speculation', speaker: guess[0], start: guess.index, end: guess.index + guess[0].length, governs: stretch(cuts, guess.index) });
  // "It's official:" — the outlet announcing an official fact.
  const declared = /^\s*(?:it['’]s|it\s+is)\s+(?:now\s+)?official\b/i.exec(sentence);
  if (declared) out.push({ rule: 'official-declared', confidence: 'official', speaker: declared[0], start: 0, end: declared[0].length, governs: stretch(cuts, 0) });
  return out.sort((a, b) => a.start - b.start);
}

type Form = 'frame' | 'tail' | 'subject' | 'passive' | 'according';

/** What follows a bracketed platform that labels the sentence's subject: a colon, a dash or its verb. */
const PLATFORM_LABEL_AFTER = /^\s*(?::|[\u2014\u2013]|(?:is|are|was|were|will|has|have|had|gets|returns|premieres|lands|drops|streams|arrives)\b)/i;

/** A verb of saying right after the speaker, past an aside (", a fan account,", "with 60,000 followers,"), a time or a place. */
// "Netflix, which has now pencilled it into …": the antecedent of a relative clause acts in it.
// "Fans flooding the comments are convinced …": a participle may describe the speaker first.
const verb = new RegExp(`^\\s*,?\\s*(?:(?:which|who)\\s+)?(?:,\\s*(?:[^,]|,(?=\\d{3})){0,60}?,\\s*|\\s+[a-z]+ing\\s+[^,.;]{1,50}?\\s+(?=(?:are|is|seem|seems|say|says|said)\\b)|\\s+(?:with|of|from|in|at)\\s+(?:[^,]|,(?=\\d{3})){1,50}?,\\s*)?(?:\\(\\w+\\)\\s*)?(?:in\\s+[A-Z][\\w-]+\\s+)?(?:on\\s+\\w+day\\s+|today\\s+|this\\s+week\\s+|in\\s+a\\s+\\w+\\s+)?${SAY_VERBS}\\b`, 'i');

function attributionForm(before: string, after: string, phrase: string): Form | undefined {
  // "Chun Sung-il writes the scripts" is a writer at work, not a writer reporting.
  if (/^\s*(?:(?:again|also|once\s+again|once\s+more)\s+)?(?:wrote|writes|pens|penned)\s+(?:the\s+|all\s+|every\s+|its\s+)?(?:scripts?|screenplays?|episodes?|series|show|season|story|drama|book|webtoon|novel)\b/i.test(after)) return undefined;
  if (/\b(?:according\s+to|per|citing|via)\s+$/i.test(before)) return 'according';
  // A source note in brackets: "Status: renewed (Netflix announcement, June 6)", "(News1, June 24)".
  // …but "All of Us Are Dead S2 (Netflix): …", "season 2 (Netflix) is in post-production" is the
  // show's platform, a label on the subject of what follows.
  if (/\(\s*(?:(?:source|sources)\s*:\s*)?$/i.test(before) && /^\s*(?:announcement|statement|confirmation|press\s+release|report|reports)?\s*(?:[,;][^()]{0,60})?\)/i.test(after)) {
    return /^\s*\)/.test(after) && PLATFORM_LABEL_AFTER.test(after.replace(/^\s*\)/, '')) ? undefined : 'according';
  }
  if (/\b(?:by|from)\s+$/i.test(before) && /\b(?:confirmed|announced|revealed|unveiled|said|stated|shared|posted|released|published|translated|quoted|sent|an?\s+update)\s+(?:\w+\s+){0,2}(?:by|from)\s+$/i.test(before)) return 'passive';
  if (verb.test(after)) {
    // ", Netflix said on Wednesday." at the end of a sentence vouches for what came before.
    if (/[,—–]\s*["”’']?\s*$/.test(before) && before.trim().length > 0 && /^\s*(?:,\s*[^,]{0,60},\s*)?\w+(?:\s+\w+)?\s*(?:on\s+\w+day|today|this\s+week|in\s+a\s+\w+)?\s*(?:[.,;]|$)/i.test(after.replace(new RegExp(`^\\s*${SAY_VERBS}`, 'i'), ' x')) ) return 'tail';
    return /^\s*(?:(?:an?|the|one|two|three|several|some)\s+)?$/i.test(before) || /(?:^|[,:]\s*|\bthat\s+|\b(?:while|but|and|as)\s+)(?:(?:an?|the)\s+)?$/i.test(before) ? 'frame' : 'subject';
  }
  // "Netflix's Tudum page now shows …": a possessed document that is the sentence's subject.
  // The document must be what the sentence is about, not the object of another verb ("was left off
  // Netflix's 2026 lineup").
  if (/['’]s?\s+\w/.test(phrase) && new RegExp(`${DOCUMENT_NOUNS}$`, 'i').test(phrase) && /(?:^\s*|[,:;]\s*|\b(?:that|in|on|per|according\s+to|from|with|a|an|as)\s+)$/i.test(before)) return 'frame';
  // "… through Netflix's July 22 announcement that filming has begun": the document's own content.
  if (/['’]s?\s+\w/.test(phrase) && new RegExp(`${DOCUMENT_NOUNS}$`, 'i').test(phrase) && /^\s+that\b/i.test(after)) return 'frame';
  // "In its letter to shareholders, Netflix named …" is caught by the verb; "Netflix will premiere
  // the season on …" or "will host a premiere event …" makes the owner the one who acts.
  if (/^\s*(?:on\s+\w+day|today|this\s+week|officially|formally)?\s*(?:will|is\s+set\s+to|is\s+going\s+to|plans\s+to|has|have)?\s*(?:set|sets|dated|dates|slated|scheduled|premiere|premieres|launch|launches|release|releases|debut|debuts|stream|streams|renew|renewed|renews|order|ordered|greenlit|greenlights|picked\s+up|cancell?ed|cancels|axed|scrapped|drops?|dropped|bring|brings|host|hosts|hold|holds|stage|stages|throw|throws|roll\s+out|rolls\s+out)\b/i.test(after)) return 'subject';
  return undefined;
}

/** The attribution that speaks for a position: the nearest one whose stretch covers it. */
export function attributionAt(attributions: readonly Attribution[], pos: number): Attribution | undefined {
  const covering = attributions.filter((a) => pos >= a.governs.start && pos < Math.max(a.governs.end, a.end));
  // The outermost frame governs what is embedded in it: "A fan account claims Netflix has …".
  return covering.sort((a, b) => a.start - b.start)[0];
}
