import { readFile } from 'node:fs/promises';
import { UserFacingError } from '../shared/errors.ts';
import { crossCheck, describePath, httpUrl, list, maxLength, nonEmpty, oneOf, record, text, validate, type Checked } from '../shared/validate.ts';
import { MAX_URL_LENGTH } from './url-guard.ts';

/** The shipped default feeds (config/feeds.json): what a new fan server follows before adding its own. */

export const FEED_KINDS = ['news-search', 'outlet'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

const feedEntry = record({
  url: text({ rules: [maxLength(MAX_URL_LENGTH), httpUrl('must be an http or https URL')] }),
  name: text({ trim: true, rules: [nonEmpty(), maxLength(100)] }),
  kind: oneOf(FEED_KINDS),
}, { strict: true });
export type FeedEntry = Checked<typeof feedEntry>;

const feedsConfig = crossCheck(record({ feeds: list(feedEntry) }, { strict: true }), (config, report) => {
  const seen = new Set<string>();
  config.feeds.forEach((feed, i) => {
    if (seen.has(feed.url)) report(['feeds', i, 'url'], 'is listed twice');
    seen.add(feed.url);
  });
});
export type FeedsConfig = Checked<typeof feedsConfig>;

export function parseFeedsConfig(data: unknown, source = 'config/feeds.json'): FeedsConfig {
  const result = validate(feedsConfig, data);
  if (result.ok) return result.value;
  const problems = result.issues.map((issue) => `${describePath(issue.path, '(top level)')}: ${issue.message}`);
  throw new UserFacingError('feeds-config', `${source} is not valid:\n- ${problems.join('\n- ')}`);
}

export async function loadFeedsConfig(path: string): Promise<FeedsConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UserFacingError('feeds-config', `could not read ${path}: ${(error as Error).message}`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UserFacingError('feeds-config', `${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseFeedsConfig(data, path);
}
