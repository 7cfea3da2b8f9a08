import type { ShowPack } from './show-pack-schema.ts';
import { plainKey } from './romanization.ts';
import { splitClauses } from './sentences.ts';
import { OwnedMemo } from './memo.ts';
import { findPeople } from './names.ts';
import { unknownTitles } from './unknown-titles.ts';
import { koEarlierSource, koTrackedSource } from './ko/scope.ts';
import { matchAll } from './match-all.ts';

/**
 * What a stretch of text is about: this show's tracked season, an earlier season of it, or
 * another show. Facts only count for the tracked season of this show.
 */
export type SeasonScope = 'tracked' | 'earlier' | 'later' | 'unknown';

export interface ShowRef {
  start: number;
  end: number;
  ours: boolean;
  /** Named without a title ("season two", "the series"): it points at whichever show is in view. */
  generic?: true;
}

const HANGUL = /[\uac00-\ud7a3]/;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** A title written loosely: case, punctuation and spacing may differ ("All Of Us Are Dead", "all-of-us-are-dead"). */
function titlePattern(title: string): string {
  const words = title.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(escape);
  return words.join('[\\s\\-_:’\'.]*');
}

interface ShowPatterns {
  ours: RegExp;
  others: RegExp | null;
  /** "the zombie series", "the Netflix original", "season 2": this show without its title. */
  oursGeneric: RegExp;
  oursGenericKo: RegExp;
  /** "the zombie drama", "its hit zombie series": the genre words that stand for this show. */
  genre: RegExp | null;
}

const cache = new WeakMap<ShowPack, ShowPatterns>();

/** Descriptions that stand for this show, built from the pack's genre words, platform and season. */
function genericPatterns(pack: ShowPack): { oursGeneric: RegExp; oursGenericKo: RegExp; genre: RegExp | null } {
  const n = pack.season;
  const word = NUMBER_WORDS[n] ?? String(n);
  const ordinal = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth'][n] ?? `${n}th`;
  const genres = (pack.genres ?? []).map(escape);
  // "skein" and "sophomore run" are the trade papers' words for a series and its second season.
  const kinds = '(?:series|drama|show|thriller|skein)';
  const described = [
    ...(genres.length ? [`(?:${genres.join('|')})\\s+${kinds}`] : []),
    `${escape(pack.platform)}\\s+(?:series|original|show|drama)`,
  ];
  const oursGeneric = new RegExp(`\\b(?:the\\s+(?:series|show|sequel|skein|${described.join('|')})|(?:its|the)\\s+sophomore\\s+(?:season|run|outing)|(?:season|part)\\s*(?:${n}|${word})|${ordinal}\\s+(?:season|instal?lment|part)|the\\s+new\\s+season|next\\s+season|s${n})\\b`, 'gi');
  const koOrdinal = ['영', '첫', '두', '세', '네', '다섯'][n] ?? String(n);
  const oursGenericKo = new RegExp(`(?:시즌\\s*${n}(?!\\d)|후속\\s*(?:편|시즌)|새\\s*시즌|${koOrdinal}\\s*번째\\s*시즌)`, 'g');
  const genre = genres.length ? new RegExp(`\\b(?:the|this|its|a)\\s+(?:(?:hit|korean|k-|high-school|school|netflix)\\s*)*(?:${genres.join('|')})\\s+(?:series|drama|show|thriller|sequel|hit|follow-?up|saga|mayhem|skein)\\b`, 'i') : null;
  return { oursGeneric, oursGenericKo, genre };
}

/** Whether the text calls this show by its genre ("the zombie drama") instead of its title. */
export function mentionsGenre(text: string, pack: ShowPack): boolean {
  return patterns(pack).genre?.test(text) ?? false;
}

