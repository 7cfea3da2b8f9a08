/**
 * Every match of a global pattern in a text, like `[...text.matchAll(re)]` but without its cost:
 * `matchAll` clones the pattern and builds an iterator on every call, which on the engine's short
 * sentences costs about three times the matching itself. The pattern's own `lastIndex` is used and
 * reset, which is safe because the whole scan runs before any caller code does.
 */
export function matchAll(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchAll needs a global pattern: /${re.source}/${re.flags}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push(m);
    // An empty match would be found again at the same place: step over one character (a whole
    // surrogate pair when the pattern reads code points).
    if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  re.lastIndex = 0;
  return out;
}

function advance(text: string, at: number, codePoints: boolean): number {
  if (!codePoints || at + 1 >= text.length) return at + 1;
  const unit = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  return unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? at + 2 : at + 1;
}
