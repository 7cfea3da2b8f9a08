import { describe, expect, test } from 'vitest';
import { applyClaim } from '../../src/facts/ledger.ts';
import type { Claim, Confidence, Fact, FactKind } from '../../src/facts/types.ts';

const NOW = '2026-03-01T00:00:00.000Z';

function claim(kind: FactKind, value: string, confidence: Confidence, published: string, url: string, subject: string | null = null, outlet?: string): Claim {
  return {
    kind,
    subject,
    value,
    confidence,
    evidence: { itemUrl: url, sentence: `${kind} is ${value}`, published, ...(outlet ? { outlet } : {}) },
  };
}

/** Runs claims through the ledger in order, returning the final fact and the event types. */
function run(claims: Claim[]): { fact: Fact | undefined; events: string[] } {
  let fact: Fact | undefined;
  const events: string[] = [];
  for (const c of claims) {
    const outcome = applyClaim(fact, c, { now: NOW });
    fact = outcome.fact;
    events.push(`${outcome.event.type}:${outcome.event.reason}`);
  }
  return { fact, events };
}

describe('ledger rules', () => {
  test('a first claim is a new fact', () => {
    const { fact, events } = run([claim('production', 'filming', 'reported', '2025-07-10T00:00:00Z', 'https://a.example/1')]);
    expect(events).toEqual(['fact-change:new']);
    expect(fact?.value).toBe('filming');
    expect(fact?.sources).toHaveLength(1);
  });

  test('a second outlet with the same value corroborates without a change', () => {
    const { fact, events } = run([
      claim('production', 'wrapped', 'reported', '2026-02-20T00:00:00Z', 'https://a.example/1'),
      claim('production', 'wrapped', 'reported', '2026-02-21T00:00:00Z', 'https://b.example/2'),
    ]);
    expect(events).toEqual(['fact-change:new', 'corroboration:new']);
    expect(fact?.sources.map((s) => s.itemUrl)).toEqual(['https://a.example/1', 'https://b.example/2']);
    expect(fact?.asOf).toBe('2026-02-21T00:00:00Z');
  });

  test('an outlet re-posting the same value under a new link corroborates as the same outlet', () => {
    const { fact, events } = run([
      claim('production', 'wrapped', 'reported', '2026-02-20T00:00:00Z', 'https://a.example/1', null, 'Wire'),
      claim('production', 'wrapped', 'reported', '2026-02-21T00:00:00Z', 'https://a.example/1-updated', null, 'Wire'),
    ]);
    expect(events).toEqual(['fact-change:new', 'corroboration:same-outlet']);
    expect(fact?.sources).toHaveLength(2);
  });

  test('the same article seen twice is a duplicate, not a corroboration', () => {
    const c = claim('production', 'wrapped', 'reported', '2026-02-20T00:00:00Z', 'https://a.example/1');
    expect(run([c, c]).events).toEqual(['fact-change:new', 'ignored:duplicate']);
  });

  test('reported then official for the same value is an upgrade', () => {
    const { fact, events } = run([
      claim('renewal', 'renewed', 'reported', '2022-06-01T00:00:00Z', 'https://a.example/1'),
      claim('renewal', 'renewed', 'official', '2022-06-07T00:00:00Z', 'https://netflix.example/2'),
    ]);
    expect(events).toEqual(['fact-change:new', 'fact-change:upgraded']);
    expect(fact?.confidence).toBe('official');
  });

  test('a weaker claim never overwrites a stronger fact', () => {
    const { fact, events } = run([
      claim('release', '2027-03-12', 'official', '2026-10-01T00:00:00Z', 'https://netflix.example/1'),
      claim('release', '2026-12', 'rumor', '2026-10-05T00:00:00Z', 'https://gossip.example/2'),
    ]);
    expect(events).toEqual(['fact-change:new', 'ignored:weaker']);
    expect(fact?.value).toBe('2027-03-12');
  });

  test('an older article never overwrites a newer one, even when it is surer', () => {
    const { fact, events } = run([
      claim('release', '2027-H1', 'reported', '2026-05-01T00:00:00Z', 'https://a.example/new'),
      claim('release', '2026-12', 'official', '2026-01-01T00:00:00Z', 'https://a.example/old'),
    ]);
    expect(events).toEqual(['fact-change:new', 'ignored:older']);
    expect(fact?.value).toBe('2027-H1');
  });

  test('two equally sure dates that disagree are a conflict, and do not flip-flop', () => {
    const { fact, events } = run([
      claim('release', '2026-12', 'reported', '2026-01-10T00:00:00Z', 'https://a.example/1', null, 'A'),
      claim('release', '2027-H1', 'reported', '2026-01-12T00:00:00Z', 'https://b.example/2', null, 'B'),
      claim('release', '2026-12', 'reported', '2026-01-14T00:00:00Z', 'https://c.example/3', null, 'C'),
      claim('release', '2027-H1', 'reported', '2026-01-15T00:00:00Z', 'https://d.example/4', null, 'D'),
    ]);
    expect(events).toEqual(['fact-change:new', 'conflict:new', 'corroboration:new', 'conflict:new']);
    expect(fact?.value).toBe('2026-12');
    expect(fact?.conflicts.map((c) => [c.value, c.sources.length])).toEqual([['2027-H1', 2]]);
  });

  test('a conflicting value that clearly more outlets report than repeat the old one takes over once', () => {
    const { fact, events } = run([
      claim('release', '2026-12', 'reported', '2026-01-10T00:00:00Z', 'https://a.example/1', null, 'A'),
      claim('release', '2027-H1', 'reported', '2026-01-12T00:00:00Z', 'https://b.example/2', null, 'B'),
      claim('release', '2026-12', 'reported', '2026-01-13T00:00:00Z', 'https://e.example/5', null, 'E'),
      claim('release', '2027-H1', 'reported', '2026-01-14T00:00:00Z', 'https://c.example/3', null, 'C'),
      claim('release', '2027-H1', 'reported', '2026-01-15T00:00:00Z', 'https://d.example/4', null, 'D'),
      claim('release', '2027-H1', 'reported', '2026-01-16T00:00:00Z', 'https://f.example/6', null, 'F'),
    ]);
    // Since 2027-H1 first appeared, E repeated 2026-12 once: it takes three outlets to outweigh that.
    expect(events).toEqual(['fact-change:new', 'conflict:new', 'corroboration:new', 'conflict:new', 'fact-change:changed', 'corroboration:new']);
    expect(fact?.value).toBe('2027-H1');
    expect(fact?.sources).toHaveLength(4);
    expect(fact?.conflicts).toEqual([]);
  });

  test('an official delay wins once outlets report it, however often the old date was repeated before', () => {
    const repeats = ['A', 'B', 'C', 'D', 'E', 'F'].map((o, i) =>
      claim('release', '2027-03-12', 'official', `2026-10-0${i + 1}T00:00:00Z`, `https://${o.toLowerCase()}.example/date`, null, o));
    const { fact, events } = run([
      ...repeats,
      claim('release', '2027-04-09', 'official', '2026-11-20T00:00:00Z', 'https://x.example/delay', null, 'X'),
      claim('release', '2027-04-09', 'official', '2026-11-20T06:00:00Z', 'https://y.example/delay', null, 'Y'),
    ]);
    expect(events.slice(-2)).toEqual(['conflict:new', 'fact-change:changed']);
    expect(fact?.value).toBe('2027-04-09');
  });

  test('an equally sure value replaces one nobody has repeated for weeks', () => {
    const { fact, events } = run([
      claim('release', '2026-12', 'reported', '2025-11-01T00:00:00Z', 'https://a.example/1'),
      claim('release', '2027-H1', 'reported', '2026-02-22T00:00:00Z', 'https://b.example/2'),
    ]);
    expect(events).toEqual(['fact-change:new', 'fact-change:changed']);
    expect(fact?.value).toBe('2027-H1');
  });

  test('a more precise date inside the known window is a refinement', () => {
    const { fact, events } = run([
      claim('release', '2027-H1', 'reported', '2026-06-01T00:00:00Z', 'https://a.example/1'),
      claim('release', '2027-03', 'reported', '2026-06-10T00:00:00Z', 'https://b.example/2'),
      claim('release', '2027', 'reported', '2026-06-12T00:00:00Z', 'https://c.example/3'),
    ]);
    expect(events).toEqual(['fact-change:new', 'fact-change:refined', 'ignored:less-specific']);
    expect(fact?.value).toBe('2027-03');
  });

  test('production moves forward; a recap of an earlier stage is not a regression', () => {
    const { fact, events } = run([
      claim('production', 'filming', 'reported', '2025-07-10T00:00:00Z', 'https://a.example/1'),
      claim('production', 'wrapped', 'reported', '2026-02-20T00:00:00Z', 'https://a.example/2'),
      claim('production', 'filming', 'reported', '2026-02-25T00:00:00Z', 'https://a.example/3'),
      claim('production', 'post-production', 'reported', '2026-02-26T00:00:00Z', 'https://a.example/4'),
    ]);
    expect(events).toEqual(['fact-change:new', 'fact-change:changed', 'ignored:regression', 'fact-change:changed']);
    expect(fact?.value).toBe('post-production');
  });

  test('a newer report of a later stage moves an official earlier stage on; a guess does not', () => {
    const { fact, events } = run([
      claim('production', 'filming', 'official', '2025-07-23T00:00:00Z', 'https://netflix.example/1'),
      claim('production', 'wrapped', 'speculation', '2026-01-10T00:00:00Z', 'https://a.example/2'),
      claim('production', 'wrapped', 'reported', '2026-02-20T00:00:00Z', 'https://b.example/3'),
    ]);
    expect(events).toEqual(['fact-change:new', 'ignored:weaker', 'fact-change:changed']);
    expect(fact).toMatchObject({ value: 'wrapped', confidence: 'reported' });
  });

  test('a surer mention of an earlier stage does not move production back, unless Netflix says so', () => {
    const { fact, events } = run([
      claim('production', 'post-production', 'rumor', '2026-02-20T00:00:00Z', 'https://blog.example/1'),
      claim('production', 'announced', 'official', '2026-03-01T00:00:00Z', 'https://a.example/renewal-recap'),
      claim('production', 'filming', 'reported', '2026-03-02T00:00:00Z', 'https://b.example/2'),
      claim('production', 'filming', 'official', '2026-03-03T00:00:00Z', 'https://netflix.example/reshoots'),
    ]);
    expect(events).toEqual(['fact-change:new', 'ignored:regression', 'ignored:regression', 'fact-change:changed']);
    expect(fact).toMatchObject({ value: 'filming', confidence: 'official' });
  });

  test('a guess alone never starts a cast or crew fact; it can still start a release window', () => {
    expect(run([claim('cast', 'returning', 'speculation', '2025-01-01T00:00:00Z', 'https://blog.example/1', 'Lee Yoo-mi')])).toEqual({ fact: undefined, events: ['ignored:speculative'] });
    const { fact, events } = run([
      claim('cast', 'returning', 'speculation', '2025-01-01T00:00:00Z', 'https://blog.example/1', 'Yoo In-soo'),
      claim('cast', 'returning', 'rumor', '2025-02-01T00:00:00Z', 'https://a.example/2', 'Yoo In-soo'),
    ]);
    expect(events).toEqual(['ignored:speculative', 'fact-change:new']);
    expect(fact?.confidence).toBe('rumor');
    expect(run([claim('release', '2027-H1', 'speculation', '2026-02-22T00:00:00Z', 'https://a.example/3')]).events).toEqual(['fact-change:new']);
  });

  test('an actor leaving is a change even right after the casting report', () => {
    const { fact, events } = run([
      claim('cast', 'new', 'reported', '2025-03-01T00:00:00Z', 'https://a.example/1', 'Roh Yoon-seo'),
      claim('cast', 'exited', 'reported', '2025-03-20T00:00:00Z', 'https://b.example/2', 'Roh Yoon-seo'),
    ]);
    expect(events).toEqual(['fact-change:new', 'fact-change:changed']);
    expect(fact?.value).toBe('exited');
  });

  test('a character learned from a later source is kept without an alert', () => {
    const first = claim('cast', 'returning', 'official', '2025-06-01T00:00:00Z', 'https://a.example/1', 'Park Ji-hu');
    const second = { ...claim('cast', 'returning', 'reported', '2025-06-02T00:00:00Z', 'https://b.example/2', 'Park Ji-hu'), character: 'Nam On-jo' };
    const { fact, events } = run([first, second]);
    expect(events).toEqual(['fact-change:new', 'corroboration:new']);
    expect(fact?.character).toBe('Nam On-jo');
    expect(fact?.confidence).toBe('official');
  });

  test('events name their cause first and carry the previous value', () => {
    const fact = applyClaim(undefined, claim('release', '2026-12', 'rumor', '2026-01-10T00:00:00Z', 'https://a.example/1'), { now: NOW }).fact;
    const outcome = applyClaim(fact, claim('release', '2027-02-26', 'official', '2026-09-01T00:00:00Z', 'https://netflix.example/2'), { now: NOW });
    expect(outcome.event).toMatchObject({ type: 'fact-change', value: '2027-02-26', previous: '2026-12', previousConfidence: 'rumor' });
    expect(outcome.event.sources[0]?.itemUrl).toBe('https://netflix.example/2');
  });
});

describe('ledger events stay small', () => {
  test('an event names its cause and at most nine other recent sources; the fact keeps them all', () => {
    const claims = Array.from({ length: 30 }, (_, i) =>
      claim('production', 'wrapped', 'reported', `2026-02-${String(i % 28 + 1).padStart(2, '0')}T0${i % 10}:00:00Z`, `https://outlet${i}.example/story`, null, `Outlet ${i}`));
    let fact: Fact | undefined;
    let last;
    for (const c of claims) {
      const outcome = applyClaim(fact, c, { now: NOW });
      fact = outcome.fact;
      last = outcome.event;
    }
    expect(fact?.sources).toHaveLength(30);
    expect(last?.sources).toHaveLength(10);
    expect(last?.sources[0]?.itemUrl).toBe('https://outlet29.example/story');
  });
});
