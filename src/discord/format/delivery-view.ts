/**
 * What /alerts show adds about alerts on their way: how many are waiting, since when, why and the
 * next try, and an alert that may be missing. In the admin's language; the reasons Hyosan stored
 * in English are given in Korean to a Korean admin.
 */
import { reasonIn } from '../../alerts/reason-words.ts';
import type { DeliveryStatus } from '../../services/types.ts';
import { languageOf, say } from './say.ts';
import { safeInline, truncate } from './text.ts';
import { timestampOf } from './timestamps.ts';

export function deliveryLines(status: DeliveryStatus, locale?: string): string[] {
  const language = languageOf(locale);
  const lines: string[] = [];
  if (status.waiting > 0) {
    const since = timestampOf(status.waitingSince, 'R');
    const count = status.waiting === 1 ? '1 alert is' : `${status.waiting} alerts are`;
    lines.push(say(locale, {
      en: `⏳ ${count} waiting to be posted${since ? ` (the oldest since ${since})` : ''}.`,
      ko: `⏳ 올라가기를 기다리는 알림 ${status.waiting}개${since ? ` (가장 오래된 것은 ${since}부터)` : ''}.`,
    }));
    if (status.reason) {
      const next = timestampOf(status.nextAttemptAt, 'R');
      const why = safeInline(reasonIn(status.reason, language), 300);
      lines.push(say(locale, {
        en: `Why: ${why}.${next ? ` Next try ${next}; nothing is lost meanwhile.` : ''}`,
        ko: `이유: ${why}.${next ? ` 다음 시도 ${next}. 그동안 잃는 알림은 없습니다.` : ''}`,
      }));
    }
  }
  if (status.problem) {
    const at = timestampOf(status.problem.at, 'f');
    // Hyosan's own words, with a channel mention meant to render: cut, not escaped.
    const text = truncate(reasonIn(status.problem.text, language), 400);
    lines.push(say(locale, {
      en: `⚠️ ${at ? `${at}: ` : ''}${text} Give Hyosan **Read Message History** in the alert channel so it can check next time.`,
      ko: `⚠️ ${at ? `${at}: ` : ''}${text} 다음에는 확인할 수 있도록 알림 채널에서 Hyosan에게 **메시지 기록 보기** 권한을 주세요.`,
    }));
  }
  return lines;
}
