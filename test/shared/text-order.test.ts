import { describe, expect, test } from 'vitest';
import { compareText } from '../../src/shared/text-order.ts';

describe('compareText', () => {
  test('orders ISO dates, URLs and snowflakes as their characters do', () => {
    expect(['2027-03-12T10:00:00Z', '2026-12-01T00:00:00Z', '2027-01-05T09:30:00Z'].sort(compareText))
      .toEqual(['2026-12-01T00:00:00Z', '2027-01-05T09:30:00Z', '2027-03-12T10:00:00Z']);
    expect(['https://b.example/feed', 'https://a.example/rss'].sort(compareText)).toEqual(['https://a.example/rss', 'https://b.example/feed']);
    expect(['300000000000000002', '300000000000000001'].sort(compareText)).toEqual(['300000000000000001', '300000000000000002']);
  });

  test('puts names that differ only in case side by side, and Hangul in dictionary order', () => {
    expect(['Yoon Chan-young', 'de Souza', 'Park Ji-hu', 'De Souza'].sort(compareText)).toEqual(['De Souza', 'de Souza', 'Park Ji-hu', 'Yoon Chan-young']);
    expect(['하', '가', '나'].sort(compareText)).toEqual(['가', '나', '하']);
    expect(compareText('same', 'same')).toBe(0);
  });
});
