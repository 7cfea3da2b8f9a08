/**
 * Korean season markers. 시즌2, 두 번째 시즌, 후속편 point at the tracked season; 시즌1, 첫 시즌,
 * 전작 and the year the first season came out point back at it.
 */
const KO_NUM = ['영', '첫', '두', '세', '네', '다섯'];

export function koTrackedSource(season: number): string {
  const ord = KO_NUM[season] ?? String(season);
  const parts = [`시즌\\s*${season}(?!\\d)`, `${ord}\\s*번째\\s*(?:시즌|이야기|시리즈)`, `파트\\s*${season}(?!\\d)`, `후속\\s*(?:편|작|시즌)`, '새\\s*시즌', `속편`];
  return parts.join('|');
}

export function koEarlierSource(numbers: readonly number[], years: readonly number[]): string {
  const parts: string[] = [];
  for (const n of numbers) {
    parts.push(`시즌\\s*${n}(?!\\d)`, `파트\\s*${n}(?!\\d)`);
    if (n === 1) parts.push('첫\\s*(?:번째\\s*)?시즌', '전작', '전편', '앞선\\s*시즌', '지난\\s*시즌', '원작\\s*시즌');
    else parts.push(`${KO_NUM[n] ?? n}\\s*번째\\s*시즌`);
  }
  // "2022년 1월 공개돼": the year the earlier season came out, named as such.
  for (const y of years) parts.push(`${y}년\\s*(?:\\d{1,2}월\\s*(?:\\d{1,2}일\\s*)?)?(?:에\\s*)?(?:공개|첫\\s*공개|방영|전파|선보)`);
  return parts.join('|');
}

/** "시즌1에 이어 시즌2에서도", "시즌1의 박지후": the earlier season named only to lead to the new one or to a person. */
export const KO_EARLIER_AS_LEAD = /(?:시즌\s*1|첫\s*시즌|전작)(?:에\s*이어|의|에\s*출연했던|에서\s*활약한|에서\s*활약했던|에\s*이어서|부터|을\s*(?:함께\s*)?(?:이끈|빛낸|만든|연출한))/g;
