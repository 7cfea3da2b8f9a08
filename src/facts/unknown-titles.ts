/**
 * Shows the pack does not know, told by how outlets introduce a title: someone's work
 * ("Lee Jae-kyoo's Daily Dose of Sunshine", "Netflix's Glass Harbor") or a title followed by its
 * particulars in brackets ("Moonlit Pharmacy (tvN, 16 episodes, from January 9)"). A slate story
 * names a dozen such shows; without this, their dates and episode counts fall to the nearest
 * title the pack does know, which is often this one.
 */
import type { ShowPack } from './show-pack-schema.ts';
import { findPeople } from './names.ts';
import { matchAll } from './match-all.ts';

export interface TitleSpan {
  start: number;
  end: number;
}

const CONNECTOR = "(?:of|the|a|an|in|and|on|to|for|at|with|&|de|la)";
const WORD = "[A-Z0-9][\\p{L}\\d'’:!?.-]*";
const TITLE = `${WORD}(?:\\s+(?:${CONNECTOR}\\s+)*${WORD})*`;

/** Broadcasters and streamers that own shows ("tvN's", "JTBC's"); the pack's platform is added. */
const NETWORKS = ['tvN', 'JTBC', 'KBS', 'KBS2', 'MBC', 'SBS', 'ENA', 'OCN', 'TVING', 'Disney+', 'Coupang Play', 'Apple TV+', 'Prime Video', 'Amazon', 'Wavve', 'HBO', 'Hulu', 'Max', 'Viki', 'Viu'];

const NETWORK_NAME = new RegExp(`^(?:${NETWORKS.map((n) => n.replace(/[+]/g, '\\+')).join('|')})$`);

/** First words that make a phrase something other than a title: pages, charts, units, events. */
const NOT_A_TITLE = /^(?:Top|Tudum|Geeked|Next|Instagram|X|Twitter|YouTube|TikTok|Korean|Korea|Global|Non-English|English|Season|Part|Chapter|Week|Day|Q\d|CEO|Co-CEO|Chief|Head|Vice|President|Director|Official|Asia|Asian|Seoul|South|Japan|Japanese|The\s+(?:streamer|company|platform|studio))\b/;
/** A day or month on its own ("Netflix's Monday announcement") is no title; "Monday Monster" may be. */
const DATE_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+\d{1,2})?$/;

/** What an outlet puts in brackets after a title: its channel, its size, its year or day. */
const PARTICULARS = /\b(?:tvN|JTBC|KBS2?|MBC|SBS|ENA|OCN|Netflix|Disney\+|TVING|Coupang|Apple|Prime|Wavve|episodes?|eps|parts?|20\d\d|season|from\s+\w+|premieres?|spring|summer|autumn|fall|winter)(?![\w])/i;

const DESCRIBED = /\b(?:the|a|an)\s+(?:[\w+-]+\s+){0,4}?(?:drama|series|show|thriller|romance|comedy|film|movie)\s+(?:starring|led\s+by|fronted\s+by|headlined\s+by)\s+/gi;

const APPOSED = new RegExp(`(?<title>${TITLE}),\\s+(?:an?|the)\\s+(?:[\\w+-]+\\s+){0,4}?(?:drama|series|thriller|romance|comedy|show|film|movie|mystery|procedural|sitcom|documentary|docuseries|spinoff|spin-off|sequel|prequel|remake|adaptation|anthology)\\b`, 'gu');

/** "Netflix's gun-crime thriller Trigger", "its next Korean drama, Trigger,": a title named after its genre. */
const GENRE_LED = new RegExp(`\\b(?:thriller|drama|K-drama|k-drama|series|comedy|romance|rom-com|procedural|sitcom|documentary|docuseries|anthology|horror|film|movie|miniseries)\\s*,?\\s+(?<title>${TITLE})`, 'gu');

/**
 * "Bloodhounds is out today on Netflix", "Extraordinary Attorney Woo starts June 29 on ENA": a
 * sentence that opens on a capitalised name going out on a day is another show's release.
 */
