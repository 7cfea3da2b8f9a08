import { Buffer } from 'node:buffer';
import { defaultSerialize } from '@keyv/serialize';
import { describe, expect, it } from 'vitest';
import { serializeStored } from '../../src/store/keyv-serialize.ts';

/** A small deterministic generator, so a failure names the seed that made it. */
function randomValue(seed: number): unknown {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const strings = ['', ':', '::x', ':base64:AA==', 'plain', 'a":b', '[":', 'type', 'Buffer', '세계', 'line\nbreak', 'back\\slash'];
  const make = (depth: number): unknown => {
    switch (next(depth > 3 ? 5 : 8)) {
      case 0: return strings[next(strings.length)];
      case 1: return next(1000) - 500;
      case 2: return next(2) === 0;
      case 3: return null;
      case 4: return `${strings[next(strings.length)] ?? ''}${next(10)}`;
      case 5: return Array.from({ length: next(4) }, () => make(depth + 1));
      case 6: {
        const out: Record<string, unknown> = {};
        for (let i = next(4); i > 0; i -= 1) out[strings[next(strings.length)] ?? 'k'] = make(depth + 1);
        return out;
      }
      default: return next(3) === 0 ? Buffer.from([next(256), next(256)]) : { value: make(depth + 1), expires: null };
    }
  };
  return make(0);
}

describe('serializeStored', () => {
  it.each([
    ['a fact-like record', { value: { kind: 'cast', subject: 'Lomon', sources: [{ url: 'https://x.example/a', outlet: 'X' }] }, expires: null }],
    ['strings that start with a colon, at every depth', { a: ':one', b: ['::two', ':'], c: { d: ':::three' } }],
    ['a key that starts with a colon (keys are never escaped)', { ':key': 'v', k: { ':x': ':y' } }],
    ['quotes and colons inside strings', { a: 'he said ":x"', b: ['x":', '[":'] }],
    ['a Buffer', { blob: Buffer.from('hello, 세계') }],
    ['a Buffer inside an array', [Buffer.from([0, 1, 2, 255])]],
    ['a top-level Buffer', Buffer.from('abc')],
    ['something that merely looks like a Buffer', { type: 'Buffer', data: [1, 2] }],
    ['a bare string with a colon', ':x'],
    ['a bare string', 'plain'],
    ['numbers, booleans and null', [1, 2.5, true, false, null, { n: 0 }]],
    ['undefined fields and null', { a: undefined, b: null }],
    ['a date', { at: new Date('2026-02-19T00:00:00Z') }],
    ['empty containers', { a: [], b: {} }],
  ])('writes %s exactly as keyv does', (_label, value) => {
    expect(serializeStored(value)).toBe(defaultSerialize(value));
  });

  it('writes null and undefined as keyv does', () => {
    expect(serializeStored(null)).toBe(defaultSerialize(null));
    expect(serializeStored(undefined)).toBe(defaultSerialize(undefined));
  });

  it('agrees with keyv on a thousand generated values', () => {
    for (let seed = 1; seed <= 1000; seed += 1) {
      const value = randomValue(seed);
      expect(serializeStored(value), `seed ${seed}`).toBe(defaultSerialize(value));
    }
  });
});
