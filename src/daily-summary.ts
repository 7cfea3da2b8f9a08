/**
 * One log line a day that says how the bot is doing: feeds by health, facts changed and alerts
 * sent in the last day. Written by `summarize()`; the app calls it once a day.
 */
import type { AlertTally } from './alerts/server-language-port.ts';
import type { FactEvent } from './facts/types.ts';
import type { Logger } from './shared/logger.ts';
import type { FactStore, FeedStore } from './store/types.ts';

export const SUMMARY_INTERVAL_MS = 24 * 3600 * 1000;

export interface DailySummaryDeps {
  feeds: FeedStore;
  facts: FactStore;
  /** Alerts posted and edited since the last summary; reset by each summary. */
  tally: AlertTally;
  clock: () => Date;
  logger: Logger;
}

export interface DailySummary {
  feeds: { ok: number; failing: number; disabled: number; new: number };
  factsChanged: number;
  alertsPosted: number;
  alertsEdited: number;
}

/** The events of the last day, reading history (newest first) back until a day is covered. */
async function lastDay(facts: FactStore, since: number): Promise<FactEvent[]> {
  for (let limit = 200; ; limit *= 4) {
    const events = await facts.listEvents({ limit });
    const recent = events.filter((e) => Date.parse(e.at) >= since);
    if (events.length < limit || recent.length < events.length) return recent;
  }
}

export async function summarize(deps: DailySummaryDeps): Promise<DailySummary> {
  const since = deps.clock().getTime() - SUMMARY_INTERVAL_MS;
  const feeds = { ok: 0, failing: 0, disabled: 0, new: 0 };
  for (const feed of await deps.feeds.list()) feeds[feed.health] += 1;
  // History is newest first: read back until a day's worth is covered.
  const recent = await lastDay(deps.facts, since);
  const factsChanged = recent.filter((e) => e.type === 'fact-change' && !e.silent).length;
  const summary: DailySummary = { feeds, factsChanged, alertsPosted: deps.tally.posted, alertsEdited: deps.tally.edited };
  deps.tally.posted = 0;
  deps.tally.edited = 0;
  deps.logger.child({ module: 'summary' }).info(
    summary,
    `last 24 h: feeds ${feeds.ok} ok, ${feeds.failing} failing, ${feeds.disabled} disabled; ${factsChanged} facts changed; ${summary.alertsPosted} alerts posted, ${summary.alertsEdited} edited`,
  );
  return summary;
}
