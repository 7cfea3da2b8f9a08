/**
 * Turns one fact change into one Discord message: a single embed that says what changed, how sure
 * the sources are, and where it came from. Pure: same event and context, same message.
 */
import type { Evidence, FactEvent } from '../facts/types.ts';
import type { GuildSettings } from '../store/types.ts';
import {
  CONFIDENCE_WORDS,
  DEFAULT_LOCALE,
  describeConfidence,
  describeDay,
  describeKind,
  describeShortDate,
  describeValue,
  releaseDayUnix,
} from './describe-value.ts';
import { DISCORD_LIMITS, ELLIPSIS, hostOf, safeInline, safeUrl, truncate } from './escape.ts';
import type { AlertAllowedMentions, AlertContext, AlertEmbed, AlertEmbedField, AlertMessage } from './types.ts';

/** Sources listed by name; the rest are counted ("+N more") so the field stays readable. */
export const MAX_SOURCES_SHOWN = 5;

/** Cap for one value inside a sentence we build (a person's name, a character, a platform). */
const MAX_VALUE_CHARS = 200;

const SNOWFLAKE = /^\d{17,20}$/;

const FOOTER =
  'How sure: ✅ official (Netflix, the studio or the cast) · 📰 reported (news outlets) · ' +
  '💬 rumor (unconfirmed) · 🔮 speculation (guesswork). Later sources are added here, not posted again.';

function bold(text: string): string {
  return text ? `**${text}**` : '';
}

function value(event: Pick<FactEvent, 'kind'>, raw: string, locale: string): string {
  return safeInline(describeValue(event.kind, raw, locale), MAX_VALUE_CHARS);
}

function reasonWords(event: FactEvent): string {
  switch (event.reason) {
    case 'changed':
      return 'changed';
    case 'upgraded':
      return `now ${CONFIDENCE_WORDS[event.confidence].label.toLowerCase()}`;
    case 'refined':
      return 'more precise';
    default:
      return 'new';
  }
}

function subjectLabel(event: FactEvent): string {
  const label = describeKind(event.kind, event.value);
  const subject = safeInline(event.subject ?? undefined, MAX_VALUE_CHARS);
  return subject ? `${label} — ${subject}` : label;
}

function buildTitle(event: FactEvent, showTitle: string): string {
  const show = safeInline(showTitle, 100);
  return truncate(`${show ? `${show} · ` : ''}${subjectLabel(event)}: ${reasonWords(event)}`, DISCORD_LIMITS.title);
}

/** "Release window: **December 2026** → **first half of 2027**", or the cast/crew equivalent. */
function changeLine(event: FactEvent, locale: string): string {
  const now = bold(value(event, event.value, locale));
  const before = event.previous !== null && event.previous !== event.value ? bold(value(event, event.previous, locale)) : '';
  const shift = before ? `${before} → ${now}` : now;
  const character = event.kind === 'cast' ? safeInline(event.character, MAX_VALUE_CHARS) : '';
  const as = character ? ` as ${bold(character)}` : '';
  if (event.subject !== null) {
    return `${describeKind(event.kind, event.value)}: ${bold(safeInline(event.subject, MAX_VALUE_CHARS))} — ${shift}${as}`;
  }
  return `${describeKind(event.kind, event.value)}: ${shift}${as}`;
}

function confidenceShiftLine(event: FactEvent): string | undefined {
  const before = event.previousConfidence;
  if (!before || before === event.confidence) return undefined;
  return `Confidence: ${describeConfidence(before)} → ${describeConfidence(event.confidence)}`;
}

/** Release days get Discord timestamps, which every reader sees in their own time zone. */
function dateLines(event: FactEvent, locale: string): string[] {
  const lines: string[] = [];
  if (event.kind === 'release') {
    const unix = releaseDayUnix(event.value);
    if (unix !== undefined) lines.push(`📅 <t:${unix}:D> (<t:${unix}:R>)`);
  }
  if (event.date) {
    const day = describeDay(event.date, locale);
    if (day) lines.push(`Date: ${day}`);
  }
  return lines;
}

