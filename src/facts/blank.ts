/**
 * Rules read a sentence as if some of it were not there (an aside, a name, a speaker's words)
 * while every position keeps its place: the parts are overwritten with spaces.
 */
export interface Span {
  start: number;
  end: number;
}

/** `text` with each span blanked; spans are positions in `text` shifted by `offset`, and are clipped to it. */
export function blankSpans(text: string, spans: Iterable<Span>, offset = 0): string {
  let out = text;
  for (const s of spans) {
    const start = Math.max(0, s.start - offset);
    const end = Math.min(out.length, s.end - offset);
    if (end > start) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  }
  return out;
}
