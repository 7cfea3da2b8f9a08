import { describe, expect, it } from 'vitest';
import { applyPollOutcome, newFeedRecord } from '../../src/feeds/feed-health.ts';
import { backoffCeilingSeconds, isDue, needsUnconditional, nextDueAfterFailure, nextDueAfterSuccess } from '../../src/feeds/scheduler.ts';

const NOW = new Date('2026-03-03T12:00:00Z');
const secondsAfterNow = (d: Date) => (d.getTime() - NOW.getTime()) / 1000;
const fixed = (x: number) => () => x;

describe('nextDueAfterSuccess', () => {
  it.each([
    [0, 540],
    [0.5, 600],
    [1, 660],
    [0.25, 570],
  ])('random %d on a 600 s interval gives %d s', (r, expected) => {
    expect(secondsAfterNow(nextDueAfterSuccess(NOW, 600, fixed(r)))).toBe(expected);
  });
});

describe('nextDueAfterFailure', () => {
  it.each([
    [1, 600],
    [2, 1200],
    [3, 2400],
    [5, 9600],
    [8, 76_800],
    [9, 86_400],
    [60, 86_400],
  ])('ceiling after %d failures on 600 s is %d s', (failures, ceiling) => {
    expect(backoffCeilingSeconds(failures, 600)).toBe(ceiling);
    expect(secondsAfterNow(nextDueAfterFailure(NOW, failures, 600, { random: fixed(1) }))).toBe(ceiling);
  });

  it('draws uniformly below the ceiling (full jitter) but never under a minute', () => {
    expect(secondsAfterNow(nextDueAfterFailure(NOW, 3, 600, { random: fixed(0.5) }))).toBe(1200);
    expect(secondsAfterNow(nextDueAfterFailure(NOW, 3, 600, { random: fixed(0) }))).toBe(60);
  });

  it('honours a Retry-After longer than the draw, and ignores a shorter one', () => {
    expect(secondsAfterNow(nextDueAfterFailure(NOW, 1, 600, { random: fixed(0.1), retryAfterSeconds: 3600 }))).toBe(3600);
    expect(secondsAfterNow(nextDueAfterFailure(NOW, 1, 600, { random: fixed(1), retryAfterSeconds: 30 }))).toBe(600);
  });
});

describe('needsUnconditional and isDue', () => {
  it('asks without validators when never done, or over a day ago', () => {
    expect(needsUnconditional({}, NOW)).toBe(true);
    expect(needsUnconditional({ lastUnconditionalAt: '2026-03-02T12:00:01Z' }, NOW)).toBe(false);
    expect(needsUnconditional({ lastUnconditionalAt: '2026-03-02T12:00:00Z' }, NOW)).toBe(true);
  });

  it('never polls disabled feeds', () => {
    expect(isDue({ nextDueAt: '2026-03-03T11:00:00Z', health: 'failing' }, NOW)).toBe(true);
    expect(isDue({ nextDueAt: '2026-03-03T13:00:00Z', health: 'ok' }, NOW)).toBe(false);
    expect(isDue({ nextDueAt: '2026-03-03T11:00:00Z', health: 'disabled' }, NOW)).toBe(false);
  });
});

describe('applyPollOutcome', () => {
  const opts = { intervalSeconds: 600, random: fixed(0.5) };
  const fresh = newFeedRecord('https://news.example/feed', new Date('2026-03-01T00:00:00Z'), { isDefault: true });

  it('a success stores validators, title, baseline and a jittered next time', () => {
    const next = applyPollOutcome(fresh, { status: 'ok', etag: '"e1"', lastModified: 'Mon', title: 'News', unconditional: true }, NOW, opts);
    expect(next).toMatchObject({
      health: 'ok', failures: 0, etag: '"e1"', lastModified: 'Mon', title: 'News', baselined: true,
      lastSuccessAt: NOW.toISOString(), lastAttemptAt: NOW.toISOString(), lastUnconditionalAt: NOW.toISOString(),
      nextDueAt: '2026-03-03T12:10:00.000Z',
    });
  });

  it('one failure makes a feed failing, with the reason in words and backoff', () => {
    const ok = applyPollOutcome(fresh, { status: 'ok', unconditional: false, etag: '"e1"' }, NOW, opts);
    const failed = applyPollOutcome(ok, { status: 'error', kind: 'timeout', message: 'the site did not send the whole feed within 15 s' }, NOW, { ...opts, random: fixed(1) });
    expect(failed).toMatchObject({ health: 'failing', failures: 1, lastError: 'the site did not send the whole feed within 15 s', etag: '"e1"', nextDueAt: '2026-03-03T12:10:00.000Z' });
    const again = applyPollOutcome(failed, { status: 'error', kind: 'network', message: 'x' }, NOW, { ...opts, random: fixed(1) });
    expect(again).toMatchObject({ failures: 2, nextDueAt: '2026-03-03T12:20:00.000Z' });
    const recovered = applyPollOutcome(again, { status: 'not-modified' }, NOW, opts);
    expect(recovered).toMatchObject({ health: 'ok', failures: 0, etag: '"e1"' });
    expect(recovered.lastError).toBeUndefined();
  });

  it('410 disables at once', () => {
    const gone = applyPollOutcome(fresh, { status: 'error', kind: 'gone', message: 'gone for good', httpStatus: 410 }, NOW, opts);
    expect(gone.health).toBe('disabled');
  });

  it('seven days without a success disables, and says why', () => {
    const old = { ...fresh, health: 'failing' as const, failures: 30, lastSuccessAt: '2026-02-24T11:59:59Z' };
    const next = applyPollOutcome(old, { status: 'error', kind: 'http', message: 'the site had an error (HTTP 500)' }, NOW, opts);
    expect(next.health).toBe('disabled');
    expect(next.lastError).toMatch(/HTTP 500.*7 days/);
    const younger = { ...old, lastSuccessAt: '2026-02-25T12:00:01Z' };
    expect(applyPollOutcome(younger, { status: 'error', kind: 'http', message: 'x' }, NOW, opts).health).toBe('failing');
  });

  it('a week of our own processing failures (the store down) does not switch the feed off', () => {
    const old = { ...fresh, health: 'failing' as const, failures: 30, lastSuccessAt: '2026-02-20T00:00:00Z' };
    const next = applyPollOutcome(old, { status: 'error', kind: 'processing', message: 'the feed was read but its items could not be processed' }, NOW, opts);
    expect(next.health).toBe('failing');
  });

  it('a 200 without validators clears stale ones', () => {
    const withValidators = { ...fresh, etag: '"old"', lastModified: 'old' };
    const next = applyPollOutcome(withValidators, { status: 'ok', unconditional: false }, NOW, opts);
    expect(next.etag).toBeUndefined();
    expect(next.lastModified).toBeUndefined();
  });
});
