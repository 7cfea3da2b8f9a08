/**
 * Feed text shown in replies goes through the same escaping as alerts, so a headline can never
 * ping, mask a link or break the layout whether it arrives by alert or by command.
 */
import { say } from './say.ts';

export { DISCORD_LIMITS, hostOf, safeInline, safeText, safeUrl, truncate } from '../../alerts/escape.ts';

/** Joins lines and cuts the result to fit one embed description or field without breaking a line. */
export function fitLines(lines: readonly string[], max: number, more = moreLine()): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const remaining = lines.length - i - 1;
    const reserve = remaining > 0 ? more(remaining).length + 1 : 0;
    if (length + line.length + 1 + reserve > max) {
      out.push(more(lines.length - i));
      break;
    }
    out.push(line);
    length += line.length + 1;
  }
  return out.join('\n');
}

/** "… and N more" in the reader's language, for the lines a reply leaves out. */
export function moreLine(locale?: string): (n: number) => string {
  return (n) => say(locale, { en: `… and ${n} more`, ko: `… 외 ${n}개` });
}