const RELEASE_SUBJECT = new RegExp(`^\\s*(?<title>${TITLE})\\s+(?:(?:finally|now|also)\\s+)?(?:is\\s+(?:out|streaming|available)|(?:premieres?|premiered|arrives?|arrived|debuts?|debuted|drops?|dropped|lands?|landed|launches|launched|airs|aired|hits)\\b|(?:starts|started|begins|began|returns)\\s+(?:on\\s+|this\\s+|next\\s+|today|tomorrow)?(?:[A-Z][a-z]+day|today|tomorrow|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\\d)|returns\\s+for\\s+(?:season\\s+\\w+|(?:a|its)\\s+(?:second|third|fourth|new|final)\\s+(?:season|run))|(?:has|gets|got)\\s+(?:its|a|an|the)\\s+(?:[\\w-]+\\s+){0,3}?(?:date|slot|card|premiere))`, 'u');

const SEASON_NUMBER = '(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)';
/**
 * "Salt Road season two shows six episodes", "Kang Do-yun returns to Night Pharmacy for season
 * two": a capitalised name with a season number of its own is a show, and when it is not this
 * one, the season number is that show's.
 */
const SEASON_LED = new RegExp(`(?<title>${TITLE})\\s+(?:(?:for|in)\\s+)?(?:[Ss]eason|[Ss]eries)[\\s-]+${SEASON_NUMBER}\\b|(?<title2>${TITLE})\\s+[Ss]${SEASON_NUMBER}\\b`, 'gu');

/** Words that open a sentence before "season two" without being a title: "After season two's run". */
const LEADING_WORD = /^(?:After|Before|Since|Until|During|From|Unlike|Like|Following|Ahead|Through|Meanwhile|While|When|Once|If|With|Without|For|In|On|By|As|Our|Your|My|His|Her|Their|Whole|Entire|Last|Full|Latest|Upcoming|Coming)$/;

/** Capitalised first words that open ordinary sentences, not titles: "Filming", "Episodes", "It". */
const ORDINARY_OPENER = /^(?:It|Its|This|That|These|Those|Which|Both|All|Each|Every|Everything|New|Episodes?|Filming|Shooting|Production|Post-production|Fans|Viewers|Netflix|The|A|An|One|Two|Three|Season|Part|Trailer|Teaser|Poster|First|Next|Last|Now|Today|Tomorrow|Tonight)$/;

/** A word that can stand for a title: no everyday opener, no network, not the platform. */
function namesNoOther(word: string, pack: ShowPack): boolean {
  return !ORDINARY_OPENER.test(word) && !NETWORK_NAME.test(word) && word !== pack.platform;
}

const compiled = new WeakMap<ShowPack, { possessed: RegExp; bracketed: RegExp; own: RegExp }>();

function patterns(pack: ShowPack): { possessed: RegExp; bracketed: RegExp; own: RegExp } {
  const hit = compiled.get(pack);
  if (hit) return hit;
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const owners = [...NETWORKS, pack.platform, ...(pack.speakers?.official ?? [])].map(escape).join('|');
  const ownTitles = [pack.titles.primary, pack.titles.source, ...pack.titles.alternates, ...(pack.speakers?.events ?? []), ...(pack.speakers?.outlets ?? [])].filter((t): t is string => !!t).map(escape).join('|');
  const built = {
    // The owner is a network or a person; the person is checked separately.
    possessed: new RegExp(`(?:\\b(?:${owners})|(?<person>[A-Z][\\p{L}-]*(?:\\s+[A-Z][\\p{L}-]*){0,2}))['’]s\\s+(?:new\\s+|upcoming\\s+|hit\\s+|latest\\s+)?(?<title>${TITLE})`, 'gu'),
    bracketed: new RegExp(`(?<title>${TITLE})\\s+\\((?<inside>[^()]{1,80})\\)`, 'gu'),
    own: new RegExp(`^(?:${ownTitles || '(?!)'})`, 'i'),
  };
  compiled.set(pack, built);
  return built;
}

function isTitle(title: string, pack: ShowPack, own: RegExp): boolean {
  // "Netflix's 2026 schedule": a year or a number is no title.
  if (/^[\d\s.,:-]+$/.test(title)) return false;
  if (NOT_A_TITLE.test(title) || DATE_WORD.test(title) || own.test(title)) return false;
  // A pack character or person is no title ("On-jo's", "Park Ji-hu (Nam On-jo)").
  return findPeople(title, pack).length === 0 && !pack.characters.some((c) => title.startsWith(c.name) || c.aliases.some((a) => title.startsWith(a)));
}

