import { afterEach, describe, expect, test } from 'vitest';
import { applyClaim } from '../../src/facts/ledger.ts';
import { FactLedger } from '../../src/facts/ledger-store.ts';
import type { Claim, Confidence, Fact, FactKind } from '../../src/facts/types.ts';
import { openStores } from '../../src/store/index.ts';
import type { Stores } from '../../src/store/types.ts';

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

  test('equally sure rivals stay a conflict however many outlets report the other value, until a surer source settles it', () => {
    const { fact, events } = run([
      claim('release', '2026-12', 'reported', '2026-01-10T00:00:00Z', 'https://a.example/1', null, 'A'),
      claim('release', '2027-H1', 'reported', '2026-01-12T00:00:00Z', 'https://b.example/2', null, 'B'),
      claim('release', '2027-H1', 'reported', '2026-01-14T00:00:00Z', 'https://c.example/3', null, 'C'),
      claim('release', '2027-H1', 'reported', '2026-01-15T00:00:00Z', 'https://d.example/4', null, 'D'),
      claim('release', '2027-H1', 'reported', '2026-01-16T00:00:00Z', 'https://f.example/6', null, 'F'),
      claim('release', '2027-H1', 'official', '2026-01-20T00:00:00Z', 'https://netflix.example/7', null, 'Netflix'),
    ]);
    expect(events).toEqual(['fact-change:new', 'conflict:new', 'conflict:new', 'conflict:new', 'conflict:new', 'fact-change:changed']);
    // The outlets that had reported the settled value as a conflict now back it.
    expect(fact).toMatchObject({ value: '2027-H1', confidence: 'official', conflicts: [] });
    expect(fact?.sources).toHaveLength(5);
  });

  test('months without a repeat do not let an equally sure rival take over', () => {
    const { fact, events } = run([
      claim('release', '2026-12', 'reported', '2025-11-01T00:00:00Z', 'https://a.example/1', null, 'A'),
      claim('release', '2027-H1', 'reported', '2026-02-22T00:00:00Z', 'https://b.example/2', null, 'B'),
    ]);
    expect(events).toEqual(['fact-change:new', 'conflict:new']);
    expect(fact?.value).toBe('2026-12');
  });

  test('an article that says the earlier value no longer holds revises it at equal confidence', () => {
    const repeats = ['A', 'B', 'C', 'D'].map((o, i) =>
      claim('release', '2027-03-12', 'official', `2026-10-0${i + 1}T00:00:00Z`, `https://${o.toLowerCase()}.example/date`, null, o));
    const { fact, events } = run([
      ...repeats,
      claim('release', '2027-04-09', 'official', '2026-11-20T00:00:00Z', 'https://x.example/other-date', null, 'X'),
      { ...claim('release', '2027-04-09', 'official', '2026-11-21T00:00:00Z', 'https://y.example/delay', null, 'Y'), revises: true },
    ]);
    expect(events.slice(-2)).toEqual(['conflict:new', 'fact-change:changed']);
    expect(fact).toMatchObject({ value: '2027-04-09', conflicts: [] });
    expect(fact?.sources.map((s) => s.itemUrl)).toEqual(['https://x.example/other-date', 'https://y.example/delay']);
  });

  test('the outlet behind the newest source revises itself; another outlet saying otherwise is a conflict', () => {
    const { fact, events } = run([
      claim('release', '2026', 'reported', '2024-05-23T00:00:00Z', 'https://ledger.example/1', null, 'Screen Ledger'),
      claim('release', '2027-H1', 'reported', '2026-01-10T00:00:00Z', 'https://ledger.example/2', null, 'Screen Ledger'),
      claim('release', '2026', 'reported', '2026-01-11T00:00:00Z', 'https://blog.example/3', null, 'Zombie Homeroom'),
    ]);
    expect(events).toEqual(['fact-change:new', 'fact-change:changed', 'conflict:new']);
    expect(fact?.value).toBe('2027-H1');
    // Only the newest source counts: an outlet that once repeated the value does not revise it.
    const older = run([
      claim('release', '2026', 'reported', '2024-05-01T00:00:00Z', 'https://a.example/1', null, 'A'),
      claim('release', '2026', 'reported', '2024-05-02T00:00:00Z', 'https://b.example/2', null, 'B'),
      claim('release', '2027-H1', 'reported', '2024-06-01T00:00:00Z', 'https://a.example/3', null, 'A'),
    ]);
    expect(older.events).toEqual(['fact-change:new', 'corroboration:new', 'conflict:new']);
  });

  test('equally sure rivals of other kinds are conflicts too, unless revised', () => {
    expect(run([
      claim('episodes', '8', 'reported', '2026-03-01T00:00:00Z', 'https://a.example/1', null, 'A'),
      claim('episodes', '10', 'reported', '2026-03-02T00:00:00Z', 'https://b.example/2', null, 'B'),
    ]).events).toEqual(['fact-change:new', 'conflict:new']);
    expect(run([
      claim('episodes', '8', 'reported', '2026-03-01T00:00:00Z', 'https://a.example/1', null, 'A'),
      { ...claim('episodes', '10', 'reported', '2026-03-02T00:00:00Z', 'https://b.example/2', null, 'B'), revises: true },
    ]).events).toEqual(['fact-change:new', 'fact-change:changed']);
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

  test("a surer but wider window is news: the platform's own half-year over a reported month", () => {
    const { fact, events } = run([
      claim('release', '2027-01', 'reported', '2026-04-14T00:00:00Z', 'https://a.example/1'),
      claim('release', '2027-H1', 'official', '2026-10-27T00:00:00Z', 'https://netflix.example/2'),
    ]);
    expect(events).toEqual(['fact-change:new', 'fact-change:changed']);
    expect(fact).toMatchObject({ value: '2027-H1', confidence: 'official' });
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

  test('a rumoured later stage never replaces a surer earlier one; among rumours it moves on', () => {
    const { fact, events } = run([
      claim('production', 'filming', 'official', '2025-07-23T00:00:00Z', 'https://netflix.example/1'),
      claim('production', 'wrapped', 'rumor', '2026-01-10T00:00:00Z', 'https://a.example/2'),
      claim('production', 'post-production', 'rumor', '2026-01-11T00:00:00Z', 'https://a.example/3'),
    ]);
    expect(events).toEqual(['fact-change:new', 'ignored:weaker', 'ignored:weaker']);
    expect(fact).toMatchObject({ value: 'filming', confidence: 'official' });
    const rumours = run([
      claim('production', 'filming', 'rumor', '2025-07-23T00:00:00Z', 'https://a.example/1'),
      claim('production', 'wrapped', 'rumor', '2026-01-10T00:00:00Z', 'https://b.example/2'),
      claim('production', 'post-production', 'speculation', '2026-01-11T00:00:00Z', 'https://c.example/3'),
    ]);
    expect(rumours.events).toEqual(['fact-change:new', 'fact-change:changed', 'ignored:weaker']);
  });

  test('no mention of an earlier stage moves production back, however sure, unless Netflix words it as a setback', () => {
    const { fact, events } = run([
      claim('production', 'post-production', 'rumor', '2026-02-20T00:00:00Z', 'https://blog.example/1'),
      claim('production', 'announced', 'official', '2026-03-01T00:00:00Z', 'https://a.example/renewal-recap'),
      claim('production', 'filming', 'reported', '2026-03-02T00:00:00Z', 'https://b.example/2'),
      claim('production', 'filming', 'official', '2026-03-03T00:00:00Z', 'https://netflix.example/filming-recap'),
      { ...claim('production', 'filming', 'reported', '2026-03-04T00:00:00Z', 'https://c.example/reshoots'), setback: true },
      { ...claim('production', 'filming', 'official', '2026-03-05T00:00:00Z', 'https://netflix.example/reshoots'), setback: true },
    ]);
    expect(events).toEqual(['fact-change:new', 'ignored:regression', 'ignored:regression', 'ignored:regression', 'ignored:regression', 'fact-change:changed']);
    expect(fact).toMatchObject({ value: 'filming', confidence: 'official' });
  });

  test('an official halt moves production back, and the stages move on from there', () => {
    const { fact, events } = run([
      claim('production', 'filming', 'official', '2025-07-23T00:00:00Z', 'https://netflix.example/1'),
      { ...claim('production', 'pre-production', 'official', '2025-09-01T00:00:00Z', 'https://netflix.example/halted'), setback: true },
      claim('production', 'filming', 'reported', '2025-09-10T00:00:00Z', 'https://a.example/recap'),
      claim('production', 'filming', 'official', '2025-11-01T00:00:00Z', 'https://netflix.example/resumed'),
    ]);
    expect(events).toEqual(['fact-change:new', 'fact-change:changed', 'fact-change:changed', 'fact-change:upgraded']);
    expect(fact).toMatchObject({ value: 'filming', confidence: 'official' });
  });

  test('a guess starts a fact labelled as a guess, and a surer report upgrades it', () => {
    expect(run([claim('cast', 'returning', 'speculation', '2025-01-01T00:00:00Z', 'https://blog.example/1', 'Lee Yoo-mi')]).events).toEqual(['fact-change:new']);
    const { fact, events } = run([
      claim('cast', 'returning', 'speculation', '2025-01-01T00:00:00Z', 'https://blog.example/1', 'Yoo In-soo'),
      claim('cast', 'returning', 'rumor', '2025-02-01T00:00:00Z', 'https://a.example/2', 'Yoo In-soo'),
    ]);
    expect(events).toEqual(['fact-change:new', 'fact-change:upgraded']);
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

describe('the known timeline', () => {
  let stores: Stores | undefined;
  afterEach(async () => {
    await stores?.close();
    stores = undefined;
  });

  /** Feeds claims one article at a time through a ledger over a real (in-memory) store. */
  async function ledgerRun(claims: Claim[]): Promise<{ ledger: FactLedger; events: string[] }> {
    stores = await openStores('sqlite://:memory:');
    const ledger = new FactLedger(stores.facts, { clock: () => new Date(NOW) });
    const events: string[] = [];
    for (const c of claims) {
      for (const e of await ledger.apply([c])) events.push(`${e.type}:${e.reason}`);
    }
    return { ledger, events };
  }

  async function factOf(ledger: FactLedger, kind: FactKind): Promise<Fact | undefined> {
    return (await ledger.listFacts()).find((f) => f.kind === kind);
  }

  const wrapped = { ...claim('production', 'wrapped', 'reported', '2026-02-20T00:00:00Z', 'https://wire.example/wrap', null, 'Wire'), date: '2026-02-18' };

  /** An article without a date: only the wrap can tell that its release is impossible. */
  function undated(kind: FactKind, value: string, confidence: Confidence, url: string): Claim {
    const c = claim(kind, value, confidence, '', url, null, new URL(url).hostname);
    const { published: _p, ...evidence } = c.evidence;
    return { ...c, evidence };
  }

  test('a release before the known wrap date is kept as a conflict, never announced', async () => {
    const { ledger, events } = await ledgerRun([
      claim('release', '2027-H1', 'reported', '2026-01-10T00:00:00Z', 'https://a.example/window', null, 'A'),
      wrapped,
      undated('release', '2026-02-14', 'reported', 'https://b.example/valentine'),
      undated('release', '2026-01', 'reported', 'https://c.example/january'),
      undated('release', '2026-02-27', 'reported', 'https://d.example/after-the-wrap'),
    ]);
    expect(events).toEqual(['fact-change:new', 'fact-change:new', 'conflict:new', 'conflict:new', 'conflict:new']);
    const release = await factOf(ledger, 'release');
    expect(release?.value).toBe('2027-H1');
    expect(release?.conflicts.map((c) => c.value)).toEqual(['2026-02-14', '2026-01', '2026-02-27']);
  });

  test('the wrap date still counts once production has moved past it', async () => {
    const { events } = await ledgerRun([
      wrapped,
      claim('production', 'post-production', 'reported', '2026-02-23T00:00:00Z', 'https://blog.example/post', null, 'Blog'),
      undated('release', '2026-02-10', 'reported', 'https://b.example/early'),
      undated('release', '2027-03-12', 'reported', 'https://c.example/date'),
    ]);
    expect(events).toEqual(['fact-change:new', 'fact-change:changed', 'conflict:new', 'fact-change:new']);
    await stores?.close();

    // The same within one batch, before anything is saved.
    stores = await openStores('sqlite://:memory:');
    const batch = await new FactLedger(stores.facts, { clock: () => new Date(NOW) }).apply([
      wrapped,
      claim('production', 'post-production', 'reported', '2026-02-23T00:00:00Z', 'https://blog.example/post', null, 'Blog'),
      undated('release', '2026-02-10', 'reported', 'https://b.example/early'),
    ]);
    expect(batch.map((e) => `${e.type}:${e.reason}`)).toEqual(['fact-change:new', 'fact-change:changed', 'conflict:new']);
  });

  test('a rumoured wrap date does not refute a surer release date', async () => {
    const { ledger, events } = await ledgerRun([
      { ...claim('production', 'wrapped', 'rumor', '2026-01-10T00:00:00Z', 'https://gossip.example/wrap'), date: '2026-06-30' },
      claim('release', '2026-05', 'reported', '2026-01-12T00:00:00Z', 'https://a.example/may', null, 'A'),
    ]);
    expect(events).toEqual(['fact-change:new', 'fact-change:new']);
    expect((await factOf(ledger, 'release'))?.value).toBe('2026-05');
  });

  test('a release already past for a season not known released is a conflict; once released it is not', async () => {
    const { ledger, events } = await ledgerRun([
      claim('release', '2027-H1', 'reported', '2026-01-10T00:00:00Z', 'https://a.example/window', null, 'A'),
      claim('release', '2025-12', 'official', '2026-02-01T00:00:00Z', 'https://b.example/past', null, 'B'),
    ]);
    expect(events).toEqual(['fact-change:new', 'conflict:new']);
    expect((await factOf(ledger, 'release'))?.value).toBe('2027-H1');
    await stores?.close();

    // With no release fact yet the history keeps the conflict, and no fact starts from it.
    const fresh = await ledgerRun([claim('release', '2022-01-28', 'reported', '2026-02-01T00:00:00Z', 'https://c.example/recap', null, 'C')]);
    expect(fresh.events).toEqual(['conflict:new']);
    expect(await factOf(fresh.ledger, 'release')).toBeUndefined();
    await stores?.close();

    const out = await ledgerRun([
      claim('production', 'released', 'official', '2027-03-12T08:00:00Z', 'https://netflix.example/out', null, 'Netflix'),
      claim('release', '2027-03-12', 'official', '2027-03-14T00:00:00Z', 'https://netflix.example/day', null, 'Netflix'),
    ]);
    expect(out.events).toEqual(['fact-change:new', 'fact-change:new']);
  });

  test('a premiere on the day of the article, or the day before it, is not in the past', async () => {
    const { events } = await ledgerRun([
      // Midnight in Seoul on 12 March is still 11 March in UTC.
      claim('release', '2027-03-12', 'official', '2027-03-11T15:00:00Z', 'https://netflix.example/today', null, 'Netflix'),
      claim('release', '2027-03-12', 'reported', '2027-03-13T09:00:00Z', 'https://a.example/yesterday', null, 'A'),
    ]);
    expect(events).toEqual(['fact-change:new', 'corroboration:new']);
  });

  test('"released" before the known release day is a conflict; on the day it moves production on', async () => {
    const { ledger, events } = await ledgerRun([
      claim('production', 'post-production', 'reported', '2026-06-01T00:00:00Z', 'https://a.example/post', null, 'A'),
      claim('release', '2027-03-12', 'official', '2026-10-01T00:00:00Z', 'https://netflix.example/date', null, 'Netflix'),
      claim('production', 'released', 'reported', '2027-01-20T00:00:00Z', 'https://b.example/now-streaming', null, 'B'),
      claim('production', 'released', 'official', '2027-03-11T15:05:00Z', 'https://netflix.example/out', null, 'Netflix'),
    ]);
    expect(events).toEqual(['fact-change:new', 'fact-change:new', 'conflict:new', 'fact-change:changed']);
    const production = await factOf(ledger, 'production');
    expect(production).toMatchObject({ value: 'released', confidence: 'official' });
    expect(production?.conflicts).toEqual([]);
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
