/**
 * The command line, for admins and for checking the engine:
 *   check <feed-url-or-file> [--json] [--read-pages]
 *   replay [--fresh] [--json] [--all] <feed-file-or-folder>...
 *   facts [--json]
 */
// First: .env is read before any module builds the logger from LOG_LEVEL and LOG_FORMAT.
import './shared/load-env.ts';
import { parseArgs } from 'node:util';
import { runCheck } from './cli/check.ts';
import { runFacts } from './cli/facts.ts';
import { runReplay } from './cli/replay.ts';
import { isUserFacing } from './shared/errors.ts';

const USAGE = `Usage:
  npm run cli -- check <feed-url-or-file> [--json] [--read-pages]
      Fetch (or read) a feed, and say for each item whether it is about the show and what it claims. Stores nothing.
  npm run cli -- replay [--fresh] [--json] [--all] <feed-file-or-folder>...
      Replay feed files oldest first through the fact engine in a throw-away store and print the events.
      --fresh starts from no knowledge instead of the shipped baseline; --all also prints ignored claims.
  npm run cli -- facts [--json]
      What the bot believes now (from STORE_URL), with sources.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      'read-pages': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !command || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'check': {
      const [input] = positionals;
      if (!input || positionals.length > 1) break;
      return runCheck(input, { json: values.json, readPages: values['read-pages'] });
    }
    case 'replay':
      if (positionals.length === 0) break;
      return runReplay(positionals, { fresh: values.fresh, json: values.json, all: values.all });
    case 'facts':
      return runFacts({ json: values.json });
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(isUserFacing(error) || error instanceof Error ? `error: ${(error as Error).message}` : `error: ${String(error)}`);
    process.exitCode = 1;
  },
);
