/**
 * The Korean for the reasons Hyosan itself writes down when something goes wrong: why a feed is
 * failing, why an alert is waiting, why alerts stopped. Those reasons are stored in English (the
 * logs and the command line read them too); a Korean admin is shown them through `reasonIn`.
 *
 * Each rule matches one sentence Hyosan writes, whole, and rebuilds it in Korean; what is inside
 * it that came from elsewhere (a URL, an HTTP status text, a parser's own complaint) is kept as it
 * was said. A reason no rule knows is shown as it is: better English than a wrong translation.
 */
import type { Language } from './language.ts';

type Translate = (text: string) => string;
type Rule = [RegExp, (m: RegExpExecArray, again: Translate) => string];

/** The kinds of address the guard refuses (src/feeds/ip-policy.ts), in Korean; others as said. */
const RANGE_KO: Array<[RegExp, string]> = [
  [/^an? unspecified address|^the unspecified address/, '지정되지 않은 주소'],
  [/^the broadcast address/, '브로드캐스트 주소'],
  [/^a multicast address/, '멀티캐스트 주소'],
  [/^a link-local address \(169\.254/, '링크 로컬 주소 (169.254.0.0/16, 클라우드 메타데이터 서비스가 있는 곳)'],
  [/^a link-local address/, '링크 로컬 주소 (fe80::/10)'],
  [/^a loopback address/, '루프백 주소 (이 컴퓨터)'],
  [/^a carrier-grade NAT address/, '통신사 NAT 주소 (100.64.0.0/10)'],
  [/^a private address/, '사설 주소'],
  [/^a unique-local address/, '고유 로컬 주소 (fc00::/7, 사설망)'],
  [/^a site-local address/, '사이트 로컬 주소 (사설망)'],
  [/^a discard-only address/, '폐기 전용 주소'],
  [/^a Teredo tunnel address/, 'Teredo 터널 주소'],
  [/^a reserved address/, '예약된 주소'],
];

function rangeIn(words: string): string {
  return RANGE_KO.find(([re]) => re.test(words))?.[1] ?? words;
}

const g = (m: RegExpExecArray, i: number): string => m[i] ?? '';

const NETWORK: Record<string, string> = {
  'the server refused the connection': '서버가 연결을 거부했습니다',
  'the server closed the connection unexpectedly': '서버가 갑자기 연결을 끊었습니다',
  'the host name does not exist': '그런 호스트 이름이 없습니다',
  'DNS did not answer; try again later': 'DNS가 답하지 않았습니다. 나중에 다시 시도하세요',
  'the server cannot be reached': '서버에 닿을 수 없습니다',
  'the network to that server cannot be reached': '그 서버로 가는 네트워크에 닿을 수 없습니다',
  'the connection broke while reading': '읽는 도중 연결이 끊겼습니다',
  'connecting to the server took too long': '서버에 연결하는 데 너무 오래 걸렸습니다',
  "the site's HTTPS certificate has expired": '사이트의 HTTPS 인증서가 만료되었습니다',
  "the site's HTTPS certificate is self-signed": '사이트의 HTTPS 인증서가 자체 서명되었습니다',
  "the site's HTTPS certificate is for a different name": '사이트의 HTTPS 인증서가 다른 이름의 것입니다',
  "the site's HTTPS certificate cannot be verified": '사이트의 HTTPS 인증서를 확인할 수 없습니다',
  'the server sent a compressed response that is corrupt': '서버가 보낸 압축 응답이 깨져 있습니다',
  'the site answered with a bot check (Cloudflare or similar) instead of the feed; it blocks automated readers, so pick another feed for this outlet':
    '사이트가 피드 대신 봇 확인 화면(Cloudflare 등)을 보냈습니다. 자동으로 읽는 것을 막으니 이 매체의 다른 피드를 고르세요',
  'the address returns a web page (HTML), not a feed; open it in a browser and look for its RSS or Atom link':
    '이 주소는 피드가 아니라 웹 페이지(HTML)를 돌려줍니다. 브라우저로 열어 RSS나 Atom 링크를 찾으세요',
  'the address returns JSON, not an RSS or Atom feed': '이 주소는 RSS나 Atom 피드가 아니라 JSON을 돌려줍니다',
  'the address returns an empty document, not a feed': '이 주소는 피드가 아니라 빈 문서를 돌려줍니다',
  'the address returns something that is not XML, so it cannot be an RSS or Atom feed': '이 주소가 돌려주는 것은 XML이 아니어서 RSS나 Atom 피드일 수 없습니다',
  'the site answered 304 Not Modified to a request without validators, so it never sent the feed; its server is misconfigured and the feed cannot be read':
    '사이트가 조건 없는 요청에 304 Not Modified로 답해 피드를 한 번도 보내지 않았습니다. 서버 설정이 잘못되어 이 피드는 읽을 수 없습니다',
  'the feed declares its own XML entities in a DOCTYPE, which is how entity-expansion and file-reading attacks work; it was not read':
    '피드가 DOCTYPE에서 자체 XML 엔티티를 선언합니다. 엔티티 확장·파일 읽기 공격에 쓰이는 방식이라 읽지 않았습니다',
  'refused: the URL contains a user name or password; feeds must be readable without credentials in the link':
    '거부됨: 주소에 사용자 이름이나 비밀번호가 들어 있습니다. 피드는 링크에 자격 증명 없이 읽을 수 있어야 합니다',
  'refused: the URL has no host': '거부됨: 주소에 호스트가 없습니다',
  // Delivery.
  'waiting for the original alert to be posted': '원래 알림이 올라가기를 기다리는 중',
  'Discord did not answer in time': 'Discord가 제때 답하지 않았습니다',
  'not sent: delivery stopped, or the request waited too long for its turn': '보내지 않음: 전송이 멈췄거나 요청이 차례를 너무 오래 기다렸습니다',
  'the bot token was refused earlier': '봇 토큰이 앞서 거부되었습니다',
  'the bot token was refused': '봇 토큰이 거부되었습니다',
  'the alert to edit was deleted': '고칠 알림이 삭제되었습니다',
  'no posted alert to edit': '고칠 알림이 올라가 있지 않습니다',
  'superseded: the fact changed again before this alert could be posted': '대체됨: 이 알림이 올라가기 전에 사실이 다시 바뀌었습니다',
  'the bot left the server': '봇이 서버를 떠났습니다',
  "Hyosan cannot read the channel's message history (Read Message History is missing)": 'Hyosan이 채널의 메시지 기록을 읽을 수 없습니다 (메시지 기록 보기 권한 없음)',
};

const RULES: Rule[] = [
  // Endings added to another reason: translate the reason, then the ending.
  [/^(.+) \(reached through a redirect\)$/s, (m, t) => `${t(g(m, 1))} (리디렉션을 거쳐 닿은 주소)`],
  [/^(.+) \(no successful read for 7 days, so the feed was paused; re-enable it once it works again\)$/s,
    (m, t) => `${t(g(m, 1))} (7일 동안 한 번도 읽지 못해 피드를 멈췄습니다. 다시 작동하면 /피드 추가 로 다시 켜세요)`],
  [/^(.+); it asked to wait (\d+) s before trying again$/s, (m, t) => `${t(g(m, 1))}. ${g(m, 2)}초 뒤에 다시 시도해 달라고 했습니다`],
  // Feeds: HTTP answers.
  [/^the site says the bot asks too often \(HTTP 429\)$/, () => '사이트가 요청이 너무 잦다고 합니다 (HTTP 429)'],
  [/^the site is unavailable for now \(HTTP 503\)$/, () => '사이트를 지금은 쓸 수 없습니다 (HTTP 503)'],
  [/^the site says this feed is gone for good \(HTTP 410\); remove it or replace it with the outlet's new feed$/,
    () => '사이트가 이 피드는 완전히 없어졌다고 합니다 (HTTP 410). 삭제하거나 그 매체의 새 피드로 바꾸세요'],
  [/^the feed was not found \(HTTP 404\); the outlet may have moved it$/, () => '피드를 찾을 수 없습니다 (HTTP 404). 매체가 피드를 옮겼을 수 있습니다'],
  [/^the site refused access to the feed \(HTTP (\d+)\)$/, (m) => `사이트가 피드 접근을 거부했습니다 (HTTP ${g(m, 1)})`],
  [/^the site had an error \(HTTP (\d+)\); it is usually temporary$/, (m) => `사이트에 오류가 났습니다 (HTTP ${g(m, 1)}). 보통 잠깐이면 풀립니다`],
  [/^the site answered HTTP (\d+) instead of the feed$/, (m) => `사이트가 피드 대신 HTTP ${g(m, 1)}(으)로 답했습니다`],
  [/^the feed redirected more than (\d+) times; use the address it finally lands on$/, (m) => `피드가 ${g(m, 1)}번 넘게 다른 주소로 넘겼습니다. 마지막에 닿는 주소를 쓰세요`],
  // Feeds: size, time, encoding, format.
  [/^the feed is larger than (.+) once decompressed; the bot stops reading there$/, (m) => `압축을 풀면 피드가 ${g(m, 1)}보다 커서 거기서 읽기를 멈춥니다`],
  [/^the response is larger than (.+) once decompressed$/, (m) => `압축을 푼 응답이 ${g(m, 1)}보다 큽니다`],
  [/^the site did not send the whole feed within (\d+(?:\.\d+)?) s$/, (m) => `사이트가 ${g(m, 1)}초 안에 피드를 다 보내지 않았습니다`],
  [/^the server compressed the response with "(.*)", which cannot be read$/s, (m) => `서버가 읽을 수 없는 방식("${g(m, 1)}")으로 응답을 압축했습니다`],
  [/^the address returns an XML document whose root is <(.*)>, not an RSS or Atom feed$/s, (m) => `이 주소는 RSS나 Atom 피드가 아니라 루트가 <${g(m, 1)}>인 XML 문서를 돌려줍니다`],
  [/^the feed could not be read as RSS or Atom \((.*)\)$/s, (m) => `피드를 RSS나 Atom으로 읽을 수 없습니다 (${g(m, 1)})`],
  [/^the feed was read but its items could not be processed \((.*)\); it will be retried$/s, (m) => `피드는 읽었지만 항목을 처리하지 못했습니다 (${g(m, 1)}). 다시 시도합니다`],
  // Feeds: the address guard.
  [/^refused: the URL is (\d+) characters long; the limit is (\d+)$/, (m) => `거부됨: 주소가 ${g(m, 1)}자로, 한도 ${g(m, 2)}자를 넘습니다`],
  [/^refused: "(.*)" is not a valid URL$/s, (m) => `거부됨: "${g(m, 1)}"은(는) 올바른 주소가 아닙니다`],
  [/^refused: only http and https feeds can be read, not (.+)$/, (m) => `거부됨: http와 https 피드만 읽을 수 있습니다 (${g(m, 1)} 불가)`],
  [/^refused: (.+?) (?:is|resolves to (.+?),) (.+); add it to FEED_ALLOWED_HOSTS if this is your own feed service$/s,
    (m) => `거부됨: ${g(m, 1)}${m[2] ? `(${g(m, 2)})` : ''}은(는) 공개 주소가 아닙니다 (${rangeIn(g(m, 3))}). 직접 운영하는 피드 서비스라면 FEED_ALLOWED_HOSTS에 추가하세요`],
  // Feeds: repairs the parser made.
  [/^item (\d+) had no title, text or link and was skipped$/, (m) => `${g(m, 1)}번 항목은 제목도 본문도 링크도 없어 건너뛰었습니다`],
  [/^item (\d+) could not be read and was skipped$/, (m) => `${g(m, 1)}번 항목을 읽을 수 없어 건너뛰었습니다`],
  [/^kept the newest (\d+) of (\d+) items$/, (m) => `항목 ${g(m, 2)}개 중 최신 ${g(m, 1)}개만 남겼습니다`],
  [/^item (\d+): (.+)$/s, (m) => `${g(m, 1)}번 항목: ${g(m, 2)}`],
  // Delivery.
  [/^Discord asked Hyosan to slow down \((.*)\)$/s, (m) => `Discord가 요청을 늦춰 달라고 했습니다 (${g(m, 1)})`],
  [/^Discord did not answer in time \((.*)\)$/s, (m, t) => `Discord가 제때 답하지 않았습니다 (${t(g(m, 1))})`],
  [/^Discord had a server error \((.*)\)$/s, (m) => `Discord 서버에 오류가 났습니다 (${g(m, 1)})`],
  [/^rate limited on (.+?)( \(global\))?$/, (m) => `${g(m, 1)} 요청 속도 제한${m[2] ? ' (전체)' : ''}`],
  [/^request failed: (.*)$/s, (m) => `요청 실패: ${g(m, 1)}`],
  [/^rejected by Discord: (.*)$/s, (m) => `Discord가 거부함: ${g(m, 1)}`],
  [/^gave up after (\d+) attempts over (\d+) hours: (.*)$/s, (m, t) => `${g(m, 2)}시간 동안 ${g(m, 1)}번 시도한 뒤 포기함: ${t(g(m, 3))}`],
  [/^more than (\d+) messages were posted in the channel since$/, (m) => `그 뒤로 채널에 메시지가 ${g(m, 1)}개 넘게 올라왔습니다`],
  [/^An alert in (.+?) may have been posted by an earlier attempt; not sent again, because (.+)\.$/s,
    (m, t) => `${g(m, 1)}의 알림 하나가 앞선 시도에서 이미 올라갔을 수 있어 다시 보내지 않았습니다. 이유: ${t(g(m, 2))}.`],
  // Why alerts stopped in a server.
  [/^Hyosan can no longer post in (.+) \(missing access\)\. An admin can fix the permission and run \/alerts channel again\.$/s,
    (m) => `Hyosan이 이제 ${g(m, 1)}에 글을 올릴 수 없습니다 (접근 권한 없음). 관리자가 권한을 고친 뒤 /알림 채널 을 다시 실행하세요.`],
  [/^Hyosan can no longer post in (.+) \(the channel was deleted or cannot be found\)\. An admin can choose a channel with \/alerts channel again\.$/s,
    (m) => `Hyosan이 이제 ${g(m, 1)}에 글을 올릴 수 없습니다 (채널이 삭제되었거나 찾을 수 없음). 관리자가 /알림 채널 로 채널을 다시 고르세요.`],
];

/** The Korean for one reason Hyosan wrote, or undefined when no rule knows it. */
export function koreanReason(text: string): string | undefined {
  const whole = NETWORK[text];
  if (whole) return whole;
  for (const [re, build] of RULES) {
    const m = re.exec(text);
    if (m) return build(m, (inner) => koreanReason(inner) ?? inner);
  }
  return undefined;
}

/** A stored reason in the reader's language: Korean when a rule knows it, else as it was written. */
export function reasonIn(text: string, language: Language): string {
  return language === 'ko' ? (koreanReason(text) ?? text) : text;
}
