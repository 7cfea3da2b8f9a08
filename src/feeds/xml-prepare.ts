import { UserFacingError } from '../shared/errors.ts';

/**
 * Repairs the small faults that make a strict XML parser throw away a whole feed, and refuses
 * the one thing no repair should touch: entity declarations.
 */

/** Entity declarations are how "billion laughs" and external-entity attacks work; no real feed needs them. */
export function refuseEntityDeclarations(xml: string): void {
  const doctype = xml.match(/<!DOCTYPE[\s\S]*?(?:\[[\s\S]*?\]\s*)?>/i)?.[0];
  if (doctype && /<!ENTITY/i.test(doctype)) {
    throw new UserFacingError(
      'feed-entities',
      'the feed declares its own XML entities in a DOCTYPE, which is how entity-expansion and file-reading attacks work; it was not read',
    );
  }
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** The HTML named entities feeds use most; the rest are rare enough to become a warning via &amp;. */
const HTML_ENTITIES: Record<string, number> = {
  nbsp: 0xa0, hellip: 0x2026, mdash: 0x2014, ndash: 0x2013, lsquo: 0x2018, rsquo: 0x2019, ldquo: 0x201c,
  rdquo: 0x201d, middot: 0xb7, bull: 0x2022, copy: 0xa9, reg: 0xae, trade: 0x2122, eacute: 0xe9, egrave: 0xe8,
  aacute: 0xe1, agrave: 0xe0, oacute: 0xf3, uacute: 0xfa, iacute: 0xed, ntilde: 0xf1, uuml: 0xfc, ouml: 0xf6,
  auml: 0xe4, ccedil: 0xe7, laquo: 0xab, raquo: 0xbb, lsaquo: 0x2039, rsaquo: 0x203a, deg: 0xb0, times: 0xd7,
  euro: 0x20ac, pound: 0xa3, yen: 0xa5, cent: 0xa2, sect: 0xa7, para: 0xb6, shy: 0xad, zwj: 0x200d, zwnj: 0x200c,
  thinsp: 0x2009, ensp: 0x2002, emsp: 0x2003, hearts: 0x2665, star: 0x2606, rarr: 0x2192, larr: 0x2190,
};

function repairOutsideCdata(text: string): string {
  return text
    .replace(/&([A-Za-z][A-Za-z0-9]*);/g, (whole, name: string) => {
      if (XML_ENTITIES.has(name)) return whole;
      const code = HTML_ENTITIES[name] ?? HTML_ENTITIES[name.toLowerCase()];
      return code !== undefined ? `&#${code};` : `&amp;${name};`;
    })
    .replace(/&(?!(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);)/g, '&amp;');
}

/** Applies `fn` to the parts of the document outside CDATA sections and comments. */
function outsideCdata(xml: string, fn: (part: string) => string): string {
  return xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join('');
}

export interface PreparedXml {
  xml: string;
  warnings: string[];
}

export function prepareXml(input: string): PreparedXml {
  refuseEntityDeclarations(input);
  const warnings: string[] = [];
  let xml = input.replace(/^\uFEFF/, '');
  // Control characters are illegal in XML 1.0 and appear in feeds pasted from word processors.
  // eslint-disable-next-line no-control-regex -- removing these characters is the point
  xml = xml.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
  const repaired = outsideCdata(xml, repairOutsideCdata);
  if (repaired !== xml) warnings.push('repaired stray "&" or HTML-only entities');
  xml = repaired;
  // rss-parser only accepts <rss> that states its version; an unversioned <rss> is RSS 2.0 in practice.
  xml = xml.replace(/<rss\b([^>]*)>/, (whole, attrs: string) => {
    if (/\sversion\s*=/.test(attrs)) return whole;
    warnings.push('the <rss> element had no version; read it as RSS 2.0');
    return `<rss version="2.0"${attrs}>`;
  });
  return { xml, warnings };
}

export interface SplitFeed {
  head: string;
  items: string[];
  tail: string;
}

/**
 * Cuts a feed into its items so that each can be parsed alone, wrapped in the feed's own head
 * and tail. Used only after the whole document failed: one broken item must not cost the rest.
 */
export function splitItems(xml: string): SplitFeed | undefined {
  const re = /<(item|entry)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1\s*>)/g;
  const items: string[] = [];
  let first = -1;
  let last = -1;
  for (const match of xml.matchAll(re)) {
    if (first < 0) first = match.index;
    last = match.index + match[0].length;
    items.push(match[0]);
  }
  if (first < 0) return undefined;
  return { head: xml.slice(0, first), items, tail: xml.slice(last) };
}

const DATE_ELEMENTS = /<(pubDate|published|updated|dc:date|lastBuildDate)\b[^>]*>[\s\S]*?<\/\1\s*>/g;

export function withoutDates(fragment: string): string {
  return fragment.replace(DATE_ELEMENTS, '');
}

export function withoutLinks(fragment: string): string {
  return fragment.replace(/<link\b[^>]*?(?:\/>|>[\s\S]*?<\/link\s*>)/g, '');
}
