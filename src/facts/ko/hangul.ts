/**
 * Telling Korean text from English: the extractor reads each sentence with the cue lexicons of
 * its own language, and a Korean sentence often carries Latin words (Netflix, OTT, MAA).
 */
const HANGUL = /[\uac00-\ud7a3]/g;
const LATIN = /[A-Za-z]/g;

/** True when Hangul syllables outnumber Latin letters and there are a few of them. */
export function isKorean(text: string): boolean {
  const hangul = text.match(HANGUL)?.length ?? 0;
  if (hangul < 4) return false;
  const latin = text.match(LATIN)?.length ?? 0;
  return hangul >= latin;
}

export function isHangulChar(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '\uac00' && ch <= '\ud7a3';
}
