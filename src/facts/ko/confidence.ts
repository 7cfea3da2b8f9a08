import type { ShowPack } from '../show-pack-schema.ts';
import type { Confidence, FactKind } from '../types.ts';

/**
 * How sure a Korean sentence is. Korean puts the attribution at the end ("…것으로 알려졌다",
 * "…라고 밝혔다", "…고 보도했다") or opens with a source ("관계자에 따르면"), and either governs
 * the whole sentence; a hedge ("…할 것으로 보인다", "전망이다") governs only its own clause.
 * Weakest wins, as in English: "넷플릭스가 확정할 것으로 보인다" is speculation.
 */
export const KO_SPECULATION = /것으로\s*(?:보인다|보여|보이며|예상|전망|관측|점쳐|추정|기대)|(?:할|될|갈|올|설|칠|낼|줄)\s*(?:듯|전망|가능성)|가능성(?:이|을|도)?|전망(?:이다|된다|이며|이나|돼|이|도)?|예상(?:된다|돼|이다|되며|되는|하고|했다|한다|하는)?|관측(?:된다|이다|이|도)?|점쳐|추측|예측|기대(?:된다|를\s*모은다|가\s*모인다)|(?:지|ㄹ지)\s*(?:주목|관심)|않을까|아닐까|(?:팬|시청자|누리꾼)들?(?:은|이|사이에서는?)\s*[^.]{0,30}(?:바란다|기대|추측|예상|점친)|유력/;
export const KO_RUMOR = /소문|루머|설(?:이|도)?\s*(?:돌고|돌며|돈다|돌았|나오|나왔|제기|퍼지|퍼졌)|(?:이라는|라는|는|다는)\s*설(?:이|도|에)?|(?:이라는|라는|다는)\s*(?:말|이야기|얘기)(?:이|가)?\s*(?:나온|나왔|돌|흘러)|풍문|카더라|지라시|(?:하|되|했|됐)?다는\s*후문|미확인|(?:업계|방송가|연예계)\s*안팎|(?:업계|방송가|연예계)(?:에\s*따르면|에서는\s*(?:[^.]{0,30}?)(?:관측|얘기|이야기|말))|(?:일각|일부)에서는?/;
const KO_AGENCY_SPEAKER = /소속사(?:\s*[\w가-힣]+)?\s*(?:측|관계자)?(?:은|는|이|가|도)?|[\w가-힣]+엔터테인먼트\s*(?:측|관계자)?(?:은|는|이|가)?/;
/** The attribution verb at the end of a sentence. */
const KO_SAYS = /(?:라고|이라고|다고|고|며|면서)?\s*(?:공식\s*)?(?:밝혔다|밝혔습니다|전했다|전했습니다|발표했다|공개했다|알렸다|공식화했다|확인했다|확인해줬다|답했다|말했다|설명했다|덧붙였다|입장을\s*밝혔다|입장을\s*전했다)/;
const KO_REPORTED = /에\s*따르면|전해졌다|전해진다|전해져|전해졌으며|보도했다|보도됐다|보도에\s*따르면|알려졌다|알려진다|알려져|알려졌으며|것으로\s*파악|확인됐다|취재\s*결과|단독/;

/** Weighing, discussing or not yet deciding: a speaker who says so confirms nothing. */
const NOT_COMMITTED = /검토|논의|제안을\s*받|제안받|미정|결정된\s*(?:바|것)(?:는|은)?\s*없|정해진\s*(?:바|것)(?:는|은)?\s*없|확정되지\s*않/;

/** "넷플릭스에 따르면", "소속사에 따르면": a source that is itself the authority. */
const KO_AGENCY_SOURCE = /소속사(?:\s*[\w가-힣]+)?(?:\s*측)?에\s*따르면/;

interface KoOfficialLexicon {
  speaker: RegExp;
  words: RegExp;
  source: RegExp;
}

const lexicons = new WeakMap<ShowPack, KoOfficialLexicon>();

/**
 * The official voices in Korean come from the pack (its Hangul names for the platform and the
 * studio: "넷플릭스", "필름몬스터"); the kinds of speaker (제작사 측, 제작진, 소속사) are generic.
 * "넷플릭스 '지금 우리 학교는'" and "넷플릭스 시리즈 …" name the platform's show, not its voice.
 */
function koOfficial(pack: ShowPack): KoOfficialLexicon {
  const known = lexicons.get(pack);
  if (known) return known;
  const hangul = [pack.platform, ...(pack.speakers?.official ?? [])].filter((n) => /[\uac00-\ud7a3]/.test(n)).sort((a, b) => b.length - a.length);
  const names = hangul.length ? `(?:${hangul.join('|')})(?:\\s*코리아)?` : '(?!)';
  const lex = {
    speaker: new RegExp(`${names}(?!\\s*(?:['‘"“]|시리즈|오리지널|드라마|영화|작품))(?:\\s*측|\\s*관계자)?(?:은|는|이|가|에서|도)?|제작사(?:\\s*[\\w가-힣]+)?\\s*측(?:은|이|도)?|(?:제작진|제작사)(?:은|는|이|가)`),
    words: new RegExp(`공식\\s*(?:발표|입장|확정|화|적으로|SNS|채널|계정|예고)|공식\\s*발표|${names}(?:가|는|이|측은?)\\s*[^.]{0,60}?(?:공개했다|발표했다|확정했다|결정했다|공식화했다|밝혔다|알렸다|공개하며|발표하며)`),
    source: new RegExp(`(?:${names}|제작사|제작진)(?:\\s*측)?(?:에\\s*따르면|의\\s*(?:발표|설명)에\\s*따르면)|${names}(?:가|이|는)?\\s*[^.]{0,20}?(?:공개한|발표한|내놓은|밝힌|공개된)\\s*[^.]{0,20}?(?:라인업|일정|자료|발표|계획|목록|명단|공지|보도자료)(?:에\\s*따르면|에서는?)`),
  };
  lexicons.set(pack, lex);
  return lex;
}

