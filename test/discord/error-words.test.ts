import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { refusalFor } from '../../src/discord/format/error-words.ts';
import { loadShowPack } from '../../src/facts/show-pack.ts';
import { createAlertAdmin } from '../../src/services/alert-admin.ts';
import { createFeedAdmin } from '../../src/services/feed-admin.ts';
import { UserFacingError } from '../../src/shared/errors.ts';
import { openStores } from '../../src/store/index.ts';
import type { Stores } from '../../src/store/types.ts';

const GUILD = '700000000000000321';
let stores: Stores;
beforeAll(async () => {
  stores = await openStores('sqlite://:memory:');
});
afterAll(async () => {
  await stores.close();
});

async function refusal(run: () => Promise<unknown>): Promise<UserFacingError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('nothing was refused');
}

describe('what the services refuse, in the member\'s language', () => {
  test('a Korean member reads the Korean; anyone else the service\'s own words', async () => {
    const alerts = createAlertAdmin({ guilds: stores.guilds, feeds: stores.feeds, outbox: stores.outbox, meta: stores.meta, showTitle: 'All of Us Are Dead' });
    const feeds = createFeedAdmin({
      pack: await loadShowPack('config/shows/all-of-us-are-dead.json'), feeds: stores.feeds, guilds: stores.guilds,
      guard: { allowedHosts: [] }, check: { fetch: { allowedHosts: [], timeoutMs: 1000 } },
    });
    const kinds = await refusal(() => alerts.update(GUILD, { kinds: [] }));
    expect(refusalFor(kinds, 'ko')).toBe('사실의 종류를 하나 이상 고르세요. 잠시 알림을 멈추려면 /알림 일시정지 를 쓰세요.');
    expect(refusalFor(kinds, 'en')).toBe('Choose at least one kind of fact; use /alerts pause to stop alerts for a while.');
    const everyone = await refusal(() => alerts.update(GUILD, { pingRoleId: GUILD }));
    expect(refusalFor(everyone, 'ko')).toBe('Hyosan은 @everyone을 멘션하지 않습니다. 팬들이 직접 받을 수 있는 역할을 고르세요.');
    const unknown = await refusal(() => feeds.remove(GUILD, 'https://nobody.example/feed.xml'));
    expect(refusalFor(unknown, 'ko')).toBe('이 서버는 그 피드를 구독하지 않습니다. /피드 목록 에서 구독 중인 피드를 볼 수 있습니다.');
    const refused = await refusal(() => feeds.add(GUILD, 'http://127.0.0.1/feed.xml'));
    expect(refused.code).toBe('feed-url-refused');
    // The guard's reason is Hyosan's own: Korean too, with the address and its kind kept as written.
    expect(refusalFor(refused, 'ko')).toBe('그 주소는 쓸 수 없습니다: 거부됨: 127.0.0.1은(는) 공개 주소가 아닙니다 (루프백 주소 (이 컴퓨터)). 직접 운영하는 피드 서비스라면 FEED_ALLOWED_HOSTS에 추가하세요');
    // A code without Korean words keeps its own message.
    expect(refusalFor(new UserFacingError('something-new', 'Plain words.'), 'ko')).toBe('Plain words.');
  });
});
