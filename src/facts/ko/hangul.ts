/**
 * Telling Korean text from English: the extractor reads each sentence with the cue lexicons of
 * its own language, and a Korean sentence often carries Latin words (Netflix, OTT, MAA).
 */
const HANGUL = /[\uac00-\ud7a3]/g;
const LATIN = /[A-Za-z]/g;

/** True when there are a few Hangul syllables and they carry more of the text than Latin letters (a syllable is worth two letters). */
export function isKorean(text: string): boolean {
  const hangul = text.match(HANGUL)?.length ?? 0;
  if (hangul < 4) return false;
  const latin = text.match(LATIN)?.length ?? 0;
  return hangul * 2 >= latin;
}

export function isHangulChar(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '\uac00' && ch <= '\ud7a3';
}
