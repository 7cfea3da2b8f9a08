/**
 * Tells a feed from the things servers send instead: a web page, a bot check, an API answer.
 * rss-parser would only say "Feed not recognized"; an admin needs to know what came back.
 */

const CHALLENGE_MARKERS = [
  /cf-chl|challenge-platform|cf_chl_opt/i,
  /<title>\s*(just a moment|attention required|access denied|checking your browser)/i,
  /_incapsula_|ddos-guard|perimeterx|captcha-delivery|px-captcha/i,
];

export const CHALLENGE_MESSAGE =
  'the site answered with a bot check (Cloudflare or similar) instead of the feed; it blocks automated readers, so pick another feed for this outlet';

export function looksLikeChallenge(text: string, headers: Record<string, string | undefined> = {}): boolean {
  if (headers['cf-mitigated']?.toLowerCase() === 'challenge') return true;
  const head = text.slice(0, 20_000);
  return CHALLENGE_MARKERS.some((re) => re.test(head));
}

/** The name of the first element, skipping the prolog (declaration, comments, processing instructions, doctype). */
export function rootElementName(text: string): string | undefined {
  let rest = text.replace(/^\uFEFF/, '');
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      if (end < 0) return undefined;
      rest = rest.slice(end + 2);
    } else if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) return undefined;
      rest = rest.slice(end + 3);
    } else if (/^<!doctype/i.test(rest)) {
      // A doctype may hold an internal subset in brackets; skip to the '>' after it.
      const bracket = rest.indexOf('[');
      const close = rest.indexOf('>');
      const end = bracket >= 0 && bracket < close ? rest.indexOf(']>', bracket) + 1 : close;
      if (end <= 0) return undefined;
      rest = rest.slice(end + 1);
    } else {
      return rest.match(/^<([A-Za-z_][\w:.-]*)/)?.[1];
    }
  }
}

/** Undefined when the text is an RSS, RDF or Atom document; otherwise why it is not, in words. */
export function whyNotAFeed(text: string, headers: Record<string, string | undefined> = {}): string | undefined {
  const root = rootElementName(text);
  const local = root?.split(':').pop()?.toLowerCase();
  if (local === 'rss' || local === 'feed' || local === 'rdf') return undefined;
  if (looksLikeChallenge(text, headers)) return CHALLENGE_MESSAGE;
  if (local === 'html' || /^\s*<!doctype html/i.test(text) || /text\/html/i.test(headers['content-type'] ?? '')) {
    return 'the address returns a web page (HTML), not a feed; open it in a browser and look for its RSS or Atom link';
  }
  if (root) return `the address returns an XML document whose root is <${root}>, not an RSS or Atom feed`;
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'the address returns JSON, not an RSS or Atom feed';
  if (start.length === 0) return 'the address returns an empty document, not a feed';
  return 'the address returns something that is not XML, so it cannot be an RSS or Atom feed';
}