export function unknownTitles(text: string, pack: ShowPack): TitleSpan[] {
  if (!/[A-Z]/.test(text)) return [];
  const { possessed, bracketed, own } = patterns(pack);
  const out: TitleSpan[] = [];
  for (const m of matchAll(possessed, text)) {
    const title = m.groups?.title ?? '';
    const person = m.groups?.person;
    // "Lee Jae-kyoo's Daily Dose of Sunshine": a person's work; "Su-hyeok's death" is no title.
    if (person && findPeople(person, pack).length === 0) continue;
    if (!title.includes(' ') && title.length < 4) continue;
    if (isTitle(title, pack, own)) out.push({ start: m.index + m[0].length - title.length, end: m.index + m[0].length });
  }
  // "The 12-episode Netflix drama starring Park Bo-young": a show described by a star this one
  // does not have.
  for (const m of matchAll(DESCRIBED, text)) {
    const star = findPeople(text.slice(m.index + m[0].length, m.index + m[0].length + 40), pack)[0];
    if (!star || star.span.start > 2) continue;
    const ours = pack.people.find((p) => p.name === star.canonical)?.roles.includes('cast');
    if (!ours) out.push({ start: m.index, end: m.index + m[0].length });
  }
  // "Daily Dose of Sunshine, a 12-episode Netflix drama about a nurse, launches Friday": a title
  // introduced by an appositive that says what kind of show it is.
  for (const m of matchAll(APPOSED, text)) {
    const title = m.groups?.title ?? '';
    // One word may be a title too ("Kobberkysten, the Danish heist thriller"), when it is no everyday opener.
    const oneWord = !title.includes(' ') && title.length >= 4 && namesNoOther(title, pack);
    if ((title.includes(' ') || oneWord) && isTitle(title, pack, own)) out.push({ start: m.index, end: m.index + title.length });
  }
  for (const m of matchAll(GENRE_LED, text)) {
    const title = m.groups?.title ?? '';
    const at = m.index + m[0].length - title.length;
    if (namesNoOther(title, pack) && isTitle(title, pack, own)) out.push({ start: at, end: at + title.length });
  }
  for (const m of /season|series|\bS\d/i.test(text) ? matchAll(SEASON_LED, text) : []) {
    const title = m.groups?.title ?? m.groups?.title2 ?? '';
    // A roundup's section label ("EPISODES Season two of …") and an opener ("The", "Netflix") are no titles.
    // A label or a shout ("IT'S HAPPENING: season 2 is filming") is no title either.
    if (/[:!?.]$/.test(title)) continue;
    const words = title.split(/\s+/).filter((w) => !/^[A-Z'’]{2,}$/.test(w));
    const named = words.join(' ');
    // "November 2026 for season 2" is a date, not a title.
    if (/^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?(?:\s|$)|\b(?:19|20)\d\d$/.test(named)) continue;
    if (!named || (words.length === 1 && (!namesNoOther(named, pack) || LEADING_WORD.test(named))) || !isTitle(named, pack, own)) continue;
    const at = m.index + title.length - named.length;
    out.push({ start: at, end: at + named.length });
  }
  const subject = RELEASE_SUBJECT.exec(text);
  const named = subject?.groups?.title ?? '';
  // "The Glasshouse has its date": a title may open on "The" when a name follows it.
  const [first, second] = named.split(/\s+/);
  // "Last Light Over Lagos premieres July 10": three capitalised words and more make a title whatever the first one is.
  const opensOrdinarily = ORDINARY_OPENER.test(first ?? '') && !(first === 'The' && second && namesNoOther(second, pack)) && named.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).length < 3;
  if (subject && !opensOrdinarily && !NETWORK_NAME.test(named) && named !== pack.platform && isTitle(named, pack, own)) {
    const at = subject[0].indexOf(named);
    out.push({ start: at, end: at + named.length });
  }
  for (const m of matchAll(bracketed, text)) {
    const title = m.groups?.title ?? '';
    if (!PARTICULARS.test(m.groups?.inside ?? '') || !isTitle(title, pack, own)) continue;
    // Only the run of capitalised words right before the bracket, not the sentence's opening words.
    out.push({ start: m.index, end: m.index + title.length });
  }
  return out;
}
