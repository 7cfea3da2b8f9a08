/** How /alerts show describes a server's alert settings. */
import { describeConfidence } from '../../alerts/describe-value.ts';
import type { GuildSettings } from '../../store/types.ts';
import { safeInline } from './text.ts';

export function settingsLines(settings: GuildSettings): string[] {
  const lines = [
    `Channel: ${settings.alertChannelId ? `<#${settings.alertChannelId}>` : 'not chosen yet — use /alerts channel'}`,
    `Ping role: ${settings.pingRoleId ? `<@&${settings.pingRoleId}>` : 'none'}`,
    `Kinds: ${settings.kinds.length ? settings.kinds.join(', ') : 'none'}`,
    `Minimum confidence: ${describeConfidence(settings.minConfidence)}`,
    `State: ${settings.disabledReason ? '⛔ stopped' : settings.paused ? '⏸️ paused' : settings.alertChannelId ? '▶️ active' : '⏹️ not set up'}`,
  ];
  if (settings.disabledReason) lines.push(`⚠️ Stopped: ${safeInline(settings.disabledReason, 400)}`);
  return lines;
}