export function koHedge(text: string): Confidence | undefined {
  if (KO_SPECULATION.test(text)) return 'speculation';
  if (KO_RUMOR.test(text)) return 'rumor';
  return undefined;
}

/** Whose statement the sentence is: Netflix's, an agency's, an outlet's report, or nobody's (a bare statement). */
export function koAttribution(sentence: string, pack: ShowPack): 'official' | 'agency' | 'reported' | undefined {
  const official = koOfficial(pack);
  if (official.source.test(sentence)) return 'official';
  if (KO_AGENCY_SOURCE.test(sentence)) return 'agency';
  const says = KO_SAYS.exec(sentence);
  if (says) {
    const before = sentence.slice(0, says.index);
    if (official.speaker.test(before) && !/관계자에\s*따르면/.test(before)) return 'official';
    // "소속사는 … 긍정적으로 검토하고 있다고 밝혔다": an agency that is only weighing an offer
    // confirms nothing; the outlet's report stands on its own.
    const agency = KO_AGENCY_SPEAKER.exec(before);
    if (agency && agency[0].trim() !== '' && NOT_COMMITTED.test(before.slice(agency.index))) return 'reported';
    if (agency && agency[0].trim() !== '') return 'agency';
  }
  if (official.words.test(sentence)) return 'official';
  // "뉴스1은 … 출연을 확정했다고 전했다": a confirmation an outlet passes on is its report.
  if (/확정/.test(sentence) && !KO_REPORTED.test(sentence) && !says) return 'official';
  if (KO_REPORTED.test(sentence) || says) return 'reported';
  return undefined;
}

/**
 * The confidence of one clause of a sentence, for one kind of fact. An agency speaks officially
 * only for its own actor: its word on the release date is a report.
 */
export function koConfidence(sentence: string, clause: string, kind: FactKind, pack: ShowPack): Confidence {
  const hedge = koHedge(clause);
  const who = koAttribution(sentence, pack);
  let base: Confidence = 'reported';
  if (who === 'official') base = 'official';
  else if (who === 'agency') base = kind === 'cast' ? 'official' : 'reported';
  // An attribution sentence with a hedge in another clause ("…예정이며, …것으로 보인다") keeps
  // the hedge to that clause; a hedge on the attribution itself ("…할 것으로 알려졌다") is a report.
  if (hedge && !(hedge === 'speculation' && /것으로\s*(?:알려졌다|전해졌다)/.test(clause))) return weakestOf(base, hedge);
  // A rumour word anywhere ("…라는 소문이 돌고 있다") weakens the whole sentence.
  const whole = KO_RUMOR.test(sentence) ? 'rumor' : undefined;
  return whole ? weakestOf(base, whole) : base;
}

/** Plain statement: no hedge, no source, nobody speaking. */
export function koIsBareStatement(sentence: string, pack: ShowPack): boolean {
  return koHedge(sentence) === undefined && koAttribution(sentence, pack) === undefined;
}

/** Netflix (or an agency) announcing in this sentence, not declining to. */
export function koIsOfficialAnnouncement(sentence: string, pack: ShowPack): boolean {
  const who = koAttribution(sentence, pack);
  return (who === 'official' || who === 'agency') && koHedge(sentence) === undefined && !KO_UNDECIDED.test(sentence) && !KO_NEGATION.test(sentence);
}

function weakestOf(a: Confidence, b: Confidence): Confidence {
  const order: Confidence[] = ['speculation', 'rumor', 'reported', 'official'];
  return order.indexOf(a) <= order.indexOf(b) ? a : b;
}

/** "미정", "확정되지 않았다", "정해진 바 없다": nothing is settled, so nothing is claimed. */
export const KO_UNDECIDED = /미정|(?:확정|결정|확인|정해|논의|결론)(?:이|가|은|는)?\s*(?:되지|지|나지)\s*않|(?:확정|결정|확인|정해진|결정된|논의된|확정된|알려진)\s*(?:바|것은?|게)?\s*(?:가\s*)?없|결정된\s*(?:바|것)|정해진\s*(?:바|것)|아직\s*(?:[^.]{0,20}?)(?:않|없|모른|미지수)|미지수|베일에\s*싸여|(?:밝힐|확인해\s*줄|말씀드릴)\s*수\s*없|사실무근|사실이\s*아니|(?:부인|일축)했다|결정된\s*게\s*없|(?:확정|결정)\s*(?:전|前)|(?:확정|결정)(?:되|이\s*되)면\s*(?:알리|공개하|밝히)|말을\s*아꼈|언급을\s*(?:피했|자제했|삼갔)|답(?:변)?을\s*(?:피했|하지\s*않)/;

/** Clause-level negation: "…하지 않았다", "…지 못했다", "…없다". Exits are handled apart. */
export const KO_NEGATION = /아직(?:이다|이며|이고|입니다|인\s*상태)|(?:지|진)\s*(?:않|못)|않(?:는다|았다|을|은|아|기로)|못\s*(?:했|한다|하|한)|없(?:다|었다|으며|고|는)|아니(?:다|며|라)|무산|불발|취소|전혀/;
