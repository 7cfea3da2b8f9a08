import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../shared/errors.ts';
import { logger } from '../shared/logger.ts';
import { describePath, validate } from '../shared/validate.ts';
import type { Claim } from './types.ts';
import { showPackSchema, type ShowPack } from './show-pack-schema.ts';

export type { ShowPack, PackPerson, PackCharacter } from './show-pack-schema.ts';

const log = logger.child({ module: 'show-pack' });

/** Validates parsed JSON as a show pack; the error names every bad field. */
export function parseShowPack(data: unknown, origin = 'show pack'): ShowPack {
  const result = validate(showPackSchema, data);
  if (!result.ok) {
    const problems = result.issues.map((issue) => `${describePath(issue.path, '(root)')}: ${issue.message}`);
    throw new UserFacingError('show-pack-invalid', `${origin} is invalid: ${problems.join('; ')}`);
  }
  return result.value;
}

export async function loadShowPack(file: string): Promise<ShowPack> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new UserFacingError('show-pack-missing', `cannot read show pack ${file}`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new UserFacingError('show-pack-json', `show pack ${file} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  return parseShowPack(json, path.basename(file));
}

/** Every `*.json` in the directory is a show; a second show needs only a second file. */
export async function loadShowPacks(dir: string): Promise<ShowPack[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const packs: ShowPack[] = [];
  for (const name of names) packs.push(await loadShowPack(path.join(dir, name)));
  const ids = new Set<string>();
  for (const p of packs) {
    if (ids.has(p.id)) throw new UserFacingError('show-pack-duplicate', `two show packs in ${dir} use the id ${p.id}`);
    ids.add(p.id);
  }
  log.debug({ dir, shows: packs.map((p) => p.id) }, 'show packs loaded');
  return packs;
}

/** The pack's starting knowledge, as claims the ledger can seed itself from. */
export function baselineClaims(pack: ShowPack): Claim[] {
  return pack.baseline.map((b, i) => {
    const claim: Claim = {
      kind: b.kind,
      subject: b.subject,
      value: b.value,
      confidence: b.confidence,
      evidence: {
        itemUrl: b.source.url ?? `baseline:${pack.id}:${i}`,
        sentence: b.source.note,
        title: `${pack.titles.primary}: starting facts`,
        published: b.source.published,
        outlet: b.source.outlet,
      },
    };
    if (b.date !== undefined) claim.date = b.date;
    if (b.character !== undefined) claim.character = b.character;
    return claim;
  });
}
