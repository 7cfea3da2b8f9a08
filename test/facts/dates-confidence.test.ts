import { describe, expect, test } from 'vitest';
import { clockOf, findDates, latestDayOf } from '../../src/facts/dates.ts';
import { clauseConfidence, isQuestion } from '../../src/facts/confidence.ts';
import { splitClauses, splitSentences } from '../../src/facts/sentences.ts';

describe('release windows read from the article date', () => {
  test.each([
    ['premieres December 4, 2026', '2026-01-10', ['2026-12-04']],
    ['arrives Dec. 4', '2026-09-30', ['2026-12-04']],
    ['arrives Jan. 9', '2026-11-20', ['2027-01-09']],
    ['lands on 4 December 2026', '2026-01-10', ['2026-12-04']],
    ['due in December 2026', '2026-01-10', ['2026-12']],
    ['due this December', '2026-03-10', ['2026-12']],
    ['in Q1 2027', '2026-03-10', ['2027-Q1']],
    ['in the first quarter of next year', '2026-03-10', ['2027-Q1']],
    ['in the first half of 2027', '2026-03-10', ['2027-H1']],
    ['in the second half of this year', '2026-03-10', ['2026-H2']],
    ['in early 2027', '2026-03-10', ['2027-H1']],
    ['by late 2026', '2026-03-10', ['2026-H2']],
    ['by the end of 2026', '2026-03-10', ['2026-H2']],
    ['around mid-2027', '2026-03-10', ['2027']],
    ['later this year', '2026-03-10', ['2026-H2']],
    ['early next year', '2026-09-10', ['2027-H1']],
    ['next year', '2026-09-10', ['2027']],
    ['this year', '2026-09-10', ['2026']],
    ['next month', '2026-12-10', ['2027-01']],
    ['this fall', '2026-05-10', ['2026-Q4']],
    ['this spring', '2026-08-10', ['2027-Q2']],
    ['in summer 2027', '2026-05-10', ['2027-Q3']],
    ['in winter 2027', '2026-05-10', ['2027-Q1']],
    ['in 2027', '2026-05-10', ['2027']],
    ['not in the 2026 lineup', '2026-05-10', []],
    ['season 2 may arrive soon', '2026-05-10', []],
    ['in May 2027', '2026-05-10', ['2027-05']],
    ['mid-February 2026', '2026-01-10', ['2026-02']],
  ])('%s (article %s)', (text, published, want) => {
    expect(findDates(text, clockOf(`${published}T12:00:00Z`), 'future').map((d) => d.value)).toEqual(want);
  });

  test.each([
    ['wrapped on February 19', '2026-02-22', ['2026-02-19']],
    ['began last July', '2026-02-22', ['2025-07']],
    ['started in November', '2026-02-22', ['2025-11']],
    ['began in July 2025', '2026-02-22', ['2025-07']],
  ])('events that happened: %s', (text, published, want) => {
    expect(findDates(text, clockOf(`${published}T12:00:00Z`), 'past').map((d) => d.value)).toEqual(want);
  });

  test.each([['2027-H1', '2027-06-30'], ['2026-Q4', '2026-12-31'], ['2026-02', '2026-02-31'], ['2027', '2027-12-31'], ['2026-12-04', '2026-12-04']])('latest day of %s', (v, want) => {
    expect(latestDayOf(v)).toBe(want);
  });
});

describe('confidence from wording', () => {
  test.each([
    // Named voices (Netflix, its brands) come from the show pack; see speakers.test.ts.
    ['The streamer confirmed the date', 'official'],
    ['Netflix has officially announced the cast', 'official'],
    ['the agency said in a statement', 'official'],
    ['according to Soompi, filming ended', 'reported'],
    ['filming ended last week', 'reported'],
    ['sources say the shoot is over', 'reported'],
    ['filming has reportedly ended', 'rumor'],
    ['rumours point to a December date', 'rumor'],
    ['the star is said to have joined', 'rumor'],
    ['if these reports are to be believed, it is over', 'rumor'],
    ['insiders claim it will arrive soon', 'rumor'],
    ['reports suggest a 2027 release', 'rumor'],
    ['it may arrive in 2027', 'speculation'],
    ['it might arrive in 2027', 'speculation'],
    ['it could premiere in 2027', 'speculation'],
    ['it is likely to premiere in 2027', 'speculation'],
    ['it is expected to premiere in 2027', 'speculation'],
    ['fans believe it will arrive in 2027', 'speculation'],
    ['many are speculating about 2027', 'speculation'],
    ['a 2027 premiere is possible', 'speculation'],
    ['Netflix is expected to announce a date', 'speculation'],
  ])('%s → %s', (text, want) => {
    expect(clauseConfidence(text)).toBe(want);
  });

  test.each([
    ['Will season 2 release in 2026?', true],
    ['When is season 2 coming out', true],
    ['Season 2 arrives in 2027.', false],
  ])('question: %s', (s, want) => {
    expect(isQuestion(s)).toBe(want);
  });
});

describe('sentences and clauses', () => {
  test('abbreviations do not end sentences and lines do', () => {
    expect(splitSentences('It lands Dec. 4 on Netflix. Fans cheered.\nNew cast revealed')).toEqual(['It lands Dec. 4 on Netflix.', 'Fans cheered.', 'New cast revealed']);
  });
  test('a denial and a claim in one sentence fall in different clauses', () => {
    expect(splitClauses("Netflix hasn't set a date, but reports point to 2027").map((c) => c.text)).toEqual(["Netflix hasn't set a date", 'but reports point to 2027']);
  });
});
