import type { Confidence } from './types.ts';

/**
 * How sure a clause is, from its wording. Hedges are weakest-wins: "Netflix is expected to
 * announce" is speculation however official the name in it. Attribution lifts a plain statement:
 * Netflix or an agency saying it is official; an outlet's own plain statement is reported.
 */
const SPECULATION = /\b(?:may|might|could|likely|realistic(?:ally)?|plausible|credible|estimates?|bets?\s+(?:are|is)\s+on|(?:best|safe)\s+bet|(?:our|my)\s+(?:own\s+)?(?:honest\s+)?bet\b|unlikely|probably|possibl[ey]|possibility|potential(?:ly)?|expected|expects?|expecting|anticipated|predict(?:s|ed|ions?)?|speculat\w*|guess\w*|perhaps|hop(?:e|es|ing)|believe[sd]?|think|thinks|assume[sd]?|presum\w*|tipped|estimated|projected|suggests? that the|strongly suggests|seems?|appears? to|should|would|theor(?:y|ies|ize)|fans? (?:believe|think|hope|expect)|if all goes|could be|reckons?|looks? (?:like|as if|as though)|wager(?:s|ed|ing)?)\b/i;
const RUMOR = /\b(?:reportedly|(?:a|the)\s+claims?\s+that|rumou?r(?:s|ed)?|is said to|are said to|was said to|insiders?|allegedly|unconfirmed|whispers?|buzz|leak(?:s|ed)?|speculation|word is|word (?:on|from|in|around) [^,.;]{1,40}? is|if (?:these|the|such) reports are (?:to be )?(?:believed|true)|reports? (?:now\s+)?(?:suggest|suggested|suggests|claim|claimed|claims|indicate|indicated|hint|hinted|points?\s+to|pointed\s+to)|sources? (?:claim|claimed|suggest|hint)|suggest(?:s|ed)?|hint(?:s|ed)?|(?:previous|earlier|several|some|many|multiple|unverified) reports)\b/i;
const OFFICIAL = /\b(?:officially|official(?:ly)? (?:announce\w*|confirm\w*|statement|teaser|trailer|poster|date)|(?:announced|confirmed|revealed|unveiled|said|stated|according to) (?:by )?(?:the streamer|the studio|the agency|the production|its agency|their agency|his agency|her agency|the company)|(?:the streamer|the studio|the agency|the company|the platform|the service|agency|production company|the production team|representatives?|spokesperson)\s+(?:\w+\s+){0,3}?(?:announced|confirmed|revealed|said|stated|told|shared)|in a (?:press release|statement)|press release|press conference|as (?:announced|confirmed|revealed) by (?:the (?:show['’]s |series['’] )?cast|the streamer|the studio))\b/i;
const REPORTED = /\b(?:according to|reported|reports?|per|sources? (?:say|said|close)|told|revealed|confirmed|announced)\b/i;

/** "If these reports are to be believed" flags a rumour; its "believed" is no fan's guess. */
const RUMOR_FRAME = /\bif (?:these|the|such) reports are (?:to be )?(?:believed|true)\b/gi;

/** "May 14", "in May", "for May", "May 2027": the month, not the hedge. */
const MONTH_MAY = /\bMay\s+(?=\d)|\b(?:in|of|since|until|by|early|mid|late|this|next|last|from|during|for|to|into|before|after|through|till|around|between)[-\s]+May\b|\bMay\s+(?:and|or|to|through)\s+(?:June|July|April)\b|\b(?:April|March|June)\s+(?:and|or|to)\s+May\b/g;

/** Words that make a clause a forecast only because a plan is still to come ("is expected to premiere"). */
const SCHEDULE_HEDGE = /\b(?:now\s+)?(?:expected|anticipated|projected|estimated|should|would)\b/gi;

const hedgeText = (text: string): string => text.replace(RUMOR_FRAME, ' ').replace(MONTH_MAY, ' ');

