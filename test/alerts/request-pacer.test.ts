/**
 * The request pacer on a fake clock: never more than the rate in any window of a second, with
 * no burst after a quiet spell, and the pipe kept full when requests keep coming.
 */
import { describe, expect, test, vi } from 'vitest';
import { RequestPacer, WIRE_MARGIN_MS } from '../../src/alerts/request-pacer.ts';
import { FakeClock } from './helpers/fake-clock.ts';

function maxInAnyWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i += 1) {
    while ((times[i] ?? 0) - (times[j] ?? 0) >= windowMs) j += 1;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

function setup(rate: number) {
  const clock = new FakeClock('2026-11-03T09:00:00.000Z');
  const pacer = new RequestPacer({ ratePerSecond: rate, now: () => clock.now().getTime(), sleep: clock.sleep });
  const granted: number[] = [];
  const take = async (n: number) => {
    await Promise.all(Array.from({ length: n }, async () => {
      if (await pacer.take()) granted.push(clock.now().getTime());
    }));
  };
  return { clock, pacer, granted, take };
}

describe('RequestPacer', () => {
  test.each([1, 7, 40, 50])('at %i per second: never more than the rate in any second, and 10 seconds of work take 10 seconds', async (rate) => {
    const { clock, granted, take } = setup(rate);
    const start = clock.now().getTime();
    await take(rate * 10);
    expect(granted).toHaveLength(rate * 10);
    expect(maxInAnyWindow(granted, 1000)).toBeLessThanOrEqual(rate);
    // The pipe stays full: ten windows (a second plus the wire margin each) hold the ten seconds of work.
    const span = (granted.at(-1) ?? 0) - start;
    expect(span).toBeLessThanOrEqual(10 * (1000 + WIRE_MARGIN_MS));
    expect(span).toBeGreaterThanOrEqual(((rate * 10 - 1) / rate) * 1000 / 2);
  });

  test('after a quiet spell there is no burst: requests are spread, at most the rate within the first second', async () => {
    const { clock, granted, take } = setup(40);
    await take(10);
    clock.advance(60_000);
    const resumed = clock.now().getTime();
    await take(80);
    const after = granted.filter((t) => t >= resumed);
    expect(maxInAnyWindow(after, 1000)).toBeLessThanOrEqual(40);
    // No two requests closer than half the mean spacing.
    const gaps = after.slice(1).map((t, i) => t - (after[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(12.5 - 1e-9);
  });

  test('a late grant is caught up on without breaking the window', async () => {
    const { clock, granted, take } = setup(20);
    await take(5);
    // The event loop was busy for 120 ms: the next requests may come closer together, never above the rate.
    clock.advance(120);
    await take(60);
    expect(maxInAnyWindow(granted, 1000)).toBeLessThanOrEqual(20);
  });

  test('cancelWaiting turns away the requests still waiting, and serves the ones after it', async () => {
    let now = 0;
    const sleepers: (() => void)[] = [];
    const pacer = new RequestPacer({ ratePerSecond: 2, now: () => now, sleep: () => new Promise<void>((resolve) => sleepers.push(resolve)) });
    expect(await pacer.take()).toBe(true);
    const waiting = Array.from({ length: 4 }, () => pacer.take());
    await vi.waitFor(() => expect(sleepers).toHaveLength(1));
    pacer.cancelWaiting();
    now += 1_000;
    sleepers.shift()?.();
    expect(await Promise.all(waiting)).toEqual([false, false, false, false]);
    expect(await pacer.take()).toBe(true);
    expect(pacer.grants).toBe(2);
  });

  test('an aborted wait grants nothing', async () => {
    const { pacer } = setup(5);
    const controller = new AbortController();
    controller.abort();
    expect(await pacer.take(controller.signal)).toBe(false);
    expect(pacer.grants).toBe(0);
  });

  test('refuses a rate below one per second', () => {
    expect(() => new RequestPacer({ ratePerSecond: 0, now: () => 0, sleep: async () => undefined })).toThrow(RangeError);
  });
});
