import { Buffer } from 'node:buffer';
import { defaultDeserialize, defaultSerialize } from '@keyv/serialize';
import { describe, expect, it } from 'vitest';
import { deserializeStored } from '../../src/store/keyv-deserialize.ts';

/** What keyv writes for a value, read back by keyv's own reader and by ours. */
function both(value: unknown): { ours: unknown; keyvs: unknown } {
  const text = defaultSerialize({ value, expires: null });
  return { ours: deserializeStored(text), keyvs: defaultDeserialize(text) };
}

describe('deserializeStored', () => {
  it.each([
    ['a fact-like record', { kind: 'cast', subject: 'Lomon', sources: [{ url: 'https://x.example/a', outlet: 'X' }], value: 'returning' }],
    ['strings that start with a colon, at every depth', { a: ':one', b: ['::two', ':'], c: { d: ':::three' } }],
    ['a Buffer', { blob: Buffer.from('hello, 세계') }],
    ['a Buffer inside an array', [Buffer.from([0, 1, 2, 255])]],
    ['a bare string with a colon', ':x'],
    ['a bare string', 'plain'],
    ['numbers, booleans and null', [1, 2.5, true, false, null, { n: 0 }]],
    ['a key named __proto__', JSON.parse('{"__proto__": ":x", "y": 1}') as unknown],
    ['empty containers', { a: [], b: {} }],
  ])('reads %s exactly as keyv does', (_label, value) => {
    const { ours, keyvs } = both(value);
    expect(ours).toStrictEqual(keyvs);
  });

  it('gives a key named __proto__ an own property, never a prototype', () => {
    const { ours } = both(JSON.parse('{"__proto__": ":x"}') as unknown);
    const value = (ours as { value: object }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBe(':x');
  });

  it('reads JSON written without keyv (null, a number) as keyv does', () => {
    for (const text of ['null', '42', '"::a"', '{"value":":b","expires":123}']) {
      expect(deserializeStored(text)).toStrictEqual(defaultDeserialize(text));
    }
  });
});
