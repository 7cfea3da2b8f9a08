/**
 * Fact boxes and tracker tables. The feed reader writes a table row as one line of labelled cells
 * ("Actor: Park Ji-hu; Character: Nam On-jo; S2: returning; Source: Netflix Korea"), and such a
 * row states a fact by its columns, not by prose: the status column says "new" where a sentence
 * would say "joins", and the source column is who vouches for the row.
 */
import { findAttributions, speakerLexicon } from './speakers.ts';
import { findCharacters, findPeople } from './names.ts';
import type { ShowPack } from './show-pack-schema.ts';
import { confidenceRank, type Claim, type Confidence } from './types.ts';
import { otherShowMentions, titleMentions } from './scope.ts';
import { unknownTitles } from './unknown-titles.ts';

interface Cell {
  label: string;
  value: string;
}

const CELL = /^\s*([^:;]{1,40}?)\s*:\s*(.*?)\s*$/;
const PERSON_LABEL = /^(?:actor|actress|actors|cast|cast\s+member|name|performer|star|배우|출연(?:진|자)?)$/i;
const CHARACTER_LABEL = /^(?:character|role|part|plays|배역|역할|캐릭터|역)$/i;
const SOURCE_LABEL = /^(?:source|sources|per|via|confirmed\s+by|reported\s+by|출처)$/i;
const STATUS_VALUES: ReadonlyArray<[RegExp, 'returning' | 'new' | 'exited']> = [
  [/^(?:returning|returns?|back|reprising|confirmed\s+return|복귀|재출연)$/i, 'returning'],
  [/^(?:new|newcomer|new\s+cast(?:\s+member)?|joins?|joining|added|신규|합류)$/i, 'new'],
  [/^(?:exited|exit|left|leaves|out|departed|dropped(?:\s+out)?|하차)$/i, 'exited'],
];
const EMPTY = /^(?:[—–-]+|n\/?a|tba|tbc|none|unknown|\?)?$/i;
/** A heading that names a season ("S1", "Season 3", "시즌1") scopes its column to that season. */
const SEASON_LABEL = /^(?:s|season\s*|시즌\s*)(\d+)$/i;

/** The cells of a labelled row, or nothing when the line is prose. */
export function labelledCells(line: string): Cell[] | undefined {
  if (!line.includes(';') || !line.includes(':')) return undefined;
  const cells: Cell[] = [];
  for (const part of line.split(';')) {
    const m = CELL.exec(part);
    if (!m?.[1] || m[2] === undefined) return undefined;
    cells.push({ label: m[1], value: m[2].replace(/\s*\([^)]*\)\s*$/, '').replace(/[.。]$/, '').trim() });
  }
  return cells.length >= 2 ? cells : undefined;
}

/**
 * "Status: Pre-production → Filming", "Expected: 2026 → early 2027": a tracker shows a change as
 * the old value, an arrow and the new one. Only the value after the last arrow still holds.
 */
export function latestValues(line: string): string {
  if (!ARROW.test(line)) return line;
  return line
    .split(';')
    .map((cell) => {
      const colon = cell.indexOf(':');
      if (colon < 0) return cell;
      const values = cell.slice(colon + 1).split(ARROW);
      return values.length > 1 ? `${cell.slice(0, colon + 1)} ${(values[values.length - 1] ?? '').trim()}` : cell;
    })
    .join(';');
}

const ARROW = /\s*(?:→|->|⟶)\s*/;

/**
 * A table that sets shows side by side ("Field: Director; All of Us Are Dead S2: Lee Jae-kyoo;
 * Squid Game S2: Hwang Dong-hyuk") labels each cell with its show: the cells headed by another
 * show are that show's, so they are left out of the row this show's facts are read from.
 */
export function withoutOtherShowCells(line: string, pack: ShowPack): string {
  const cells = labelledCells(line);
  if (!cells) return line;
  // "Field: Last season; All of Us Are Dead S2: S1 · Jan 28, 2022 · 12 eps": a row about the
  // season before says nothing of this one.
  if (cells.some((c) => EARLIER_ROW.test(c.label) || EARLIER_ROW.test(c.value))) return '';
  const parts = line.split(';');
  const kept = parts.filter((part, i) => {
    const label = cells[i]?.label ?? '';
    if (titleMentions(label, pack).length > 0) return true;
    return otherShowMentions(label, pack).length === 0 && unknownTitles(label, pack).length === 0;
  });
  return kept.length === parts.length ? line : kept.join(';');
}

const EARLIER_ROW = /^(?:(?:last|previous|prior|first|earlier)\s+season|season\s*(?:1|one)|s1)$/i;

function statusOf(value: string): 'returning' | 'new' | 'exited' | undefined {
  const v = value.trim();
  for (const [re, status] of STATUS_VALUES) if (re.test(v)) return status;
  return undefined;
}

function sourceConfidence(source: string, pack: ShowPack): Confidence {
  if (speakerLexicon(pack).official.test(source)) return 'official';
  const said = findAttributions(`according to ${source}`, pack);
  const best = said.reduce<Confidence | undefined>((b, a) => (b === undefined || confidenceRank(a.confidence) > confidenceRank(b) ? a.confidence : b), undefined);
  return best ?? 'reported';
}

/**
 * Cast claims of a labelled row about the tracked season: a person cell, a status cell and, when
 * the table has them, the character and the source. Rows about other shows or seasons name no
 * person of a status, so they give nothing.
 */
export function rowCastClaims(line: string, pack: ShowPack): Array<Omit<Claim, 'evidence'>> {
  const cells = labelledCells(line);
  if (!cells) return [];
  const personCell = cells.find((c) => PERSON_LABEL.test(c.label)) ?? cells.find((c) => findPeople(c.value, pack).some((p) => p.span.start === 0 && p.span.end >= c.value.length - 1));
  const person = personCell ? findPeople(personCell.value, pack)[0] : undefined;
  if (!personCell || !person) return [];
  let status: 'returning' | 'new' | 'exited' | undefined;
  for (const c of cells) {
    if (c === personCell) continue;
    const season = SEASON_LABEL.exec(c.label.trim());
    if (season && Number(season[1]) !== pack.season) continue;
    status ??= statusOf(c.value);
  }
  if (!status) return [];
  const characterCell = cells.find((c) => CHARACTER_LABEL.test(c.label) && !EMPTY.test(c.value));
  const character = characterCell ? (findCharacters(characterCell.value, pack)[0]?.canonical ?? (/^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}$/u.test(characterCell.value) ? characterCell.value : undefined)) : undefined;
  const sourceCell = cells.find((c) => SOURCE_LABEL.test(c.label) && !EMPTY.test(c.value));
  const confidence = sourceCell ? sourceConfidence(sourceCell.value, pack) : 'reported';
  return [{
    kind: 'cast',
    subject: person.canonical,
    value: status,
    confidence,
    rule: 'table-row',
    speaker: sourceCell?.value ?? 'the outlet',
    ...(character && status !== 'exited' ? { character } : {}),
  }];
}
