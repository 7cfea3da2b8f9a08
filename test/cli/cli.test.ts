/**
 * The command line as a person runs it (node src/cli.ts): help is an answer, mistakes are named,
 * and check and replay apply the same limits.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

function cli(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['src/cli.ts', ...args], {
    cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run cli', () => {
  test.each([['--help'], ['-h'], ['help'], ['check', '--help'], ['replay', '-h']])('%s prints the usage on stdout and exits 0', (...args) => {
    const run = cli(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage:\n {2}npm run cli -- check/);
    expect(run.stderr).toBe('');
  });

  test.each([
    [[], 'Which command? Pick one of check, replay, facts.'],
    [['frobnicate'], 'Unknown command "frobnicate". Pick one of check, replay, facts.'],
    [['check'], 'check needs one feed: a URL or a file.'],
    [['check', 'a.xml', 'b.xml'], 'check takes one feed at a time; got 2.'],
    [['replay'], 'replay needs at least one feed file or folder.'],
    [['check', '--nope', 'a.xml'], "check: Unknown option '--nope'"],
  ])('%o is a usage mistake: named on stderr with the usage, exit 2', (args, words) => {
    const run = cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith(words)).toBe(true);
    expect(run.stderr).toContain('Usage:');
    expect(run.stdout).toBe('');
  });

  test('check names a missing file instead of calling it a bad URL', () => {
    const run = cli(['check', 'no-such-feed.xml']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('Cannot use no-such-feed.xml: there is no such file.');
  });

  test('replay names a missing input and exits 1, without a stack trace', () => {
    const run = cli(['replay', 'no-such-folder']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('No such file or folder: no-such-folder');
  });

  test('replay goes on past a broken or too large file in a folder, names each, and exits 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hyosan-replay-'));
    mkdirSync(path.join(dir, 'feeds'));
    copyFileSync(path.join(root, 'test/fixtures/timeline/seoul-ledger.rdf'), path.join(dir, 'feeds', 'seoul-ledger.rdf'));
    writeFileSync(path.join(dir, 'feeds', 'broken.xml'), '<rss version="2.0"><channel><item><title>unclosed');
    writeFileSync(path.join(dir, 'feeds', 'huge.xml'), `<?xml version="1.0"?><rss version="2.0"><channel><title>${' '.repeat(20_000)}</title></channel></rss>`);
    const run = cli(['replay', '--json', path.join(dir, 'feeds')], { FETCH_MAX_BYTES: '10000' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`skipped ${path.join(dir, 'feeds', 'huge.xml')}: the file is 20080 bytes, larger than 10000 bytes, the most a feed may be (FETCH_MAX_BYTES)`);
    expect(run.stderr).toMatch(new RegExp(`skipped ${path.join(dir, 'feeds', 'broken.xml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+`));
    // The good file was still replayed.
    expect(run.stdout.trim().split('\n').length).toBeGreaterThan(0);
    expect(JSON.parse(run.stdout.trim().split('\n')[0] ?? '{}')).toHaveProperty('type');

    const check = cli(['check', path.join(dir, 'feeds', 'huge.xml')], { FETCH_MAX_BYTES: '10000' });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('larger than 10000 bytes, the most a feed may be');
  });
});
