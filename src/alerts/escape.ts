/**
 * Everything that comes from a feed is untrusted: an article title can carry "@everyone", a masked
 * link to a phishing page, a right-to-left override that flips a URL, or ten thousand characters.
 * These helpers turn such text into something Discord shows literally and that never pings anyone.
 */

/** Discord's documented limits for a message and its embeds (counted in UTF-16 units, to be safe). */
export const DISCORD_LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  embedTotal: 6000,
} as const;

export const ELLIPSIS = '…';

/** Longest link we build: a longer one would crowd the 1024-character sources field. */
const MAX_LINK_LENGTH = 400;

const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Code points that are invisible or reorder text: C0/C1 controls (except newline), zero-width
 * characters, bidi embeddings/overrides/isolates, soft hyphen, Hangul fillers and tag characters.
 * Bidi overrides can make "gpj.exe" read as "exe.jpg"; zero-width joiners can split "@every\u200Done"
 * past naive filters. None of them carry meaning in a news headline.
 */
function isInvisible(cp: number): boolean {
  if (cp === 0x0a) return false;
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return true;
  if (cp === 0x00ad || cp === 0x034f || cp === 0x061c || cp === 0x115f || cp === 0x1160) return true;
  if (cp === 0x17b4 || cp === 0x17b5 || cp === 0x180e || cp === 0x3164 || cp === 0xffa0 || cp === 0xfeff) return true;
  if (cp >= 0x200b && cp <= 0x200f) return true;
  if (cp >= 0x202a && cp <= 0x202e) return true;
  if (cp >= 0x2060 && cp <= 0x206f) return true;
  if (cp >= 0xfff9 && cp <= 0xfffb) return true;
  if (cp >= 0xe0000 && cp <= 0xe007f) return true;
  return false;
}

/**
 * True when the text holds a character isInvisible refuses, a \r or \t, or any surrogate (pairs
 * are judged properly by the full pass). Reads code units in place, allocating nothing.
 */
function mayHoldInvisible(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if ((unit >= 0xd800 && unit <= 0xdfff) || isInvisible(unit)) return true;
  }
  return false;
}

/** Removes invisible and control characters; tabs and carriage returns become plain whitespace. */
/** Lone surrogates (broken UTF-16) become U+FFFD first, so they cannot pair up after a cut. */
export function stripInvisible(text: string): string {
  // Nearly every text is clean: return it as it is rather than rebuild it a character at a time.
  if (!mayHoldInvisible(text)) return text;
  const normalised = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  let out = '';
  for (const ch of normalised) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!isInvisible(cp)) out += ch;
  }
  return out;
}

/**
 * Drops the URL of markdown masked links and keeps their text: `[Official trailer](https://evil)`
 * becomes `Official trailer`. Repeated because a link text may itself hide another link.
 */
export function stripMaskedLinks(text: string): string {
  // The target may hold one level of parentheses, as in "javascript:alert(1)".
  const masked = /\[([^\]\n]*)\]\(\s*<?(?:[^()\s>]|\([^()\s]*\))*>?(?:\s+["'][^"'\n]*["'])?\s*\)/g;
  let out = text;
  for (let i = 0; i < 5; i += 1) {
    const next = out.replace(masked, '$1');
    if (next === out) break;
    out = next;
  }
  return out;
}

/**
 * Backslash-escapes markdown: inline markers everywhere, and block markers (headings, quotes,
 * lists, subtext) only at line starts, where Discord reads them.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~|`[\]]/g, '\\$&')
    .replace(/^([ ]*)([>#+-])/gm, '$1\\$2')
    .replace(/^([ ]*\d+)([.)])/gm, '$1\\$2');
}

/**
 * Makes mentions inert even if allowed_mentions were ever lost on the way: a zero-width space
 * after "@" or "<" breaks @everyone, @here, <@user>, <@&role>, <#channel>, </command:id>,
 * <:emoji:id> and <t:timestamp> syntax while reading the same to people.
 */
export function neutraliseMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(?=[@#/:]|a:|t:)/g, `<${ZERO_WIDTH_SPACE}`);
}

/**
 * Cuts to `max` characters, ending with an ellipsis so a reader sees that text is missing.
 * Never splits a surrogate pair or leaves half of a backslash escape.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = text.slice(0, max - ELLIPSIS.length);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const trailing = /\\+$/.exec(cut);
  if (trailing && trailing[0].length % 2 === 1) cut = cut.slice(0, -1);
  // A cut right after "<" could join with the ellipsis into nothing harmful, but a dangling
  // zero-width space is pointless: drop it.
  if (cut.endsWith(ZERO_WIDTH_SPACE)) cut = cut.slice(0, -1);
  return cut + ELLIPSIS;
}

/** Feed text for a multi-line place (description, field value): safe, literal, and capped. */
export function safeText(input: string | undefined, max: number): string {
  if (!input) return '';
  const clean = stripMaskedLinks(stripInvisible(input)).replace(/\n{3,}/g, '\n\n').trim();
  return truncate(neutraliseMentions(escapeMarkdown(clean)), max);
}

/** Feed text for a one-line place (title, field name, link text, footer): newlines become spaces. */
export function safeInline(input: string | undefined, max: number): string {
  if (!input) return '';
  const clean = stripMaskedLinks(stripInvisible(input)).replace(/\s+/g, ' ').trim();
  return truncate(neutraliseMentions(escapeMarkdown(clean)), max);
}

/**
 * A link target we are willing to show: http(s) only, no credentials, no raw spaces or brackets
 * that would end a markdown link early. Returns undefined for anything else.
 */
export function safeUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const trimmed = stripInvisible(raw).trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password) return undefined;
  const origin = `${url.protocol}//${url.host}`;
  const tail = url.href.slice(origin.length).replace(/[()[\]<>\s`"'*_~|\\]/g, (c) =>
    `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  const href = origin + tail;
  return href.length <= MAX_LINK_LENGTH ? href : undefined;
}

/** Host name of a URL without "www.", for naming an outlet that gave no name. */
export function hostOf(raw: string | undefined): string | undefined {
  const href = safeUrl(raw);
  if (!href) return undefined;
  return new URL(href).hostname.replace(/^www\./, '');
}
