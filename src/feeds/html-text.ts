import { Parser } from 'htmlparser2';

/**
 * Plain text out of the HTML that feeds put in descriptions and titles. The extractor reads
 * sentences, so block elements become line breaks (kept apart) and everything else is folded.
 */

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math', 'head', 'object']);
const BLOCKS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article',
  'header', 'footer', 'table', 'tr', 'td', 'th', 'figure', 'figcaption', 'pre', 'hr', 'dd', 'dt', 'aside', 'main',
]);

/** Folds runs of spaces inside lines, keeps single line breaks between blocks, trims. */
export function foldWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n+/)
    .map((line) => line.replace(/[\s\u00a0\u200b]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Cuts at a word boundary when one is near, and marks the cut. */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}

export function htmlToText(html: string, maxLength = 20_000): string {
  const parts: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipDepth++;
        else if (BLOCKS.has(name)) parts.push('\n');
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCKS.has(name)) parts.push('\n');
      },
      ontext(text) {
        if (skipDepth === 0) parts.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return capLength(foldWhitespace(parts.join('')), maxLength);
}

/** For one-line fields (titles): text with every break folded to a space. */
export function htmlToLine(html: string, maxLength = 500): string {
  return capLength(htmlToText(html, Number.MAX_SAFE_INTEGER).replace(/\n/g, ' '), maxLength);
}

const INLINE_MARKUP = /<\/?(?:b|i|u|em|strong|span|a|br|p|div|font|sup|sub|mark|small|cite|q|abbr|img)\b[^>]*>/i;

/**
 * Titles are sometimes HTML and sometimes plain text with angle brackets in it (Korean outlets
 * write show names as <All of Us Are Dead>). Only real markup is treated as markup.
 */
export function titleToText(title: string, maxLength = 500): string {
  return htmlToLine(INLINE_MARKUP.test(title) ? title : title.replace(/</g, '&lt;'), maxLength);
}
