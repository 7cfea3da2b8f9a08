/** `check <feed-url-or-file>`: what Hyosan would make of a feed, before an admin adds it. */
import { describeClaim } from '../facts/extract.ts';
import { createGuardedAgent } from '../feeds/guarded-agent.ts';
import { readArticleText } from '../feeds/article-reader.ts';
import { checkFeed } from '../engine/check-feed.ts';
import type { CheckReport } from '../services/types.ts';
import { cliContext, day, missingPath } from './common.ts';

export async function runCheck(input: string, flags: { json: boolean; readPages: boolean }): Promise<number> {
  const { config, pack } = await cliContext();
  // Anything without a scheme is a file: say it is missing, rather than that it is not a URL.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(input) && (await missingPath(input))) {
    console.error(`Cannot use ${input}: there is no such file.`);
    return 1;
  }
  const guard = { allowedHosts: config.allowedHosts };
  const dispatcher = createGuardedAgent(guard);
  const fetch = { ...guard, dispatcher, timeoutMs: config.fetchTimeoutMs, maxBytes: config.fetchMaxBytes };
  try {
    const report = await checkFeed(input, pack, {
      allowFiles: true,
      fetch,
      ...(flags.readPages ? { readArticle: (url: string) => readArticleText(url, fetch) } : {}),
    });
    if (flags.json) console.log(JSON.stringify(report, null, 2));
    else printReport(report);
    return report.error ? 1 : 0;
  } finally {
    await dispatcher.close();
  }
}

function printReport(report: CheckReport): void {
  if (report.error) {
    console.error(`Cannot use ${report.url}: ${report.error}`);
    return;
  }
  const relevant = report.items.filter((i) => i.relevant).length;
  console.log(`${report.feedTitle ?? '(untitled feed)'} — ${report.url}`);
  console.log(`${report.items.length} items, ${relevant} about the show.`);
  for (const warning of report.warnings) console.log(`  note: ${warning}`);
  report.items.forEach((item, n) => {
    const meta = [item.outlet, day(item.published)].filter(Boolean).join(', ');
    console.log(`\n${n + 1}. [${item.relevant ? 'relevant' : 'not relevant'}] ${item.title}${meta ? ` (${meta})` : ''}`);
    console.log(`   why: ${item.reason}`);
    if (item.relevant && item.claims.length === 0) console.log('   claims: none');
    for (const claim of item.claims) console.log(`   + ${describeClaim(claim)}`);
  });
}
