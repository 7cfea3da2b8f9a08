/** What the rest of the bot uses from the alert code. */
export { formatAlert, formatPreview, mergeSources, sourceLink, fitEmbed, MAX_SOURCES_SHOWN } from './format-alert.ts';
export { safeText, safeInline, safeUrl, truncate, escapeMarkdown, neutraliseMentions, stripInvisible, stripMaskedLinks, DISCORD_LIMITS, ELLIPSIS } from './escape.ts';
export { planDeliveries, buildDeliveries, guildWantsEvent, type PlanOptions } from './fan-out.ts';
export { alertKey, deliveryId, deliveryNonce, eventIdentity, NONCE_LENGTH } from './delivery-identity.ts';
export { DeliveryWorker, DELIVERY_DEFAULTS, SUPERSEDED, TOKEN_REFUSED, type DeliveryWorkerOptions, type DeliveryMetrics, type DrainResult } from './delivery.ts';
export { disabledReasonFor, defaultChannelLabel } from './disable-reason.ts';
export { RequestPacer, WIRE_MARGIN_MS, type RequestPacerOptions } from './request-pacer.ts';
export { realSleep, backoffDelay, type Sleep } from './timing.ts';
export {
  DeliveryError,
  isDeliveryError,
  type AlertMessage,
  type AlertEmbed,
  type AlertEmbedField,
  type AlertContext,
  type AlertAllowedMentions,
  type DeliveryErrorKind,
  type DiscordPort,
} from './types.ts';
