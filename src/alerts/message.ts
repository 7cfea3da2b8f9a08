/**
 * Plain shapes for an alert message. They mirror Discord's message payload so the REST adapter
 * can pass them through, but nothing here depends on discord.js.
 */
import type { Evidence } from '../facts/types.ts';
import type { Language } from './language.ts';

export interface AlertEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface AlertEmbed {
  title: string;
  description: string;
  url?: string;
  color: number;
  fields: AlertEmbedField[];
  footer: { text: string };
  /** ISO 8601. */
  timestamp: string;
}

/** parse is always empty: only the role a server chose may ever be pinged, and only explicitly. */
export interface AlertAllowedMentions {
  parse: [];
  roles?: string[];
}

/** What a reader sees of a message: its text and embeds. */
export interface AlertText {
  content: string;
  embeds: AlertEmbed[];
}

export interface AlertMessage extends AlertText {
  allowed_mentions: AlertAllowedMentions;
  /**
   * The same alert in every language. A server is sent the one it reads (see
   * `serverLanguagePort`); without it, `content` and `embeds` are sent as they are.
   */
  languages?: Record<Language, AlertText>;
}

export interface AlertContext {
  /** The show's display title, e.g. "All of Us Are Dead". */
  showTitle: string;
  /** The season the facts are about, for titles that name it ("Season 2 premieres …"). */
  season?: number;
  /** People who were in an earlier season: an exit of anyone else is a role not taken ("not joining"). */
  earlierCast?: ReadonlySet<string>;
  /** Role to ping, when the server configured one. */
  pingRoleId?: string;
  /** Outlets that reported the same fact after the alert was first posted. */
  alsoReportedBy?: Evidence[];
  /** BCP 47 locale of the main text: Korean for "ko…", English ("14 March 2027") otherwise. */
  locale?: string;
}
