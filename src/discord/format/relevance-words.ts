/**
 * The Korean for why /feeds test counts an article as about the show or not. The engine explains
 * itself in English, in short parts joined by commas ("mentions 'X' 2 times, in the headline");
 * each part has its Korean here. A reason with a part this does not know is shown as it is.
 */
import type { Language } from '../../alerts/language.ts';

const PARTS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^never mentions '(.+)'$/, (m) => `'${m[1] ?? ''}' 언급 없음`],
  [/^mentions '(.+)' (\d+) times?$/, (m) => `'${m[1] ?? ''}' ${m[2] ?? ''}번 언급`],
  [/^in the headline only among other shows$/, () => '제목에서는 다른 작품들 사이에만'],
  [/^in the headline$/, () => '제목에 나옴'],
  [/^(\d+) of them in lists of other shows$/, (m) => `그중 ${m[1] ?? ''}번은 다른 작품 목록 속`],
  [/^season (\d+) in the headline$/, (m) => `제목에 시즌 ${m[1] ?? ''}`],
  [/^season (\d+) in the text$/, (m) => `본문에 시즌 ${m[1] ?? ''}`],
  [/^about an earlier season$/, () => '이전 시즌 이야기'],
  [/^named by its genre or its people$/, () => '장르나 출연진으로 가리킴'],
  [/^dated ahead, so the coming season$/, () => '앞날의 일이라 다가올 시즌'],
];

function koreanPart(part: string): string | undefined {
  for (const [re, build] of PARTS) {
    const m = re.exec(part);
    if (m) return build(m);
  }
  return undefined;
}

/** The engine's relevance reason in the reader's language. */
export function relevanceIn(reason: string, language: Language): string {
  if (language !== 'ko') return reason;
  const parts = reason.split(', ').map(koreanPart);
  return parts.every((p): p is string => p !== undefined) ? parts.join(', ') : reason;
}
