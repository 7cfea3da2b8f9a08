import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { logLevelFrom, prettyWanted } from '../../src/shared/logger.ts';
import { prettyLine } from '../../src/shared/pretty-log.ts';

const root = new URL('../..', import.meta.url).pathname;

describe('logger', () => {
  test('LOG_LEVEL is taken when it is a level; a typo falls back to info instead of crashing', () => {
    expect(logLevelFrom({ LOG_LEVEL: 'debug' })).toBe('debug');
    expect(logLevelFrom({ LOG_LEVEL: 'loud' })).toBe('info');
    expect(logLevelFrom({})).toBe('info');
  });

  test('readable lines on a terminal, JSON otherwise, or as LOG_FORMAT says', () => {
    expect(prettyWanted({}, true)).toBe(true);
    expect(prettyWanted({}, false)).toBe(false);
    expect(prettyWanted({ LOG_FORMAT: 'json' }, true)).toBe(false);
    expect(prettyWanted({ LOG_FORMAT: 'pretty' }, false)).toBe(true);
  });

  test('a pretty line has the time, the level in words, the module, the message and the fields', () => {
    const json = JSON.stringify({ level: 30, time: Date.UTC(2026, 11, 6, 4, 10, 5), pid: 1, hostname: 'h', app: 'hyosan', module: 'alerts', guildId: '123', alert: 'New season premieres 29 January 2027', msg: 'alert posted' });
    expect(prettyLine(json)).toBe('04:10:05 INFO  [alerts] alert posted  guildId=123 alert="New season premieres 29 January 2027"\n');
    expect(prettyLine('not json')).toBe('not json');
  });

  test('LOG_LEVEL and LOG_FORMAT in .env are honoured, and a bad LOG_LEVEL is named, not a stack trace', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hyosan-env-'));
    writeFileSync(path.join(dir, '.env'), 'LOG_LEVEL=debug\nLOG_FORMAT=json\n');
    const script = `await import(${JSON.stringify(path.join(root, 'src/shared/load-env.ts'))}); const { logger } = await import(${JSON.stringify(path.join(root, 'src/shared/logger.ts'))}); logger.debug({ probe: 1 }, 'level check');`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ level: 20, probe: 1, msg: 'level check' });

    writeFileSync(path.join(dir, '.env'), 'LOG_LEVEL=loud\n');
    const cli = spawnSync(process.execPath, [path.join(root, 'src/main.ts')], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('Hyosan could not start: Invalid configuration: LOG_LEVEL="loud" must be one of fatal, error, warn, info, debug, trace, silent.');
    expect(cli.stderr).not.toMatch(/\n\s+at /);
  });
});
