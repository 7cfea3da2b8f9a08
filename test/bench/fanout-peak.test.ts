/** The fan-out benchmark's "most requests in any one second", on request times chosen by hand. */
import { describe, expect, test } from 'vitest';
import { peakInWindow } from '../../bench/fanout-section.ts';

describe('peakInWindow', () => {
  test('counts the fullest half-open window of a second, wherever it starts', () => {
    expect(peakInWindow([])).toBe(0);
    expect(peakInWindow([0, 999, 1000, 1999])).toBe(2);
    expect(peakInWindow([5000, 0, 10, 20, 995, 1500])).toBe(4);
    expect(peakInWindow([0, 1, 2, 3], 2)).toBe(2);
  });
});
