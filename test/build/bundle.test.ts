/**
 * The bundle `npm start` runs (rolldown.config.ts). V8 keeps every module's source for the life of
 * the process, at two bytes a character if a single character is outside ASCII; the build escapes
 * them, except inside `String.raw` templates, where an escape would change the text. This builds
 * the bundle into a temporary folder and holds every chunk to plain ASCII.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rolldown } from 'rolldown';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import config from '../../rolldown.config.ts';

let dir: string;
let files: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hyosan-bundle-'));
  const bundle = await rolldown({ ...config, logLevel: 'silent' });
  await bundle.write({ ...config.output, dir });
  await bundle.close();
  const walk = async (d: string): Promise<string[]> => (await Promise.all((await readdir(d, { withFileTypes: true }))
    .map((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)])))).flat();
  files = (await walk(dir)).filter((f) => f.endsWith('.js'));
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the bundle npm start runs', () => {
  test('has its entry and the chunks it loads later', () => {
    expect(files.map((f) => path.relative(dir, f))).toContain('main.js');
    expect(files.length).toBeGreaterThan(5);
  });

  test('is plain ASCII, so its source is held at one byte a character', async () => {
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      let at = -1;
      for (let i = 0; i < text.length && at < 0; i += 1) if (text.charCodeAt(i) > 0x7f) at = i;
      if (at >= 0) offenders.push(`${path.relative(dir, file)}: …${text.slice(Math.max(0, at - 40), at + 10)}…`);
    }
    expect(offenders).toEqual([]);
  });
});
