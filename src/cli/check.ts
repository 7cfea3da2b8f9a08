/** `check <feed-url-or-file>`: what Hyosan would make of a feed, before an admin adds it. */
import { describeClaim } from '../facts/extract.ts';
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
  // A file is read without an HTTP client: undici loads only for a URL (or for --read-pages).
  const needsHttp = /^[a-z][a-z0-9+.-]*:/i.test(input) || flags.readPages;
  const dispatcher = needsHttp ? (await import('../feeds/guarded-agent.ts')).createGuardedAgent(guard) : undefined;
  const fetch = { ...guard, ...(dispatcher ? { dispatcher } : {}), timeoutMs: config.fetchTimeoutMs, maxBytes: config.fetchMaxBytes };
  try {
    const report = await checkFeed(input, pack, {
      allowFiles: true,
      fetch,
      ...(flags.readPages ? { readArticle: async (url: string) => (await import('../feeds/article-reader.ts')).readArticleText(url, fetch) } : {}),
    });
    if (flags.json) console.log(JSON.stringify(report, null, 2));
    else printReport(report);
    return report.error ? 1 : 0;
  } finally {
    await dispatcher?.close();
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