function patterns(pack: ShowPack): ShowPatterns {
  const hit = cache.get(pack);
  if (hit) return hit;
  const titles = [pack.titles.primary, pack.titles.source, ...pack.titles.alternates].filter((t): t is string => !!t);
  // Korean titles take particles straight after them ("지우학은", "지금 우리 학교는2"), so only
  // their start needs a boundary; spacing inside them is loose ("지금우리학교는").
  const hangulTitles = [pack.titles.korean, ...pack.titles.alternates].filter((t): t is string => !!t && HANGUL.test(t));
  const korean = hangulTitles.sort((a, b) => b.length - a.length).map((t) => `(?<![\\p{L}])${t.split(/\s+/).map(escape).join('\\s*')}`);
  const latinTitles = titles.filter((t) => !HANGUL.test(t));
  const ours = new RegExp(`(?:${[...latinTitles.map(titlePattern).map((p) => `(?<![\\p{L}])${p}(?![\\p{L}])`), ...korean].join('|')})`, 'giu');
  const otherTitles = pack.otherShows.flatMap((s) => [s.title, ...s.aliases]).sort((a, b) => b.length - a.length);
  // Another show's own season or part travels with its title ("Squid Game season 3",
  // "Hellbound's six-episode second season").
  const others = otherTitles.length
    ? new RegExp(`(?<![\\p{L}])(?:(?:${otherTitles.filter((t) => !HANGUL.test(t)).map(titlePattern).join('|') || '(?!)'})(?![\\p{L}])|${otherTitles.filter((t) => HANGUL.test(t)).map((t) => t.split(/\s+/).map(escape).join('\\s*')).join('|') || '(?!)'})(?:["'”’]?\\s*(?:season|part|class|series|시즌)\\s*\\w+|\\s*\\d\\b|['’]s\\s+(?:[\\w-]+\\s+){0,2}?(?:first|second|third|fourth|fifth|final|new|latest|next|upcoming)\\s+(?:season|part|series|instal?lment))?`, 'giu')
    : null;
  const built = { ours, others, ...genericPatterns(pack) };
  cache.set(pack, built);
  return built;
}

