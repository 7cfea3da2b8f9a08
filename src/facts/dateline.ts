/**
 * Wire copy opens with a dateline: where and when the story was filed ("SEOUL, July 23 --",
 * "Oct. 28 (Yonhap) --", "New Delhi:"). Its date is the filing date, never a fact about the
 * show, and its month can look like a hedge ("May 14"), so it is cut off before reading.
 */
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const PLACE = "[A-Z][A-Za-z.'’]*(?:[ -][A-Z][A-Za-z.'’]*){0,3}";
const AGENCY = '(?:\\s*\\([A-Za-z. ]{2,30}\\))?';
const DASH = '\\s*(?:--|—|–|-|:)\\s+';

const DATELINE = new RegExp(
  [
    // "SEOUL, July 23 --", "LOS ANGELES, Oct. 28 (Yonhap) --"
    `^${PLACE},\\s+${MONTH}\\s+\\d{1,2}${AGENCY}${DASH}`,
    // "Oct. 28 (Yonhap) --"
    `^${MONTH}\\s+\\d{1,2}${AGENCY}${DASH}`,
    // "SEOUL (Yonhap) --", "SEOUL --": an all-capitals place is a dateline even without a date
    `^[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3}${AGENCY}\\s*(?:--|—|–)\\s+`,
    // "New Delhi:", "Mumbai, Feb 22:" (Indian portals put the city before a colon)
    `^${PLACE}(?:,\\s+${MONTH}\\s+\\d{1,2})?:\\s+(?=[A-Z])`,
  ].join('|'),
);

/** A label before a colon that is a fact's name, not a place ("Release date: …"). */
const LABEL = /\b(?:release|premiere|date|cast|season|episodes?|status|stage|filming|back|out|claim|verdict|rumou?r|myth|q|a|question|answer|renew\w*|netflix|official\w*|confirm\w*|update|breaking|exclusive|report|returning|new|newcomers?|joining|leaving|exits?|crew|directors?|writers?|source|sources|credits?|lineup|line-up|stars?|starring|platform|where|when|plot|synopsis|trailer|teaser)\b/i;

/** An article's first sentence without its dateline; unchanged when it has none. */
export function stripDateline(sentence: string): string {
  const m = DATELINE.exec(sentence);
  if (!m) return sentence;
  if (m[0].trimEnd().endsWith(':') && LABEL.test(m[0])) return sentence;
  const rest = sentence.slice(m[0].length);
  // A sentence that would be left empty keeps its text.
  return rest.trim().length > 0 ? rest : sentence;
}
