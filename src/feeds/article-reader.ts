import { DomUtils, parseDocument } from 'htmlparser2';
import { logger } from '../shared/logger.ts';
import { fetchDocument, type FetchOptions } from './fetcher.ts';
import { capLength, foldWhitespace } from './html-text.ts';
import { HostThrottle } from './host-throttle.ts';

/**
 * News-search feeds give a headline and one line; the facts are in the article. This reads the
 * linked page through the same guarded fetcher and keeps the paragraphs of its main content.
 */

// Node types come through htmlparser2 so the code depends only on what the project installs.
type AnyNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<AnyNode, { attribs: Record<string, string> }>;

const log = logger.child({ module: 'feeds.article-reader' });

export const MAX_ARTICLE_CHARS = 20_000;
const NOT_CONTENT = new Set(['nav', 'footer', 'header', 'aside', 'form', 'script', 'style', 'noscript', 'template', 'figure', 'button', 'iframe']);
const NOT_CONTENT_CLASS = /\b(related|share|social|comment|newsletter|advert|promo|recommend|byline|breadcrumb|caption)/i;

export interface ArticleReaderOptions extends FetchOptions {
  throttle?: HostThrottle;
  maxChars?: number;
}

const sharedThrottle = new HostThrottle();

/** The article's main text, or undefined when it cannot be read (the headline still counts). */
export async function readArticleText(url: string, options: ArticleReaderOptions = {}): Promise<string | undefined> {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return undefined;
  }
  const throttle = options.throttle ?? sharedThrottle;
  const result = await throttle.run(host, () => fetchDocument(url, { ...options, expect: 'html' }));
  if (result.status !== 'ok') {
    log.debug({ url, result }, 'article not read');
    return undefined;
  }
  if (result.contentType && !/html/i.test(result.contentType)) return undefined;
  const text = extractMainText(result.text);
  return text ? capLength(text, options.maxChars ?? MAX_ARTICLE_CHARS) : undefined;
}

function isElement(node: AnyNode): node is Element {
  return 'attribs' in node;
}

function excluded(el: Element): boolean {
  if (NOT_CONTENT.has(el.name)) return true;
  const role = el.attribs.role ?? '';
  if (role === 'navigation' || role === 'contentinfo' || role === 'complementary') return true;
  return NOT_CONTENT_CLASS.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`);
}

/** Paragraph text under `root`, skipping navigation, footers, asides and scripts. */
function paragraphs(root: Element | AnyNode[]): string[] {
  const out: string[] = [];
  const visit = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (!isElement(node) || excluded(node)) continue;
      if (node.name === 'p' || node.name === 'blockquote') {
        const text = foldWhitespace(DomUtils.textContent(node)).replace(/\n/g, ' ');
        if (text.length >= 2) out.push(text);
      } else {
        visit(node.children);
      }
    }
  };
  visit(Array.isArray(root) ? root : [root]);
  return out;
}

/** Main content: `<article>`, else the articleBody, else `<main>`, else the whole page. */
export function extractMainText(html: string): string | undefined {
  const doc = parseDocument(html, { decodeEntities: true });
  const find = (test: (el: Element) => boolean) => DomUtils.findAll(test, doc.children);
  const candidates: Element[][] = [
    find((el) => el.attribs.itemprop === 'articleBody'),
    find((el) => el.name === 'article'),
    find((el) => el.name === 'main' || el.attribs.role === 'main'),
  ];
  for (const roots of candidates) {
    // Pages with several <article> (teasers) keep the one with the most text.
    const best = roots
      .map((root) => paragraphs(root))
      .sort((a, b) => b.join('').length - a.join('').length)[0];
    if (best && best.length > 0) return best.join('\n');
  }
  const all = paragraphs(doc.children);
  return all.length > 0 ? all.join('\n') : undefined;
}