export function clauseConfidence(text: string): Confidence {
  if (SPECULATION.test(hedgeText(text))) return 'speculation';
  if (RUMOR.test(text)) return 'rumor';
  if (OFFICIAL.test(text)) return 'official';
  return 'reported';
}

/** A reporting frame that governs the rest of the sentence ("Reports suggest that …", "Netflix confirmed that …"). */
export function frameConfidence(prefix: string): Confidence | undefined {
  if (!/\b(?:that|:)\s*$/i.test(prefix) && !/\b(?:according to [^,]+|per [^,]+),?\s*$/i.test(prefix) && !/^(?:according to|per)\b/i.test(prefix)) return undefined;
  if (SPECULATION.test(hedgeText(prefix))) return 'speculation';
  if (RUMOR.test(prefix)) return 'rumor';
  if (OFFICIAL.test(prefix)) return 'official';
  if (REPORTED.test(prefix)) return 'reported';
  return undefined;
}

/**
 * "According to production reports, the season is expected to premiere in 2026": the plan is
 * the source's, not the writer's guess. True when the clause is a forecast only through such
 * schedule words, so a named source can carry it as a report.
 */
export function onlyScheduleHedge(text: string): boolean {
  const plain = hedgeText(text);
  return SPECULATION.test(plain) && !SPECULATION.test(plain.replace(SCHEDULE_HEDGE, ' '));
}

/** Plain wording with no hedge, no source and no attribution: the outlet's own statement. */
export function isBareStatement(text: string): boolean {
  return clauseConfidence(text) === 'reported' && !REPORTED.test(text) && !/\b(?:said|says|told|claims?|sources?|insiders?)\b/i.test(text);
}

/** A statement that nothing has been confirmed: it lends no authority to the story around it. */
export const NOT_CONFIRMED = /\b(?:(?:yet|declined|refused)\s+to\s+(?:confirm|comment|announce)|(?:has|have|had)\s+not\s+(?:yet\s+)?(?:confirmed|announced|commented)|(?:hasn['’]t|haven['’]t)\s+(?:yet\s+)?(?:confirmed|announced|commented)|made\s+no\s+(?:official\s+)?announcement|not\s+(?:been\s+)?(?:officially\s+)?confirmed|unconfirmed)\b/i;

/** Denials and negations: a clause with one of these states nothing (exits are handled apart). */
export const NEGATION = /\b(?:pushed\s+back\s+(?:\w+\s+){0,3}against|shot\s+down|not|no(?!\.?\s*\d)|never|nothing|none|nobody|no\s+one|neither|nor|without|yet to|has yet|have yet|denied|denies|deny|dismiss(?:ed|es)?|refuted|debunked|false|unclear|unknown|mystery|remains to be seen|tba|tbd|tbc|left out|excluded|absent|missing from|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|hasn['’]t|haven['’]t|hadn['’]t|won['’]t|doesn['’]t|don['’]t|didn['’]t|can['’]t|cannot|couldn['’]t|wouldn['’]t|no longer|yet to be|(?<!(?:long|much|eagerly|hotly|highly|keenly)[-\s])awaited|awaits|awaiting|under wraps)\b|n['’]t\b/i;

/** Clauses that state a condition or a time still to come: nothing in them has happened. */
// "Asked whether the season would arrive this year, …": the question put, not an answer.
export const IRREALIS = /^(?:if|unless|once|until|till|before|whether|in case|as soon as|asked\s+(?:whether|if|when|about))\b/i;

export function isQuestion(sentence: string): boolean {
  return /\?\s*["”’']?\s*$/.test(sentence) || /^(?:will|when|is|are|does|did|could|can|has|have|what|why|how)\b[^.!]*$/i.test(sentence.trim()) && !/[.!]$/.test(sentence.trim());
}

export function weakest(a: Confidence, b: Confidence): Confidence {
  const order = ['speculation', 'rumor', 'reported', 'official'];
  return order.indexOf(a) <= order.indexOf(b) ? a : b;
}
