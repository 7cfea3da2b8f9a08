import { z } from 'zod';
import { CAST_STATUSES, CONFIDENCES, FACT_KINDS } from './types.ts';

/**
 * The shape of a show pack file. Everything the engine knows about one show lives in the file,
 * so that tracking a second show needs a second file and no code.
 */
const personSchema = z.object({
  name: z.string().min(1),
  korean: z.string().optional(),
  aliases: z.array(z.string().min(1)).default([]),
  roles: z.array(z.enum(['cast', 'crew'])).min(1),
  crewRoles: z.array(z.string().min(1)).default([]),
  /** Seasons the person works on; earlier seasons make a plain cast mention mean "returning". */
  seasons: z.array(z.number().int().positive()).default([]),
  characters: z.array(z.string().min(1)).default([]),
});

const characterSchema = z.object({
  name: z.string().min(1),
  /** The name in Hangul, as Korean outlets write it (남온조). */
  korean: z.string().optional(),
  aliases: z.array(z.string().min(1)).default([]),
});

const otherShowSchema = z.object({
  title: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
});

const baselineSchema = z.object({
  kind: z.enum(FACT_KINDS),
  subject: z.string().min(1).nullable(),
  value: z.string().min(1),
  confidence: z.enum(CONFIDENCES),
  date: z.string().optional(),
  character: z.string().optional(),
  source: z.object({
    url: z.string().optional(),
    outlet: z.string().min(1),
    published: z.string().min(4),
    /** Our own summary of what the source said; never the source's words. */
    note: z.string().min(1),
  }),
});

export const showPackSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'expected a lowercase slug'),
    titles: z.object({
      primary: z.string().min(1),
      korean: z.string().optional(),
      source: z.string().optional(),
      alternates: z.array(z.string().min(1)).default([]),
    }),
    season: z.number().int().positive(),
    platform: z.string().min(1),
    /** Genre words outlets use for the show instead of its title ("the zombie series"). */
    genres: z.array(z.string().min(1)).default([]),
    /**
     * Voices whose word makes a fact official besides the platform itself: its brands and pages
     * (a "Netflix Korea" or "Tudum"), the studio, the producers. Agencies and spokespeople are
     * recognised for any show.
     */
    speakers: z
      .object({
        official: z.array(z.string().min(1)).default([]),
        /** Outlets whose names would otherwise read as an official voice ("What's on Netflix"). */
        outlets: z.array(z.string().min(1)).default([]),
        /** The platform's own events, where what is announced is its word ("Geeked Week"). */
        events: z.array(z.string().min(1)).default([]),
      })
      .optional(),
    earlierSeasons: z
      .array(z.object({ number: z.number().int().positive(), year: z.number().int(), episodes: z.number().int().positive().optional() }))
      .default([]),
    people: z.array(personSchema),
    characters: z.array(characterSchema).default([]),
    otherShows: z.array(otherShowSchema).default([]),
    baseline: z.array(baselineSchema).default([]),
  })
  .superRefine((pack, ctx) => {
    pack.baseline.forEach((b, i) => {
      const personal = b.kind === 'cast' || b.kind === 'crew';
      if (personal && b.subject === null) ctx.addIssue({ code: 'custom', path: ['baseline', i, 'subject'], message: 'a person is required for cast and crew' });
      if (!personal && b.subject !== null) ctx.addIssue({ code: 'custom', path: ['baseline', i, 'subject'], message: 'must be null for facts about the show' });
      if (b.kind === 'cast' && !(CAST_STATUSES as readonly string[]).includes(b.value)) {
        ctx.addIssue({ code: 'custom', path: ['baseline', i, 'value'], message: `expected one of ${CAST_STATUSES.join(', ')}` });
      }
    });
  });

export type ShowPack = z.infer<typeof showPackSchema>;
export type PackPerson = ShowPack['people'][number];
export type PackCharacter = ShowPack['characters'][number];
