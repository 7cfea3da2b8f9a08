import { describe, expect, test } from 'vitest';
import { tickCronFor } from '../../src/app.ts';
import { loadConfig } from '../../src/config/env.ts';
import { UserFacingError } from '../../src/shared/errors.ts';

describe('poll timing from the configuration', () => {
  test.each([
    [600, '*/30 * * * * *'],
    [60, '*/30 * * * * *'],
    [20, '*/10 * * * * *'],
    [10, '*/5 * * * * *'],
  ])('an interval of %i s looks for due feeds %s', (interval, cron) => {
    expect(tickCronFor(interval)).toBe(cron);
  });

  test('a poll interval below 10 s is refused with the variable named', () => {
    expect(() => loadConfig({ POLL_INTERVAL_SECONDS: '5' })).toThrow(UserFacingError);
    expect(() => loadConfig({ POLL_INTERVAL_SECONDS: '5' })).toThrow(/POLL_INTERVAL_SECONDS/);
    expect(loadConfig({}).pollIntervalSeconds).toBe(600);
  });
});
