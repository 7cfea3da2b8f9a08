import { Parser } from 'htmlparser2';

/**
 * Plain text out of the HTML that feeds put in descriptions and titles. The extractor reads
 * sentences, so block elements become line breaks (kept apart) and everything else is folded.
 */

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math', 'head', 'object']);
const BLOCKS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article',
  'header', 'footer', 'table', 'figure', 'figcaption', 'pre', 'hr', 'dd', 'dt', 'aside', 'main',
]);
const CELLS = new Set(['td', 'th']);

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

/**
 * A table is read a row at a time, and a row is only meaningful whole: "Park Ji-hu", "Nam On-jo",
 * "returning" and "Netflix Korea" on four lines say nothing, but one line that labels each cell
 * with its column's heading ("Actor: Park Ji-hu; Character: Nam On-jo; S2: returning; Source:
 * Netflix Korea") reads as the fact box it is. A row of headings (all <th>, or the <thead>) gives
 * the labels and is not itself written out; a row without headings joins its cells with "; ".
 */
class TableReader {
  #headings: string[] = [];
  #cells: string[] = [];
  #headingCells = 0;
  #inHead = false;
  #cell: string[] | undefined;

  openHead(): void {
    this.#inHead = true;
  }

  closeHead(): void {
    this.#inHead = false;
  }

  openCell(name: string): void {
    this.#cell = [];
    if (name === 'th') this.#headingCells++;
  }

  /** Text inside a cell is kept for the row; outside one (stray text in a table) it is the caller's. */
  take(text: string): boolean {
    if (!this.#cell) return false;
    this.#cell.push(text);
    return true;
  }

  closeCell(): void {
    if (!this.#cell) return;
    this.#cells.push(this.#cell.join('').replace(/[\s\u00a0\u200b]+/g, ' ').trim());
    this.#cell = undefined;
  }

  /** The row as one line, or nothing when it was the headings. */
  closeRow(): string | undefined {
    this.closeCell();
    const cells = this.#cells;
    const headingRow = cells.length > 0 && (this.#inHead || this.#headingCells === cells.length);
    this.#cells = [];
    this.#headingCells = 0;
    if (cells.length === 0) return undefined;
    if (headingRow) {
      this.#headings = cells;
      return undefined;
    }
    const labelled = this.#headings.length === cells.length;
    const parts = cells.map((cell, i) => (labelled && this.#headings[i] ? `${this.#headings[i]}: ${cell || '—'}` : cell)).filter(Boolean);
    return parts.join('; ');
  }
}

export function htmlToText(html: string, maxLength = 20_000): string {
  const parts: string[] = [];
  let skipDepth = 0;
  const tables: TableReader[] = [];
  const parser = new Parser(
    {
      onopentag(name) {
        const table = tables[tables.length - 1];
        if (SKIPPED.has(name)) skipDepth++;
        else if (name === 'table') {
          tables.push(new TableReader());
          parts.push('\n');
        } else if (table && name === 'thead') table.openHead();
        else if (table && CELLS.has(name)) table.openCell(name);
        else if (BLOCKS.has(name) || name === 'tr') parts.push('\n');
      },
      onclosetag(name) {
        const table = tables[tables.length - 1];
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (name === 'table') {
          const row = table?.closeRow();
          if (row) parts.push('\n', row, '\n');
          tables.pop();
          parts.push('\n');
        } else if (table && name === 'thead') table.closeHead();
        else if (table && CELLS.has(name)) table.closeCell();
        else if (table && name === 'tr') {
          const row = table.closeRow();
          if (row) parts.push('\n', row, '\n');
        } else if (BLOCKS.has(name)) parts.push('\n');
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (!tables[tables.length - 1]?.take(text)) parts.push(text);
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
