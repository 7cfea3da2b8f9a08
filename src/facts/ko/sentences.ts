import type { Clause } from '../sentences.ts';
import { matchAll } from '../match-all.ts';

/**
 * Korean sentences end in a verb ending and a full stop (…했다. …이에요. …할까?), often with no
 * space before the next one when a feed has flattened its paragraphs ("마쳤다.제작진은").
 * A quoted sentence stays inside its sentence: "…없다"고 밝혔다.
 */
const END = /(?:[다요죠까네군음함임][.!?]+|[!?]+)["”’')\]]*(?=\s+\S|[\uac00-\ud7a3"“‘'([])/g;

export function splitKoreanSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    let start = 0;
    for (const m of matchAll(END, line)) {
      const end = m.index + m[0].length;
      // A closing quote followed by a quoting ending ("…없다"고, "…했다"며) continues the sentence.
      if (/^["”’']/.test(m[0].slice(-1)) && /^(?:고|며|라고|라며|는|라는|면서|이라)/.test(line.slice(end))) continue;
      out.push(line.slice(start, end).trim());
      start = end;
    }
    out.push(line.slice(start).trim());
  }
  return out.filter((s) => s.length > 0);
}

/**
 * Clauses: a Korean sentence chains its clauses with connective endings (…하고, …했으며,
 * …했지만, …했으나, …인데) and the hedge or denial at the end of one clause does not reach the
 * other ("후반 작업에 들어갈 예정이며, 공개 시점은 확정되지 않았다"). Commas alone do not
 * break a clause: they mostly separate names in a list.
 */
const CONNECTIVE = /(?<=[\uac00-\ud7a3])(?:(?:하|되|했|됐|었|았|였|있|없|않|이|찍|마쳤|끝냈|밝혔|전했|알려졌)(?:고|으며|며)|(?:으며|이며)|(?:지만|으나|했으나|됐으나|었으나|았으나|였으나|는데|은데|했는데|면서|으면서))(?:,\s*|\s+)|…\s*|\s-\s|;\s*/g;

export function splitKoreanClauses(sentence: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  for (const m of matchAll(CONNECTIVE, sentence)) {
    // The ending stays with its clause; the break is after it.
    const ending = /^[^\s,…;-]*/.exec(m[0])?.[0] ?? '';
    const end = m.index + ending.length;
    if (end > start) clauses.push({ text: sentence.slice(start, end), start, end });
    start = m.index + m[0].length;
  }
  if (start < sentence.length) clauses.push({ text: sentence.slice(start), start, end: sentence.length });
  return clauses;
}

/**
 * Korean wire copy opens with a credit: "(서울=연합뉴스) 홍길동 기자 =", "[OSEN=김기자]",
 * "[스포츠경향 김기자] ". It names the outlet and reporter, never the show's facts.
 */
const KO_DATELINE = /^\s*(?:\([^()]{1,30}=[^()]{1,20}\)\s*(?:[\uac00-\ud7a3]{2,4}\s*(?:기자|특파원)\s*=\s*)?|\[[^\]]{1,40}\]\s*|[\uac00-\ud7a3]{2,4}\s*기자\s*=\s*)/;

export function stripKoreanDateline(sentence: string): string {
  const m = KO_DATELINE.exec(sentence);
  if (!m) return sentence;
  const rest = sentence.slice(m[0].length);
  return rest.trim().length > 0 ? rest : sentence;
}