function sourceKey(evidence: Evidence): string {
  return safeUrl(evidence.itemUrl) ?? evidence.itemUrl;
}

/** Every source once, in order: the event's own first, then later reports. */
export function mergeSources(...lists: (Evidence[] | undefined)[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const list of lists) {
    for (const evidence of list ?? []) {
      const key = sourceKey(evidence);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(evidence);
    }
  }
  return out;
}

function outletName(evidence: Evidence): string {
  return safeInline(evidence.outlet, 80) || safeInline(hostOf(evidence.itemUrl), 80) || 'Unknown source';
}

/** `[Outlet — 12 Feb 2026](url)`; plain text when the URL is not one we are willing to link. */
export function sourceLink(evidence: Evidence, locale = DEFAULT_LOCALE): string {
  const date = describeShortDate(evidence.published, locale);
  const text = date ? `${outletName(evidence)} — ${date}` : outletName(evidence);
  const url = safeUrl(evidence.itemUrl);
  return url ? `[${text}](${url})` : text;
}

function sourcesField(sources: Evidence[], locale: string): AlertEmbedField {
  const lines: string[] = [];
  let shown = 0;
  for (const evidence of sources) {
    if (shown >= MAX_SOURCES_SHOWN) break;
    const line = `• ${sourceLink(evidence, locale)}`;
    const reserve = `\n+${sources.length} more`.length;
    if ([...lines, line].join('\n').length + reserve > DISCORD_LIMITS.fieldValue) break;
    lines.push(line);
    shown += 1;
  }
  const rest = sources.length - shown;
  if (rest > 0) lines.push(`+${rest} more`);
  const name = sources.length > 1 ? `Sources (${sources.length})` : 'Source';
  return { name, value: lines.join('\n') || 'No source link' };
}

function evidenceField(evidence: Evidence | undefined): AlertEmbedField | undefined {
  const sentence = safeInline(evidence?.sentence, DISCORD_LIMITS.fieldValue - 4);
  if (!sentence) return undefined;
  return { name: 'What the article says', value: `> ${sentence}` };
}

function alsoReportedLine(also: Evidence[]): string | undefined {
  if (also.length === 0) return undefined;
  const names = [...new Set(also.map(outletName))];
  const shown = names.slice(0, MAX_SOURCES_SHOWN);
  const more = names.length - shown.length;
  return `Also reported by ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`;
}

