import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UserFacingError } from '../shared/errors.ts';
import { MAX_URL_LENGTH } from './url-guard.ts';

/** The shipped default feeds (config/feeds.json): what a new fan server follows before adding its own. */

export const FeedKindSchema = z.enum(['news-search', 'outlet']);
export type FeedKind = z.infer<typeof FeedKindSchema>;

const httpUrl = z
  .string()
  .max(MAX_URL_LENGTH)
  .refine((value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http or https URL');

export const FeedEntrySchema = z.strictObject({
  url: httpUrl,
  name: z.string().trim().min(1, 'must not be empty').max(100),
  kind: FeedKindSchema,
});
export type FeedEntry = z.infer<typeof FeedEntrySchema>;

export const FeedsConfigSchema = z
  .strictObject({ feeds: z.array(FeedEntrySchema) })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.feeds.forEach((feed, i) => {
      if (seen.has(feed.url)) ctx.addIssue({ code: 'custom', path: ['feeds', i, 'url'], message: 'is listed twice' });
      seen.add(feed.url);
    });
  });
export type FeedsConfig = z.infer<typeof FeedsConfigSchema>;

/** "feeds[2].url" rather than a JSON path array: this is what the person editing the file reads. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '') || '(top level)';
}

export function parseFeedsConfig(data: unknown, source = 'config/feeds.json'): FeedsConfig {
  const result = FeedsConfigSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${fieldName(issue.path)}: ${issue.message}`);
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
