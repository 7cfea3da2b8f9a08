import { describe, expect, test } from 'vitest';
import {
  convert, crossCheck, describePath, list, matches, maxLength, nonEmpty, nullable, number, oneOf, optional, record, text, validate, withDefault,
} from '../../src/shared/validate.ts';

const messages = (outcome: ReturnType<typeof validate>) => (outcome.ok ? [] : outcome.issues.map((i) => `${describePath(i.path, '(top)')}: ${i.message}`));

describe('validate', () => {
  const feed = record({
    url: text({ rules: [maxLength(20), matches(/^https?:\/\//, 'must be an http or https URL')] }),
    name: text({ trim: true, rules: [nonEmpty()] }),
    kind: oneOf(['outlet', 'news-search']),
    tags: withDefault(list(text()), []),
    note: optional(text()),
    owner: nullable(text()),
  }, { strict: true });

  test('returns the value, trimmed, with defaults filled in and absent optionals left out', () => {
    const outcome = validate(feed, { url: 'https://a.example/', name: '  Desk ', kind: 'outlet', owner: null });
    expect(outcome).toEqual({ ok: true, value: { url: 'https://a.example/', name: 'Desk', kind: 'outlet', tags: [], owner: null } });
  });

  test('names every bad field at once, with its path', () => {
    const outcome = validate(record({ feeds: list(feed) }), {
      feeds: [
        { url: 'https://a.example/', name: 'A', kind: 'outlet', owner: null },
        { url: 'ftp://b', name: ' ', kind: 'blog', tags: ['x', 3], colour: 'red' },
      ],
    });
    expect(messages(outcome)).toEqual([
      'feeds[1].url: must be an http or https URL',
      'feeds[1].name: must not be empty',
      'feeds[1].kind: expected one of outlet, news-search',
      'feeds[1].tags[1]: expected string',
      'feeds[1].owner: expected string',
      'feeds[1].colour: is not a field this file has',
    ]);
  });

  test('says which type was expected, whatever came instead', () => {
    expect(messages(validate(feed, 'a string'))).toEqual(['(top): expected object']);
    expect(messages(validate(feed, [1]))).toEqual(['(top): expected object']);
    expect(messages(validate(list(text()), { 0: 'a' }))).toEqual(['(top): expected array']);
    expect(messages(validate(number(), Number.NaN))).toEqual(['(top): expected number']);
    expect(messages(validate(number({ integer: true, min: 1 }), 1.5))).toEqual(['(top): expected a whole number']);
    expect(messages(validate(number({ integer: true, min: 1 }), 0))).toEqual(['(top): must be at least 1']);
    expect(messages(validate(list(text(), { min: 1 }), []))).toEqual(['(top): must have at least 1 entry']);
  });

  test('a record that is not strict drops the keys it does not name', () => {
    expect(validate(record({ a: text() }), { a: 'x', b: 'y' })).toEqual({ ok: true, value: { a: 'x' } });
  });

  test('converts a good value and checks the result', () => {
    const seconds = convert(text({ trim: true, rules: [matches(/^\d+$/, 'must be whole seconds')] }), Number, [(n) => (n <= 60 ? undefined : 'must be at most 60')]);
    expect(validate(seconds, ' 42 ')).toEqual({ ok: true, value: 42 });
    expect(messages(validate(seconds, '4.5'))).toEqual(['(top): must be whole seconds']);
    expect(messages(validate(seconds, '61'))).toEqual(['(top): must be at most 60']);
  });

  test('cross-field rules run on good values only, and report below the value', () => {
    let ran = 0;
    const pair = crossCheck(record({ low: number(), high: number() }), (v, report) => {
      ran += 1;
      if (v.low > v.high) report(['low'], 'must not be above high');
    });
    expect(messages(validate(pair, { low: 5, high: 1 }))).toEqual(['low: must not be above high']);
    expect(messages(validate(record({ range: pair }), { range: { low: 'x', high: 1 } }))).toEqual(['range.low: expected number']);
    expect(ran).toBe(1);
  });
});
