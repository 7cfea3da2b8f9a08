/**
 * The words an admin reads when Hyosan stopped posting in their server: what happened and the one
 * thing that fixes it.
 */
export type ChannelLossKind = 'forbidden' | 'not-found';

export function disabledReasonFor(kind: ChannelLossKind, channelLabel: string): string {
  if (kind === 'forbidden') {
    return `Hyosan can no longer post in ${channelLabel} (missing access). An admin can fix the permission and run /alerts channel again.`;
  }
  return `Hyosan can no longer post in ${channelLabel} (the channel was deleted or cannot be found). An admin can choose a channel with /alerts channel again.`;
}

/** A channel as Discord shows it to members of the server: "#name" via a channel mention. */
export function defaultChannelLabel(channelId: string): string {
  return /^\d{17,20}$/.test(channelId) ? `<#${channelId}>` : `#${channelId}`;
}
