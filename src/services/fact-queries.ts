/** Read-only answers for fans' commands, straight from the ledger and the item history. */
import { earlierCastOf } from '../alerts/alert-title.ts';
import { matchPerson } from '../facts/names.ts';
import { keysOfName, plainKey } from '../facts/romanization.ts';
import type { ShowPack } from '../facts/show-pack.ts';
import type { FactKind } from '../facts/types.ts';
import type { Stores } from '../store/types.ts';
import type { FactQueries, PersonMatch } from './types.ts';
import { compareText } from '../shared/text-order.ts';

/** What people see for a person in autocomplete: their role on the show. */
function describePerson(person: ShowPack['people'][number]): string {
  const parts: string[] = [];
  if (person.roles.includes('cast')) parts.push(person.characters.length > 0 ? `plays ${person.characters.join(' / ')}` : 'cast');
  if (person.crewRoles.length > 0) parts.push(person.crewRoles.join(', '));
  return parts.join('; ') || person.roles.join(', ');
}

export function createFactQueries(pack: ShowPack, stores: Pick<Stores, 'facts' | 'items' | 'feeds'>): FactQueries {
  // Every spelling of every person, folded, for autocomplete. Built once: the pack does not change.
  const people = pack.people.map((p) => ({
    person: p,
    keys: [p.name, ...p.aliases, ...(p.korean ? [p.korean] : [])].map((n) => plainKey(n)),
    nameKeys: new Set([p.name, ...p.aliases].flatMap((n) => keysOfName(n))),
  }));

  return {
    show: () => ({
      id: pack.id,
      title: pack.titles.primary,
      ...(pack.titles.korean ? { koreanTitle: pack.titles.korean } : {}),
      season: pack.season,
      earlierCast: [...earlierCastOf(pack.people, pack.season)],
    }),

    async current(kind?: FactKind) {
      const facts = await stores.facts.listFacts();
      return kind ? facts.filter((f) => f.kind === kind) : facts;
    },

    async history(kind, limit) {
      if (limit <= 0) return [];
      // Most stored events are corroborations and ignored repeats, so a fixed window of the newest
      // few can hold no change at all: widen it until enough changes are found or history ends.
      for (let window = limit * 4; ; window *= 4) {
        const events = await stores.facts.listEvents({ ...(kind ? { kind } : {}), limit: window });
        const shown = events.filter((e) => e.type === 'fact-change' || e.type === 'conflict');
        if (shown.length >= limit || events.length < window) return shown.slice(0, limit);
      }
    },

    recentNews: (limit) => stores.items.recent(limit),

    async lastCheckedAt() {
      const feeds = await stores.feeds.list();
      const times = feeds.map((f) => f.lastSuccessAt).filter((t): t is string => Boolean(t));
      return times.length > 0 ? times.reduce((a, b) => (a > b ? a : b)) : undefined;
    },

    searchPeople(query, limit) {
      const q = plainKey(query);
      const exact = matchPerson(query, pack);
      const qKeys = new Set(keysOfName(query));
      const scored: { match: PersonMatch; score: number }[] = [];
      for (const { person, keys, nameKeys } of people) {
        let score = 0;
        if (person.name === exact) score = 3;
        else if ([...qKeys].some((k) => nameKeys.has(k))) score = 3;
        else if (q && keys.some((k) => k.startsWith(q))) score = 2;
        else if (q && keys.some((k) => k.includes(q))) score = 1;
        else if (!q) score = 0.5;
        if (score > 0) scored.push({ match: { canonical: person.name, description: describePerson(person) }, score });
      }
      return scored.sort((a, b) => b.score - a.score || compareText(a.match.canonical, b.match.canonical)).slice(0, limit).map((s) => s.match);
    },

    resolvePerson: (name) => matchPerson(name, pack),
  };
}
