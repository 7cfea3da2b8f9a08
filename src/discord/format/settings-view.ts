/** How /alerts show describes a server's alert settings, in the admin's language. */
import { describeConfidence, describeKind } from '../../alerts/describe-value.ts';
import { languageName, languageOf } from '../../alerts/language.ts';
import { reasonIn } from '../../alerts/reason-words.ts';
import type { AlertLanguage } from '../../services/types.ts';
import type { GuildSettings } from '../../store/types.ts';
import { say } from './say.ts';
import { truncate } from './text.ts';

function kindName(kind: GuildSettings['kinds'][number], locale: string | undefined): string {
  return kind === 'release' ? say(locale, { en: 'Release', ko: '공개일' }) : describeKind(kind, '', locale);
}

export function settingsLines(settings: GuildSettings, language: AlertLanguage, locale?: string): string[] {
  const state = settings.disabledReason
    ? say(locale, { en: '⛔ stopped', ko: '⛔ 중지됨' })
    : settings.paused
      ? say(locale, { en: '⏸️ paused', ko: '⏸️ 일시 중지' })
      : settings.alertChannelId
        ? say(locale, { en: '▶️ active', ko: '▶️ 사용 중' })
        : say(locale, { en: '⏹️ not set up', ko: '⏹️ 설정 전' });
  const how = language.chosen
    ? say(locale, { en: 'chosen with /alerts language', ko: '/알림 언어 로 선택함' })
    : say(locale, { en: "from the server's language", ko: '서버 언어를 따름' });
  const lines = [
    `${say(locale, { en: 'Channel', ko: '채널' })}: ${settings.alertChannelId ? `<#${settings.alertChannelId}>` : say(locale, { en: 'not chosen yet — use /alerts channel', ko: '아직 없음 — /알림 채널 로 고르세요' })}`,
    `${say(locale, { en: 'Ping role', ko: '멘션할 역할' })}: ${settings.pingRoleId ? `<@&${settings.pingRoleId}>` : say(locale, { en: 'none', ko: '없음' })}`,
    `${say(locale, { en: 'Kinds', ko: '종류' })}: ${settings.kinds.length ? settings.kinds.map((k) => kindName(k, locale)).join(', ') : say(locale, { en: 'none', ko: '없음' })}`,
    `${say(locale, { en: 'Minimum confidence', ko: '최소 신뢰도' })}: ${describeConfidence(settings.minConfidence, locale)}`,
    `${say(locale, { en: 'Alert language', ko: '알림 언어' })}: ${languageName(language.language, languageOf(locale))} (${how})`,
    `${say(locale, { en: 'State', ko: '상태' })}: ${state}`,
  ];
  if (settings.disabledReason) {
    // Hyosan's own words, with a channel mention meant to render: cut, not escaped.
    const why = reasonIn(settings.disabledReason, languageOf(locale));
    lines.push(`⚠️ ${say(locale, { en: 'Stopped', ko: '중지 이유' })}: ${truncate(why, 400)}`);
  }
  return lines;
}
