import { isHangulChar } from './hangul.ts';

/**
 * Korean writes case particles onto the noun: 박지후는, 로몬이, 노윤서가, 윤가이와. A name found
 * inside a longer run of Hangul is a match only when what follows it is such a particle (or
 * nothing), and nothing Hangul comes before it — 이민재 inside 김이민재 is somebody else.
 */
const PARTICLE = /^(?:은|는|이|가|을|를|과|와|의|도|만|께서|에게|에게서|한테|에서|에|으로|로|으로서|로서|부터|까지|처럼|보다|이랑|랑|하고|이나|나|이라|라|이며|이고|씨|측|이다|였다|이었다|이자|까지도|와의|과의|에게도|에겐|은요|는요)/;

/** Where the name written at `start` with `length` characters ends, or -1 when it is not a whole word. */
export function wholeKoreanWord(text: string, start: number, length: number): number {
  if (isHangulChar(text[start - 1])) return -1;
  const end = start + length;
  if (!isHangulChar(text[end])) return end;
  const particle = PARTICLE.exec(text.slice(end))?.[0];
  if (!particle) return -1;
  // The particle must close the word: "노윤서가" yes, "이민재가족" no.
  return isHangulChar(text[end + particle.length]) && !/^(?:측|씨)$/.test(particle) ? -1 : end;
}
