/** What every command-line subcommand needs: configuration and the show pack. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, loadDotEnv, type Config } from '../config/env.ts';
import { loadShowPack, type ShowPack } from '../facts/show-pack.ts';

export interface CliContext {
  config: Config;
  pack: ShowPack;
}

export async function cliContext(): Promise<CliContext> {
  loadDotEnv();
  const config = loadConfig();
  const pack = await loadShowPack(path.join('config', 'shows', `${config.show}.json`));
  return { config, pack };
}

/** "2026-02-22" from an ISO time; blank when unknown. */
export function day(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}

/** True when nothing is at `p` (a file or a folder). */
export async function missingPath(p: string): Promise<boolean> {
  try {
    await stat(p);
    return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return true;
    throw error;
  }
}
