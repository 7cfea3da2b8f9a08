/**
 * Reading article pages (READ_ARTICLE_PAGES=true) through one guarded connection pool. undici and
 * htmlparser2 load with the first page read rather than at start: until an item needs its page,
 * nothing here is used.
 */
import type { Dispatcher } from 'undici';
import type { ArticleReaderOptions, readArticleText } from './article-reader.ts';
import type { GuardOptions } from './url-guard.ts';

export interface ArticlePages {
  read(url: string): Promise<string | undefined>;
  /** Closes the connection pool, if a page was ever read. */
  close(): Promise<void>;
}

export function articlePages(guard: GuardOptions, options: Omit<ArticleReaderOptions, 'dispatcher'>): ArticlePages {
  let loaded: Promise<{ dispatcher: Dispatcher; readArticleText: typeof readArticleText }> | undefined;
  const load = async () => {
    const [{ createGuardedAgent }, reader] = await Promise.all([import('./guarded-agent.ts'), import('./article-reader.ts')]);
    return { dispatcher: createGuardedAgent(guard), readArticleText: reader.readArticleText };
  };
  return {
    async read(url) {
      loaded ??= load();
      const reader = await loaded;
      return reader.readArticleText(url, { ...options, dispatcher: reader.dispatcher });
    },
    async close() {
      if (loaded) await (await loaded).dispatcher.close();
    },
  };
}