/** Words that point at another production without naming it. */
const OTHER_GENERIC = /\b(?:(?:his|her|their|its|a|another|the|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}['’]s)\s+(?:new|next|upcoming|latest|other|own|recent|forthcoming)\s+(?:k-?drama|drama|series|show|film|movie|project|thriller|romance|role|work)(?:\s+project)?|another\s+(?:k-?drama|drama|series|show|film|movie|project)|(?:upcoming|new)\s+(?:film|movie)|(?:a|the)\s+(?:film|movie)\b|(?:(?:two|three|four|five|several|some|a\s+few|many|the)\s+)?other\s+(?:(?:Korean|K-?drama|Netflix|new|local|returning)\s+)*(?:originals|series|shows|titles|dramas|releases|seasons)\b|\bthe\s+other\s+(?:[\w-]+\s+){0,3}?(?:k-?drama|drama|show|title|thriller|original)\b)/gi;
const KO_GENRE_LED_TITLE = /(?:시리즈|드라마|영화|예능)\s+([가-힣A-Za-z0-9]{2,12})(?=(?:은|는|이|가|도)\s)/g;
/** A single-quoted name in Korean copy, not quoted speech: not before 라고/며/면서, not a clause of four words or more ending like a sentence ('… 보여주겠다'). */
const KO_QUOTED_TITLE = /['‘](?![^'’\n]*\s[^'’\n]*\s[^'’\n]*\s[^'’\n]*[다요죠까]['’])[^'’\n]{1,30}['’](?!\s*(?:이?라고|고\s|며|면서|이?라며|이?라는|란))/g;
/** Words that point at this show without its title. */
const OTHER_GENERIC_KO = /(?:차기작|신작|새\s*(?:드라마|작품|영화|예능)|다른\s*(?:작품|드라마)|영화\s*(?=['‘"“]))/g;

export function showRefs(text: string, pack: ShowPack): readonly ShowRef[] {
  return refsSeen.get(pack, text, () => readShowRefs(text, pack));
}

const refsSeen = new OwnedMemo<ShowPack, ShowRef[]>();

function readShowRefs(text: string, pack: ShowPack): ShowRef[] {
  const { ours, oursGeneric, oursGenericKo } = patterns(pack);
  const refs: ShowRef[] = [];
  const push = (start: number, end: number, mine: boolean, generic = false): void => {
    if (refs.some((r) => start < r.end && r.start < end)) return;
    refs.push(generic ? { start, end, ours: mine, generic } : { start, end, ours: mine });
  };
  for (const m of otherShowMentions(text, pack)) push(m.start, m.end, false);
  for (const m of matchAll(ours, text)) push(m.index, m.index + m[0].length, true);
  for (const m of matchAll(OTHER_GENERIC, text)) push(m.index, m.index + m[0].length, false, true);
  for (const m of matchAll(oursGeneric, text)) push(m.index, m.index + m[0].length, true, true);
  for (const m of matchAll(OTHER_GENERIC_KO, text)) push(m.index, m.index + m[0].length, false, true);
  for (const m of matchAll(oursGenericKo, text)) push(m.index, m.index + m[0].length, true, true);
  // Titles the pack does not list, last: a known title always wins the overlap.
  for (const t of unknownTitles(text, pack)) push(t.start, t.end, false);
  // Korean copy puts every title in single quotes ('검은 바다'는 5월): a quoted name that is not
  // this show's title is another show's.
  if (HANGUL.test(text)) {
    for (const m of matchAll(KO_QUOTED_TITLE, text)) if (titleMentions(m[0], pack).length === 0) push(m.index, m.index + m[0].length, false);
    // "넷플릭스 시리즈 트리거는 …": an unquoted title right after the kind of show it is.
    for (const m of matchAll(KO_GENRE_LED_TITLE, text)) {
      const title = m[1] ?? '';
      if (titleMentions(title, pack).length === 0) push(m.index + m[0].indexOf(title), m.index + m[0].indexOf(title) + title.length, false);
    }
  }
  return refs.sort((a, b) => a.start - b.start);
}

/** Mentions of this show by title only (not "the series"), for relevance. */
export function titleMentions(text: string, pack: ShowPack): readonly ShowRef[] {
  return titlesSeen.get(pack, text, () => {
    const { ours } = patterns(pack);
    return matchAll(ours, text).map((m) => ({ start: m.index, end: m.index + m[0].length, ours: true }));
  });
}

const titlesSeen = new OwnedMemo<ShowPack, ShowRef[]>();

const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/**
 * A title that is also an everyday word counts only as a title: capitalised, and for a weekday
 * ("Wednesday") not where the day is meant ("on Wednesday", "Wednesday night").
 */
function isTitleUse(text: string, start: number, matched: string): boolean {
  if (HANGUL.test(matched.charAt(0))) return true;
  if (!/^[\p{Lu}\p{N}#"“‘']/u.test(matched)) return false;
  const word = matched.trim();
  if (!WEEKDAY.test(word)) return true;
  if (/\b(?:on|last|this|next|since|until|till|by|from|every|each|early|late|before|after)\s+$/i.test(text.slice(0, start))) return false;
  // "Wednesday, Jan. 5" and "Wednesday 23 July" are days, in either order of month and day.
  return !/^\s*(?:morning|afternoon|evening|night|,?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d|,?\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/i.test(text.slice(start + matched.length));
}

export function otherShowMentions(text: string, pack: ShowPack): readonly ShowRef[] {
  return othersSeen.get(pack, text, () => {
    const { others } = patterns(pack);
    if (!others) return [];
    return matchAll(others, text).filter((m) => isTitleUse(text, m.index, m[0])).map((m) => ({ start: m.index, end: m.index + m[0].length, ours: false }));
  });
}

const othersSeen = new OwnedMemo<ShowPack, ShowRef[]>();

/**
 * Which show a fact cue at `pos` belongs to: the nearest show reference in its clause, else in
 * the sentence. Cues whose object follows them ("joins X", "cast in X") look forward first.
 */
const APPOSITIVE = /^\s*,?\s*(?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:drama|series|thriller|romance|comedy|show|film|movie|mystery|procedural|sitcom|documentary)\b/i;
const PERSON_DESCRIPTION = /^(?:who|whom|whose|best\s+known|known|famous|fresh\s+(?:off|from)|last\s+seen|still\s+best\s+known)\b/i;

/**
 * "Weak Hero Class 2's Lee Min-jae", "Squid Game's Kim Si-eun": a title owning a person says who
 * the person is, not which show the sentence is about.
 */
function describesPerson(sentence: string, ref: ShowRef, pack: ShowPack): boolean {
  const after = /^['’]s?\s+/.exec(sentence.slice(ref.end));
  if (!after) return false;
  const first = findPeople(sentence.slice(ref.end + after[0].length, ref.end + after[0].length + 40), pack)[0];
  return first !== undefined && first.span.start === 0;
}

/** The show references that can say which show a clause is about: all but another title owning a person. */
export function topicRefs(sentence: string, pack: ShowPack): ShowRef[] {
  return showRefs(sentence, pack).filter((r) => r.ours || !describesPerson(sentence, r, pack));
}

export function ownerOf(sentence: string, clause: { start: number; end: number }, pos: number, pack: ShowPack, lookForward: boolean): 'ours' | 'other' | 'none' {
  const refs = topicRefs(sentence, pack);
  const pick = (pool: ShowRef[]): ShowRef | undefined => {
    if (pool.length === 0) return undefined;
    if (lookForward) {
      const after = pool.filter((r) => r.start >= pos).sort((a, b) => a.start - b.start)[0];
      if (after && after.start - pos < 40) return after;
    }
    return [...pool].sort((a, b) => distance(a, pos) - distance(b, pos))[0];
  };
  const named = refs.filter((r) => r.start >= clause.start && r.end <= clause.end);
  // "Kobberkysten returns for season two with six episodes": after another show's title, in a
  // clause that never names this one, "season two" is that show's season.
  const otherTitle = named.find((r) => !r.ours && !r.generic);
  const othersOnly = otherTitle !== undefined && !named.some((r) => r.ours && !r.generic);
  const inClause = othersOnly ? named.filter((r) => !(r.ours && r.generic && r.start > otherTitle.start)) : named;
  // "Harbor Lights (Disney+), an eight-part thriller due in February": an appositive describes
  // the title right before it.
  if (inClause.length === 0 && APPOSITIVE.test(sentence.slice(clause.start, clause.end))) {
    const lead = sentence.slice(0, clause.start);
    const before = refs.filter((r) => r.end <= clause.start && /^[\s,)(\w+-]{0,14}$/.test(lead.slice(r.end).replace(/\([^)]*\)/g, ''))).at(-1);
    if (before) return before.ours ? 'ours' : 'other';
  }
  // "Lee Min-jae, who rose to fame in Weak Hero Class 2, will join the cast": a show named in a
  // clause about the person's past describes the person, not the cue.
  const describing = splitClauses(sentence).filter((c) => PERSON_DESCRIPTION.test(c.text));
  const elsewhere = refs.filter((r) => !describing.some((c) => r.start >= c.start && r.end <= c.end));
  const hit = pick(inClause) ?? pick(elsewhere);
  if (!hit) return 'none';
  return hit.ours ? 'ours' : 'other';
}

function distance(r: ShowRef, pos: number): number {
  if (pos < r.start) return r.start - pos;
  if (pos >= r.end) return pos - r.end + 1;
  return 0;
}

const trackedWords = new Map<number, RegExp>();
/** Built once per season number: every sentence asks. */
const TRACKED_WORDS = (n: number): RegExp => {
  const known = trackedWords.get(n);
  if (known) return known;
  const built = buildTrackedWords(n);
  trackedWords.set(n, built);
  return built;
};

const buildTrackedWords = (n: number): RegExp => {
  const word = NUMBER_WORDS[n] ?? String(n);
  const ordinal = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth'][n] ?? `${n}th`;
  return new RegExp(`\\b(?:(?:season|part|series)\\s*(?:${n}|${word})\\b|${ordinal}\\s+(?:season|instal?lment|part|series)|s0?${n}\\b|(?:the|a)\\s+(?:[\\w'’-]+\\s+){0,5}?(?:sequel|follow-?up)|(?:new|next|upcoming|returning|forthcoming|coming|latest)\\s+(?:[\\w'’-]+\\s+){0,6}?(?:season|instal?lment|chapter)|(?:write|writing|direct|directing|return\\s+for|back\\s+for|helm|lead|make|making|produce|producing|shoot|film)\\s+the\\s+${ordinal}(?=\\s*(?:[.,;]|$|\\s+(?:as\\s+well|too|one)\\b)))|${koTrackedSource(n)}`, 'i');
};

const earlierPatterns = new WeakMap<ShowPack, RegExp>();
const laterPatterns = new WeakMap<ShowPack, RegExp>();

/** Built once per pack: every sentence asks. */
export function earlierPattern(pack: ShowPack): RegExp {
  let re = earlierPatterns.get(pack);
  if (!re) earlierPatterns.set(pack, (re = buildEarlierPattern(pack)));
  return re;
}

function buildEarlierPattern(pack: ShowPack): RegExp {
  const nums = pack.earlierSeasons.map((s) => s.number);
  const words = nums.flatMap((n) => [String(n), NUMBER_WORDS[n] ?? String(n)]);
  const ordinals = nums.map((n) => ['zeroth', 'first', 'second', 'third', 'fourth'][n] ?? `${n}th`);
  const years = pack.earlierSeasons.map((s) => s.year);
  const parts = [
    words.length ? `(?:season|part)\\s*(?:${words.join('|')})\\b` : '',
    ordinals.length ? `(?:${ordinals.join('|')})\\s+(?:season|instal?lment|part|run|outing)` : '',
    nums.length ? `s0?(?:${nums.join('|')})\\b` : '',
    'original\\s+(?:season|series|run)',
    'when\\s+(?:it|the\\s+(?:show|series))\\s+(?:was\\s+released|premiered|debuted|first\\s+aired|aired|dropped)',
    'since\\s+its\\s+(?:release|premiere|debut)',
    years.length ? `(?:in|of|since|back\\s+in|on|from)\\s+(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:\\w+\\.?\\s+)?(?:\\d{1,2},?\\s+)?(?:${years.join('|')})\\b` : '',
    years.length ? `(?:${years.join('|')})\\s+(?:hit|series|show|original|release|premiere|debut)` : '',
    // "the 12-episode series": the earlier season's own count names it.
    ...pack.earlierSeasons.filter((s) => s.episodes).map((s) => `${s.episodes}-episode\\s+(?:series|season|run|drama|show)`),
  ].filter(Boolean);
  return new RegExp(`\\b(?:${parts.join('|')})|${koEarlierSource(nums, years)}`, 'i');
}

/**
 * A season after the tracked one ("a third season", "Season 3", "시즌3"): once the tracked season
 * is out, talk turns to the next, and its renewal, shoot and target year are not this season's.
 */
export function laterPattern(pack: ShowPack): RegExp {
  let re = laterPatterns.get(pack);
  if (!re) laterPatterns.set(pack, (re = buildLaterPattern(pack)));
  return re;
}

function buildLaterPattern(pack: ShowPack): RegExp {
  const nums = [pack.season + 1, pack.season + 2];
  const words = nums.flatMap((n) => [String(n), NUMBER_WORDS[n] ?? String(n)]);
  const ordinals = nums.map((n) => ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth'][n] ?? `${n}th`);
  const ko = nums.map((n) => `시즌\\s*${n}(?!\\d)|${['영', '첫', '두', '세', '네', '다섯'][n] ?? n}\\s*번째\\s*시즌`);
  // "a third All of Us Are Dead season": the title may stand between the ordinal and the noun.
  return new RegExp(`\\b(?:(?:season|part)\\s*(?:${words.join('|')})\\b|(?:${ordinals.join('|')})\\s+(?:[\\w'’-]+\\s+){0,6}?(?:season|instal?lment|part)\\b|s0?(?:${nums.join('|')})\\b)|${ko.join('|')}`, 'i');
}

export function hasLaterMarker(text: string, pack: ShowPack): boolean {
  return laterPattern(pack).test(withoutOtherShows(text, pack));
}

/** "All of Us Are Dead 2", "'All of Us Are Dead' 2": the season named by a number after the title. */
function numberedTitle(text: string, pack: ShowPack): boolean {
  return titleMentions(text, pack).some((m) => new RegExp(`\\s${pack.season}$`).test(text.slice(m.start, m.end)) || new RegExp(`^["”’']?\\s*:?\\s*${pack.season}\\b`).test(text.slice(m.end)));
}

/** "the second season of Squid Game" names that show's season before its title. */
const SEASON_OF_BEFORE = /(?:(?:the\s+)?(?:\w+\s+)?(?:and\s+final\s+)?(?:season|part|instal?lment)\s*(?:\w+\s+)?of\s+(?:netflix['’]s\s+)?["“‘']?)$/i;

/** The text with other shows' titles, and the seasons that travel with them, blanked out. */
function withoutOtherShows(text: string, pack: ShowPack): string {
  let out = text;
  for (const m of otherShowMentions(text, pack)) {
    const before = SEASON_OF_BEFORE.exec(text.slice(0, m.start));
    const start = before ? m.start - before[0].length : m.start;
    out = out.slice(0, start) + ' '.repeat(m.end - start) + out.slice(m.end);
  }
  return out;
}

/**
 * "four years after the first season", "two fewer than the first", "reprise their roles from
 * season 1": the earlier season as a yardstick for the new one, not as the topic.
 */
const COMPARED_WITH_EARLIER = /\b(?:roles?|characters?|parts?)\s+(?:from|in|of)\s+(?:the\s+)?(?:first\s+season|season\s*(?:1|one)|original(?:\s+series)?)\b|\b(?:after|since|than|following|unlike|like|compared\s+(?:with|to)|from)\s+(?:the|its)\s+(?:first|original|debut)(?:\s+(?:season|one|outing|instal?lment|run))?(?:['’]s\s+(?:[\w-]+\s+){0,3}?(?:debut|premiere|release|run|\d+))?(?![\w-])|\b(?:after|since|than|following|like)\s+season\s*(?:1|one)\b(?!['’]s\s+(?:\d|\w+\s+episodes))|\b(?:compared\s+(?:with|to)|than|like|unlike)\s+season\s*(?:1|one)['’]s(?:\s+[\w-]+)?/gi;

function withoutComparisons(text: string): string {
  return text.replace(COMPARED_WITH_EARLIER, (m) => ' '.repeat(m.length));
}

export function seasonOf(full: string, pack: ShowPack): SeasonScope {
  // Squid Game's season 2 says nothing about this show's seasons.
  const text = withoutComparisons(withoutOtherShows(full, pack));
  const tracked = TRACKED_WORDS(pack.season).test(text) || numberedTitle(text, pack);
  const earlier = pack.earlierSeasons.length > 0 && earlierPattern(pack).test(text);
  if (!tracked && !earlier && laterPattern(pack).test(text)) return 'later';
  if (tracked && !earlier) return 'tracked';
  if (earlier && !tracked) return 'earlier';
  if (tracked && earlier) return 'tracked';
  return 'unknown';
}

export function hasEarlierMarker(text: string, pack: ShowPack): boolean {
  return pack.earlierSeasons.length > 0 && earlierPattern(pack).test(withoutComparisons(text));
}

export function hasTrackedMarker(text: string, pack: ShowPack): boolean {
  return TRACKED_WORDS(pack.season).test(text) || numberedTitle(text, pack);
}

export { plainKey };
