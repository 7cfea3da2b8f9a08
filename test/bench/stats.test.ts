import { describe, expect, it } from 'vitest';
import { percentile as routerPercentile } from '../../src/discord/latency.ts';
import { percentile, ratio, summarise } from '../../bench/stats.ts';
import { num, table } from '../../bench/report.ts';

describe('bench statistics', () => {
  it('summarises with the median of an even count and the spread as range over median', () => {
    const s = summarise([40, 10, 30, 20]);
    expect(s).toEqual({ runs: 4, median: 25, min: 10, max: 40, spreadPct: 120 });
  });

  it('does not let one slow run move the median', () => {
    expect(summarise([100, 101, 99, 100, 900]).median).toBe(100);
  });

  it('refuses to summarise nothing rather than report a zero', () => {
    expect(() => summarise([])).toThrow(/no samples/);
  });

  it('reports p50/p99 by nearest rank, exactly as the bot’s own latency recorder does', () => {
    const sorted = Array.from({ length: 300 }, (_, i) => (i * 7919) % 1000).sort((a, b) => a - b);
    for (const p of [0.5, 0.9, 0.99, 1]) expect(percentile(sorted, p)).toBe(routerPercentile(sorted, p));
    expect(percentile([1, 2, 3, 4], 0.99)).toBe(4);
  });

  it('gives an infinite ratio rather than dividing by zero silently', () => {
    expect(ratio(5, 2)).toBe(2.5);
    expect(ratio(1, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('bench report formatting', () => {
  it('keeps three significant figures', () => {
    expect(num(8586.4)).toBe('8,586');
    expect(num(13.44)).toBe('13.4');
    expect(num(2.6149)).toBe('2.61');
    expect(num(0.0694)).toBe('0.069');
  });

  it('aligns columns: names to the left, figures to the right', () => {
    expect(table([['a', '1'], ['long name', '100']], '')).toEqual([`a${' '.repeat(13)}1`, 'long name   100']);
  });
});
