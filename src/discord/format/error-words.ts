/**
 * The Korean for what the services say to a person when they refuse something. Services speak
 * English (the command line uses them too); a Korean member gets these words instead, by the
 * error's code. Where the reason itself comes from a feed or a fetch, it is kept as it was said.
 */
import { MAX_FEEDS_PER_GUILD } from '../../services/feed-admin.ts';
import { reasonIn } from '../../alerts/reason-words.ts';
import type { UserFacingError } from '../../shared/errors.ts';

const KOREAN: Record<string, (error: UserFacingError) => string> = {
  'bad-language': () => 'English, 한국어, 자동 중에서 고르세요.',
  'bad-channel': () => '이 서버의 채널이 아닙니다.',
  'bad-role': (e) => (/@everyone/.test(e.message) ? 'Hyosan은 @everyone을 멘션하지 않습니다. 팬들이 직접 받을 수 있는 역할을 고르세요.' : '이 서버의 역할이 아닙니다.'),
  'bad-kinds': () => '사실의 종류를 하나 이상 고르세요. 잠시 알림을 멈추려면 /알림 일시정지 를 쓰세요.',
  'bad-confidence': () => '목록에 있는 신뢰도 중 하나를 고르세요.',
  'feed-url-refused': (e) => `그 주소는 쓸 수 없습니다: ${reasonIn(e.message, 'ko')}`,
  'feed-unusable': (e) => `그 피드는 쓸 수 없습니다: ${reasonIn(e.message.replace(/^That feed can't be used: /, ''), 'ko')}`,
  'feed-exists': () => '이 서버는 이미 그 피드를 구독하고 있습니다.',
  'feed-limit': () => `이 서버가 추가한 피드가 이미 ${MAX_FEEDS_PER_GUILD}개입니다. /피드 삭제 로 하나를 지운 뒤 추가하세요.`,
  'feed-unknown': () => '이 서버는 그 피드를 구독하지 않습니다. /피드 목록 에서 구독 중인 피드를 볼 수 있습니다.',
  'feed-default': () => '모든 서버가 받는 기본 피드라서 한 서버에서만 뺄 수 없습니다.',
};

/** The message for a member in `language`: Korean words when there are some, else the error's own. */
export function refusalFor(error: UserFacingError, language: 'en' | 'ko'): string {
  const korean = language === 'ko' ? KOREAN[error.code] : undefined;
  return korean ? korean(error) : error.message;
}
