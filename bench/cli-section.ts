/**
 * Section 6: `npm run cli -- check <file>` on a 30-item feed, against a script that only parses
 * the same file with rss-parser. Each runs as its own process (the CLI as `node src/cli.ts`, what
 * npm runs) several times; the figure is each process's peak resident set at exit.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateArticles, renderRss } from './generated-feed.ts';
import { runSection } from './section.ts';
import { ratio, summarise, type Summary } from './stats.ts';

const ITEMS = 30;
const RUNS = 5;

/** Peak RSS over the runs, MiB. */
export type PeakRuns = Summary;

export interface CliResult {
  items: number;
  check: PeakRuns;
  rssParser: PeakRuns;
  /** check ÷ rss-parser alone, medians. */
  ratio: number;
}

/** Runs `node --import preload <args>` to the end and returns its peak RSS in MiB. */
async function peakOf(args: string[], dir: string, run: number): Promise<number> {
  const file = path.join(dir, `peak-${run}-${Math.random().toString(36).slice(2)}`);
  const child = spawn(process.execPath, ['--import', path.resolve('bench/peak-rss-preload.ts'), ...args], {
    cwd: process.cwd(),
    env: { ...process.env, PEAK_RSS_FILE: file, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with code ${code}`);
  return Number(await readFile(file, 'utf8')) / 1024;
}

async function peaks(args: string[], dir: string): Promise<PeakRuns> {
  const runsMiB: number[] = [];
  for (let run = 0; run < RUNS; run += 1) runsMiB.push(await peakOf(args, dir, run));
  return summarise(runsMiB);
}

export async function runCliBench(): Promise<CliResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hyosan-bench-cli-'));
  try {
    const feed = path.join(dir, 'feed.xml');
    await writeFile(feed, renderRss('Bench Desk', 'https://bench.example', generateArticles(ITEMS, { seed: 30 })));
    // One run first so both sides start warm (file cache, Node's compile cache), as an admin's second run would.
    await peakOf(['src/cli.ts', 'check', feed], dir, -1);
    await peakOf(['bench/rss-parser-alone.ts', feed], dir, -1);
    const check = await peaks(['src/cli.ts', 'check', feed], dir);
    const rssParser = await peaks(['bench/rss-parser-alone.ts', feed], dir);
    return { items: ITEMS, check, rssParser, ratio: ratio(check.median, rssParser.median) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

runSection(import.meta.url, runCliBench);
