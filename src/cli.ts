/**
 * The command line, for admins and for checking the engine:
 *   check <feed-url-or-file> [--json] [--read-pages]
 *   replay [--fresh] [--json] [--all] <feed-file-or-folder>...
 *   facts [--json]
 */
// First: .env is read before any module builds the logger from LOG_LEVEL and LOG_FORMAT.
import './shared/load-env.ts';
import { enableCompileCache } from 'node:module';
import { parseArgs } from 'node:util';
import { isUserFacing } from './shared/errors.ts';

// As in main.ts: from the second run on, the engine's TypeScript comes back from Node's compile
// cache instead of being type-stripped again (stripping grows memory that is never given back).
// Each command's code is imported only when that command runs, and only after this.
enableCompileCache();

const USAGE = `Usage:
  npm run cli -- check <feed-url-or-file> [--json] [--read-pages]
      Fetch (or read) a feed, and say for each item whether it is about the show and what it claims. Stores nothing.
  npm run cli -- replay [--fresh] [--json] [--all] <feed-file-or-folder>...
      Replay feed files oldest first through the fact engine in a throw-away store and print the events.
      --fresh starts from no knowledge instead of the shipped baseline; --all also prints ignored claims.
  npm run cli -- facts [--json]
      What the bot believes now (from STORE_URL), with sources.`;

const COMMANDS = ['check', 'replay', 'facts'] as const;

/** A mistake in how the command line was called: said on stderr with the usage, exit 2. */
function usageError(message: string): number {
  console.error(`${message}\n\n${USAGE}`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  // Help, wherever it is asked for, is an answer (stdout, exit 0), not a mistake.
  if (argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help') {
    console.log(USAGE);
    return 0;
  }
  const [command, ...rest] = argv;
  if (!command) return usageError('Which command? Pick one of check, replay, facts.');
  if (!(COMMANDS as readonly string[]).includes(command)) {
    return usageError(`Unknown command "${command}". Pick one of ${COMMANDS.join(', ')}.`);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        fresh: { type: 'boolean', default: false },
        all: { type: 'boolean', default: false },
        'read-pages': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return usageError(`${command}: ${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')}`);
  }
  const { values, positionals } = parsed;
  switch (command) {
    case 'check': {
      const [input] = positionals;
      if (!input) return usageError('check needs one feed: a URL or a file.');
      if (positionals.length > 1) return usageError(`check takes one feed at a time; got ${positionals.length}.`);
      const { runCheck } = await import('./cli/check.ts');
      return runCheck(input, { json: values.json, readPages: values['read-pages'] });
    }
    case 'replay':
      if (positionals.length === 0) return usageError('replay needs at least one feed file or folder.');
      return (await import('./cli/replay.ts')).runReplay(positionals, { fresh: values.fresh, json: values.json, all: values.all });
    default:
      return (await import('./cli/facts.ts')).runFacts({ json: values.json });
  }
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
