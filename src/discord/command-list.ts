/**
 * Every slash command the bot has, imported statically: the router and the deploy script read
 * the same list, so what is registered is exactly what is handled.
 */
import alerts from '../../commands/alerts.ts';
import cast from '../../commands/cast.ts';
import feeds from '../../commands/feeds.ts';
import help from '../../commands/help.ts';
import history from '../../commands/history.ts';
import news from '../../commands/news.ts';
import release from '../../commands/release.ts';
import status from '../../commands/status.ts';
import type { Command } from './command.ts';

export const commands: readonly Command[] = [release, cast, status, news, history, help, feeds, alerts];