function embedLength(embed: AlertEmbed): number {
  return (
    embed.title.length +
    embed.description.length +
    embed.footer.text.length +
    embed.fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/**
 * Keeps an embed within Discord's 6000-character total: the description gives way first, then
 * field values from the last, each cut with an ellipsis.
 */
export function fitEmbed(embed: AlertEmbed): AlertEmbed {
  const out: AlertEmbed = { ...embed, fields: embed.fields.slice(0, DISCORD_LIMITS.fields).map((f) => ({ ...f })) };
  let excess = embedLength(out) - DISCORD_LIMITS.embedTotal;
  if (excess <= 0) return out;
  const keep = Math.max(ELLIPSIS.length, out.description.length - excess);
  excess -= out.description.length - keep;
  out.description = truncate(out.description, keep);
  for (let i = out.fields.length - 1; i >= 0 && excess > 0; i -= 1) {
    const field = out.fields[i];
    if (!field) continue;
    const target = Math.max(ELLIPSIS.length, field.value.length - excess);
    excess -= field.value.length - target;
    field.value = truncate(field.value, target);
  }
  if (excess > 0) out.footer = { text: truncate(out.footer.text, Math.max(0, out.footer.text.length - excess)) };
  return out;
}

function mentions(pingRoleId: string | undefined): { prefix: string; allowed: AlertAllowedMentions } {
  if (pingRoleId && SNOWFLAKE.test(pingRoleId)) return { prefix: `<@&${pingRoleId}> `, allowed: { parse: [], roles: [pingRoleId] } };
  return { prefix: '', allowed: { parse: [] } };
}

function isoOrNow(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

export function formatAlert(event: FactEvent, ctx: AlertContext): AlertMessage {
  const locale = ctx.locale ?? DEFAULT_LOCALE;
  const words = CONFIDENCE_WORDS[event.confidence];
  const also = mergeSources(ctx.alsoReportedBy).filter((e) => !event.sources.some((s) => sourceKey(s) === sourceKey(e)));
  const description = [changeLine(event, locale), confidenceShiftLine(event), ...dateLines(event, locale), alsoReportedLine(also)]
    .filter((line): line is string => Boolean(line))
    .join('\n');
  const fields: AlertEmbedField[] = [
    { name: 'Confidence', value: `${words.marker} **${words.label}** — ${words.meaning}` },
    sourcesField(mergeSources(event.sources, also), locale),
  ];
  const quoted = evidenceField(event.sources[0]);
  if (quoted) fields.push(quoted);
  const url = safeUrl(event.sources[0]?.itemUrl);
  const embed: AlertEmbed = {
    title: buildTitle(event, ctx.showTitle),
    description: truncate(description, DISCORD_LIMITS.description),
    ...(url ? { url } : {}),
    color: words.color,
    fields,
    footer: { text: truncate(FOOTER, DISCORD_LIMITS.footer) },
    timestamp: isoOrNow(event.at),
  };
  const { prefix, allowed } = mentions(ctx.pingRoleId);
  const summary = `${words.marker} ${subjectLabel(event)}: ${value(event, event.value, locale)}`;
  return {
    content: truncate(prefix + summary, DISCORD_LIMITS.content),
    embeds: [fitEmbed(embed)],
    allowed_mentions: allowed,
  };
}

const SAMPLE_EVENT: FactEvent = {
  type: 'fact-change',
  reason: 'changed',
  kind: 'release',
  subject: null,
  value: '2027-H1',
  previous: '2026-12',
  confidence: 'official',
  previousConfidence: 'reported',
  sources: [{ itemUrl: '', outlet: 'Sample outlet', sentence: 'This is a sample alert: the sentence from the article appears here.' }],
  at: '2026-01-01T00:00:00.000Z',
};

/**
 * What an admin sees from /alerts preview: a sample alert exactly as it would be posted, then the
 * server's settings. Nothing pings, even though the role is named.
 */
export function formatPreview(settings: GuildSettings, options: { showTitle: string; locale?: string }): AlertMessage {
  const ctx: AlertContext = { showTitle: options.showTitle, ...(options.locale ? { locale: options.locale } : {}) };
  const sample = formatAlert(SAMPLE_EVENT, ctx);
  const channel = settings.alertChannelId && SNOWFLAKE.test(settings.alertChannelId) ? `<#${settings.alertChannelId}>` : 'not set — choose one with /alerts channel';
  const role = settings.pingRoleId && SNOWFLAKE.test(settings.pingRoleId) ? `<@&${settings.pingRoleId}>` : 'no role is pinged';
  const status = settings.disabledReason
    ? `⛔ Stopped: ${truncate(settings.disabledReason, 900)}`
    : settings.paused
      ? '⏸️ Paused'
      : settings.alertChannelId
        ? '▶️ Active'
        : '⏹️ Not set up';
  const kinds = settings.kinds.length > 0 ? settings.kinds.map((k) => (k === 'release' ? 'Release' : describeKind(k, ''))).join(', ') : 'none';
  const settingsEmbed: AlertEmbed = {
    title: 'Alert settings',
    description: 'Alerts are posted once per change; later reports of the same fact edit the original alert.',
    color: 0x5865f2,
    fields: [
      { name: 'Status', value: status },
      { name: 'Channel', value: channel, inline: true },
      { name: 'Role pinged', value: role, inline: true },
      { name: 'Kinds', value: truncate(kinds, DISCORD_LIMITS.fieldValue) },
      { name: 'Minimum confidence', value: describeConfidence(settings.minConfidence), inline: true },
    ],
    footer: { text: 'Preview only: this message pings nobody.' },
    timestamp: isoOrNow(settings.updatedAt),
  };
  const firstEmbed = sample.embeds[0];
  return {
    content: 'Preview of a Hyosan alert:',
    embeds: firstEmbed ? [firstEmbed, settingsEmbed] : [settingsEmbed],
    allowed_mentions: { parse: [] },
  };
}
