/**
 * Sends each server its alerts in the language it reads. The formatter writes every alert in
 * every language; this port, wrapped around the real one, picks the server's before sending, so
 * the delivery worker and the outbox need not know about languages at all.
 */
import { inLanguage } from './format-alert.ts';
import type { Language } from './language.ts';
import type { DiscordPort } from './types.ts';

export function serverLanguagePort(port: DiscordPort, languageOfChannel: (channelId: string) => Promise<Language>): DiscordPort {
  return {
    async send(channelId, message, nonce) {
      return port.send(channelId, inLanguage(message, await languageOfChannel(channelId)), nonce);
    },
    async edit(channelId, messageId, message) {
      await port.edit(channelId, messageId, inLanguage(message, await languageOfChannel(channelId)));
    },
  };
}
