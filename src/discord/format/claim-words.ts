/**
 * How /feeds test names a claim it read ("cast Park Ji-hu returning"): the fact model's own
 * words in English, which admins also see in logs and `check`, and their Korean counterparts for
 * a Korean admin. A value with no Korean word (a date, a name, a number) is shown as it is.
 */
import type { Language } from './say.ts';

const KIND_KO: Record<string, string> = {
  release: '공개',
  production: '제작 단계',
  cast: '출연',
  crew: '제작진',
  episodes: '회차',
  platform: '플랫폼',
  renewal: '시즌 제작',
};

const VALUE_KO: Record<string, string> = {
  new: '새 합류',
  returning: '복귀',
  exited: '하차',
  announced: '제작 발표',
  'pre-production': '사전 제작',
  filming: '촬영 중',
  wrapped: '촬영 종료',
  'post-production': '후반 작업',
  released: '공개됨',
  renewed: '확정',
  cancelled: '취소',
  director: '연출',
  writer: '극본',
  showrunner: '쇼러너',
};

export function claimKindIn(kind: string, language: Language): string {
  return language === 'ko' ? (KIND_KO[kind] ?? kind) : kind;
}

export function claimValueIn(value: string, language: Language): string {
  return language === 'ko' ? (VALUE_KO[value] ?? value) : value;
}
