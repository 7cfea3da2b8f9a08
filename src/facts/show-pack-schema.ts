import { crossCheck, list, matches, nonEmpty, nullable, number, oneOf, optional, record, text, withDefault, type Checked } from '../shared/validate.ts';
import { CAST_STATUSES, CONFIDENCES, FACT_KINDS } from './types.ts';

/**
 * The shape of a show pack file. Everything the engine knows about one show lives in the file,
 * so that tracking a second show needs a second file and no code.
 */
const name = () => text({ rules: [nonEmpty()] });
const names = () => withDefault(list(name()), []);
const positiveWhole = () => number({ integer: true, min: 1 });

const personSchema = record({
  name: name(),
  korean: optional(text()),
  aliases: names(),
  roles: list(oneOf(['cast', 'crew']), { min: 1 }),
  crewRoles: names(),
  /** Seasons the person works on; earlier seasons make a plain cast mention mean "returning". */
  seasons: withDefault(list(positiveWhole()), []),
  characters: names(),
});

const characterSchema = record({
  name: name(),
  /** The name in Hangul, as Korean outlets write it (남온조). */
  korean: optional(text()),
  aliases: names(),
});

const otherShowSchema = record({
  title: name(),
  aliases: names(),
});

const baselineSchema = record({
  kind: oneOf(FACT_KINDS),
  subject: nullable(name()),
  value: name(),
  confidence: oneOf(CONFIDENCES),
  date: optional(text()),
  character: optional(text()),
  source: record({
    url: optional(text()),
    outlet: name(),
    published: text({ rules: [(v) => (v.length >= 4 ? undefined : 'must be a date')] }),
    /** Our own summary of what the source said; never the source's words. */
    note: name(),
  }),
});

export const showPackSchema = crossCheck(
  record({
    id: text({ rules: [matches(/^[a-z0-9-]+$/, 'expected a lowercase slug')] }),
    titles: record({
      primary: name(),
      korean: optional(text()),
      source: optional(text()),
      alternates: names(),
    }),
    season: positiveWhole(),
    platform: name(),
    /** Genre words outlets use for the show instead of its title ("the zombie series"). */
    genres: names(),
    /**
     * Voices whose word makes a fact official besides the platform itself: its brands and pages
     * (a "Netflix Korea" or "Tudum"), the studio, the producers. Agencies and spokespeople are
     * recognised for any show.
     */
    speakers: optional(record({
      official: names(),
      /** Outlets whose names would otherwise read as an official voice ("What's on Netflix"). */
      outlets: names(),
      /** The platform's own events, where what is announced is its word ("Geeked Week"). */
      events: names(),
    })),
    earlierSeasons: withDefault(list(record({ number: positiveWhole(), year: number({ integer: true }), episodes: optional(positiveWhole()) })), []),
    people: list(personSchema),
    characters: withDefault(list(characterSchema), []),
    otherShows: withDefault(list(otherShowSchema), []),
    baseline: withDefault(list(baselineSchema), []),
  }),
  (pack, report) => {
    pack.baseline.forEach((b, i) => {
      const personal = b.kind === 'cast' || b.kind === 'crew';
      if (personal && b.subject === null) report(['baseline', i, 'subject'], 'a person is required for cast and crew');
      if (!personal && b.subject !== null) report(['baseline', i, 'subject'], 'must be null for facts about the show');
      if (b.kind === 'cast' && !(CAST_STATUSES as readonly string[]).includes(b.value)) {
        report(['baseline', i, 'value'], `expected one of ${CAST_STATUSES.join(', ')}`);
      }
    });
  },
);

export type ShowPack = Checked<typeof showPackSchema>;
export type PackPerson = ShowPack['people'][number];
export type PackCharacter = ShowPack['characters'][number];
