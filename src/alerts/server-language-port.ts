/**
 * Sends each server its alerts in the language it reads. The formatter writes every alert in
 * every language; this port, wrapped around the real one, picks the server's before sending, so
 * the delivery worker and the outbox need not know about languages at all.
 *
 * It also writes the operator's record of what was announced where: one line per alert posted
 * or edited, with the fact in words (in English, whatever the server reads), the server, the
 * channel and the message.
 */
import { logger as rootLogger, type Logger } from '../shared/logger.ts';
import { inLanguage } from './format-alert.ts';
import type { Language } from './language.ts';
import type { AlertMessage, DiscordPort } from './types.ts';

/** Where an alert channel belongs: its server (when known) and the language that server reads. */
export interface ChannelPlace {
  guildId?: string;
  language: Language;
}

/** The fact in words and its old → new line, from the English text of an alert. */
function describeAlert(message: AlertMessage): { alert: string; change?: string; sources?: string } {
  const embed = inLanguage(message, 'en').embeds[0];
  const lines = embed?.description.split('\n') ?? [];
  // The first line is old → new (or the day) unless the alert opens with its confidence mark.
  const first = lines[0] ?? '';
  const change = first && !['✅', '📰', '💬', '🔮'].some((mark) => first.startsWith(mark)) ? first : undefined;
  const sources = lines.at(-1)?.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return { alert: embed?.title ?? '', ...(change ? { change } : {}), ...(sources ? { sources } : {}) };
}

/** Alerts posted and edited since the counts were last reset (for the daily summary). */
export interface AlertTally {
  posted: number;
  edited: number;
}

export function serverLanguagePort(
  port: DiscordPort,
  placeChannel: (channelId: string) => Promise<ChannelPlace>,
  logger: Logger = rootLogger,
  tally?: AlertTally,
): DiscordPort {
  const log = logger.child({ module: 'alerts' });
  return {
    async send(channelId, message, nonce) {
      const place = await placeChannel(channelId);
      const sent = await port.send(channelId, inLanguage(message, place.language), nonce);
      if (tally) tally.posted += 1;
      const { alert, change } = describeAlert(message);
      log.info({ guildId: place.guildId, channelId, messageId: sent.messageId, language: place.language, alert, ...(change ? { change } : {}) }, `alert posted: ${alert}`);
      return sent;
    },
    async edit(channelId, messageId, message) {
      const place = await placeChannel(channelId);
      await port.edit(channelId, messageId, inLanguage(message, place.language));
      if (tally) tally.edited += 1;
      const { alert, sources } = describeAlert(message);
      log.info({ guildId: place.guildId, channelId, messageId, language: place.language, alert, ...(sources ? { sources } : {}) }, `alert edited (another source): ${alert}`);
    },
    // Looking for an earlier post compares what was sent: the server's language, as sent.
    async findInHistory(channelId, probe) {
      const place = await placeChannel(channelId);
      return port.findInHistory(channelId, { ...probe, message: inLanguage(probe.message, place.language) });
    },
  };
}
