/** Recognising a lease holder on this machine whose process is gone. */
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, test } from 'vitest';
import { isDeadHereHolder, newHolderId } from '../../src/lease/holder.ts';

describe('lease holders', () => {
  test('a finished process on this machine is dead; a living one, another machine\'s or a malformed id is not', () => {
    const finished = spawnSync(process.execPath, ['-e', '0']).pid;
    expect(isDeadHereHolder(`${hostname()}:${finished}:abcd1234`)).toBe(true);
    expect(isDeadHereHolder(`${hostname()}:${process.ppid}:abcd1234`)).toBe(false);
    expect(isDeadHereHolder(`another-machine.example:${finished}:abcd1234`)).toBe(false);
    expect(isDeadHereHolder('not a holder id')).toBe(false);
    expect(newHolderId()).toMatch(new RegExp(`^${hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${process.pid}:[0-9a-f]{8}$`));
  });
});
