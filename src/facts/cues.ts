/**
 * Cue lexicons: the wording that signals each kind of fact. Kept apart from the extractor so
 * they can be read, extended and tested as tables.
 */
import type { ProductionStage } from './types.ts';

// "Lensing" is the trade papers' word for filming.
export const PRODUCTION_CUES: Array<{ stage: ProductionStage; re: RegExp }> = [
  { stage: 'released', re: /\b(?:is\s+now\s+streaming|now\s+streaming|(?:is|are)\s+(?:now\s+)?(?:out|available)\s+(?:now\s+)?(?:on|to\s+stream)|(?:has|have)\s+(?:finally\s+|officially\s+)?(?:premiered|been\s+released|dropped(?!\s+out)|arrived|landed(?!\s+(?:a|an|the|her|his|their|its|one|roles?|parts?|leads?|the\s+lead)\b))|premiered\s+(?:on|today|this|worldwide|globally)|(?:was|were)\s+released\s+(?:on|today|this|worldwide|globally)|released\s+(?:today|worldwide|globally))\b/gi },
  // Only the show being in, entering or starting post-production: "the typical post-production
  // timeline" or "post-production takes a year" names the stage without putting the show in it.
  { stage: 'post-production', re: /\b(?:(?:is|are|was|were|be|been|now|currently|remains?|remained|still|deep|firmly|already)\s+(?:\w+\s+){0,2}?in|(?:mov(?:es|ed|ing|e)|went|gone|goes|going|head(?:s|ed|ing)?|transition(?:s|ed|ing)?|shift(?:s|ed|ing)?)\s+(?:\w+\s+)?(?:in)?to|into|enter(?:s|ed|ing)?|begun|began|started|starts|commenced|reached)\s+(?:the\s+|its\s+)?post[-\s]?production\b|\bpost[-\s]?production\s+(?:has\s+|is\s+|was\s+)?(?:now\s+|officially\s+)?(?:begun|began|started|underway|under\s+way|in\s+progress|kicked\s+off|ongoing)\b|\b(?:editing|the\s+edit)\s+(?:stage|phase|process|is\s+underway)\b|\b(?:turned|turning|turns|moved|moving|moves|went|gone)\s+(?:on\s+)?to\s+(?:the\s+)?(?:editing|edit|visual[-\s]effects|vfx)\b|\b(?:editing|the\s+edit)(?:\s*,\s*[\w-]+(?:\s+[\w-]+)?)*\s+and\s+(?:visual[-\s]effects|vfx|sound(?:\s+mixing)?|colou?r\s+grading)(?:\s+work)?\s+(?:have|has|are|is|lie|lies)\s+(?:now\s+|since\s+|already\s+)?(?:begun|started|under\s?way|in\s+progress|ahead)\b|\bpost[-\s]?production\s+is\s+(?:going\s+ahead|continuing|progressing|on\s+track)\b|\b(?:in|from)\s+the\s+(?:editing|cutting)\s+(?:suite|room|bay)\b/gi },
  { stage: 'wrapped', re: /\b(?:(?:filming|shooting|lensing|production)\s+(?:on|for|of)\s+[^,.;]{1,100}?\s+(?:has\s+|have\s+|had\s+|officially\s+|finally\s+|reportedly\s+)*(?:wrapped|ended|concluded|finished|completed|came\s+to\s+an\s+end)|wrap(?:ped|s)?\s+(?:up\s+)?(?:the\s+|its\s+)?(?:filming|shooting|lensing|production|principal\s+photography)|(?:filming|shooting|lensing|production|principal\s+photography)\s+(?:has\s+|have\s+|had\s+|officially\s+|finally\s+|reportedly\s+)*(?:wrapped|ended|concluded|finished|completed|come\s+to\s+an\s+end|came\s+to\s+an\s+end|wrapped\s+up)|(?:completed|finished|concluded|ended|wrapped)\s+(?:all\s+)?(?:its\s+|the\s+|their\s+)?(?:filming|shooting|lensing|shoot|production|principal\s+photography)|(?:has|have|had|officially|finally)\s+wrapped|filming\s+wrap|(?:is|are|now|officially|finally)\s+(?:\w+\s+)?in\s+the\s+can|(?:cast\s+and\s+crew|the\s+(?:whole\s+)?(?:crew|team|production))\s+(?:(?:of|behind|on)\s+[^,.;]{1,60}?\s+)?(?:\w+\s+){0,2}?(?:filmed|shot|wrapped|completed|finished)\s+(?:their|its|the)\s+(?:final|last)\s+scenes?|(?:shoot|filming|shooting)(?:['’]s)?\s+(?:is\s+|was\s+)?(?:now\s+|officially\s+|finally\s+)(?:complete|completed|over|done|finished)|with\s+(?:the\s+)?(?:filming|shooting|lensing|shoot|production)\s+(?:now\s+|already\s+)?(?:finished|done|complete|completed|over|wrapped)|the\s+(?:final|last)\s+(?:scenes?|shot|take|slate)\s+(?:of|for|on)\s+[^,.;]{1,80}?\s+(?:was|were|has\s+been|have\s+been)\s+(?:shot|filmed|clapped|completed|wrapped)|wrapped\s+(?:in|on|last)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|week|month)|(?:filming|shooting)\s+(?:is|was)\s+(?:now\s+|officially\s+)?(?:complete|completed|over|done|finished)|cameras\s+(?:have\s+|had\s+)?stopped\s+rolling|it['’]s\s+a\s+wrap|wrap(?:ped)?[-\s]party)\b/gi },
  { stage: 'filming', re: /\b(?:(?:filming|shooting|lensing|production)\s+(?:on|for|of)\s+[^,.;]{1,100}?\s+(?:has\s+|have\s+|had\s+|officially\s+|finally\s+|reportedly\s+)*(?:began|begun|started|commenced|kicked\s+off|is\s+(?:now\s+|already\s+|officially\s+)?under\s?way|been\s+under\s?way|(?:got|gets|has\s+gotten)\s+under\s?way|is\s+ongoing)|(?:began|begun|begins|start(?:ed|s)?|commenced|kicked\s+off|kicks\s+off|resumed|entered|enters|went\s+into|goes\s+into)\s+(?:filming|shooting|lensing|production|principal\s+photography)|(?:filming|shooting|lensing|production|principal\s+photography)\s+(?:has\s+|have\s+|had\s+|officially\s+|finally\s+|reportedly\s+)*(?:began|begun|begins|started|starts|commenced|kicked\s+off|(?:is\s+|got\s+|gets\s+|has\s+gotten\s+|(?:has|have)\s+been\s+)?(?:now\s+|currently\s+|officially\s+|well\s+)?under\s?way|is\s+ongoing|ongoing|(?:is\s+)?in\s+full\s+swing|is\s+progressing|continues|continued|was\s+underway)|(?:is|are|was|were|been)\s+(?:currently\s+|now\s+|still\s+)?(?:filming|shooting|lensing|in\s+production|under\s+production)|(?:currently|now)\s+(?:filming|shooting|lensing|in\s+production)|(?:went|gone|going)\s+on\s+(?:the\s+)?floors|cameras?\s+(?:are\s+|began\s+|started\s+)?rolling|final\s+stages?\s+of\s+(?:filming|shooting|lensing|production)|(?:nearing|near)\s+the\s+end\s+of\s+(?:filming|shooting)|commencement\s+of\s+(?:its\s+)?(?:production|filming|shooting))\b/gi },
  { stage: 'pre-production', re: /\b(?:pre[-\s]?production|script\s+reading|table\s+read(?:ing)?|script\s+read|casting\s+(?:is\s+|was\s+|has\s+been\s+)?(?:underway|under\s+way|ongoing|in\s+progress|has\s+begun|began|started)|in\s+the\s+casting\s+(?:stage|process)|scripts?\s+(?:is|are|was|were)\s+being\s+(?:written|developed|finali[sz]ed|polished)|(?:is|are|was|were)\s+being\s+prepared\s+for\s+(?:a\s+|the\s+|its\s+)?(?:shoot|filming|production)|preparing\s+(?:for\s+)?(?:the\s+|a\s+)?(?:shoot|filming)|location\s+scouting)\b/gi },
];

/** A plan, not an event: "will begin filming", "set to start shooting", "expected to wrap". */
export const FUTURE_BEFORE_CUE = /\b(?:will|shall|would|to|going\s+to|gonna|plans?|planning|aims?|set|scheduled|slated|expected|about)\s+(?:\w+\s+){0,2}$/i;

/**
 * One actor finishing their own scenes is not the production wrapping: "her part", "his All of Us
 * Are Dead 2 scenes", "Su-hyeok's scenes". (The cast and crew filming their final scenes is; see
 * WHOLE_TEAM.)
 */
/** The whole production as the subject: "the cast and crew filmed their final scenes". */
export const WHOLE_TEAM = /\b(?:cast\s+and\s+crew|the\s+(?:whole\s+|entire\s+)?(?:crew|team|production|ensemble))\b/i;

export const ACTOR_LEVEL = /\b(?:(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:own\s+)?(?:[\w'’-]+\s+){0,6}?(?:portion|part|parts|scenes|shoot|filming\s+schedule)|(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w-]*['’]s)\s+(?:own\s+)?(?:[\w'’-]+\s+){0,6}?(?:scenes|portion|final\s+scene|last\s+scene))\b/;

const renewalCues = new Map<number, RegExp>();

/** Built once per season number: every sentence asks. */
export function renewalCue(season: number): RegExp {
  const known = renewalCues.get(season);
  if (known) return known;
  const built = buildRenewalCue(season);
  renewalCues.set(season, built);
  return built;
}

function buildRenewalCue(season: number): RegExp {
  const ord = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth'][season] ?? `${season}th`;
  const num = `(?:${season}|${['zero', 'one', 'two', 'three', 'four', 'five'][season] ?? season})`;
  const s = `(?:(?:a\\s+)?${ord}\\s+(?:season|instal?lment)|season\\s*${num})`;
  return new RegExp(`\\b(?:renew(?:ed|s|al|ing)?|green[-\\s]?lit|green[-\\s]?light(?:ed|s)?|(?:confirm(?:ed|s)?|announce[ds]?|order(?:ed|s)?|commission(?:ed|s)?|pick(?:ed|s)?\\s+up)\\s+(?:for\\s+)?${s}|${s}(?:\\s+of\\s+[^,.;]{1,60}?)?\\s+(?:is\\s+|has\\s+been\\s+)?(?:officially\\s+)?(?:confirmed|happening|greenlit|announced|ordered|a\\s+go|on\\s+the\\s+way|in\\s+the\\s+works)|(?:has|have|with)\\s+${s}\\s+on\\s+order|${s}(?:\\s+of\\s+[^,.;]{1,60}?)?\\s+(?:will|is\\s+set\\s+to|is\\s+going\\s+to)\\s+go\\s+ahead|${s}(?:\\s+of\\s+[^,.;]{1,60}?)?\\s+(?:is\\s+going|goes)\\s+ahead|(?:got|gets|given|received)\\s+(?:the\\s+|a\\s+)?go-?ahead\\s+for\\s+${s}|(?:is\\s+|are\\s+)?(?:getting|gets|get)\\s+${s}|(?:will|is\\s+(?:set|going)\\s+to)\\s+have\\s+${s}|there\\s+will\\s+be\\s+${s}|(?:will\\s+)?(?:return|come\\s+back)\\s+for\\s+${s}|(?:the|a|its)\\s+(?:${s}\\s+)?pick-?up|there\\s+will\\s+be\\s+(?:more|another\\s+(?:season|chapter|round)\\s+of))\\b`, 'gi');
}

export const CANCEL_CUE = /\b(?:cancel(?:l?ed|s|lation)|axed|scrapped|shelved)\b/gi;

export const RELEASE_CUE = /\b(?:releas(?:e|es|ed|ing)|premier(?:e|es|ed|ing)|arriv(?:e|es|ed|ing|al)|drop(?:s|ped|ping)?(?!\s+(?:out|list|calendar|schedule))|pencil(?:l)?ed\s+(?:[^,.;]{1,60}?\s+)?in(?:to)?\b|earmark(?:s|ed|ing)?\b|lin(?:es|ed|ing)\s+up\s+(?:[^,.;]{1,60}?\s+)?for\b|ey(?:es|ed|eing|ing)\s+(?=(?:an?\s+|the\s+)?(?:early|late|mid|spring|summer|fall|autumn|winter|first|second|20\d\d|q[1-4]|h[12]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next)\b)|pencils\s+(?:[^,.;]{1,60}?\s+)?in(?:to)?\b|meets?\s+(?:with\s+)?(?:global\s+|worldwide\s+|international\s+)?(?:viewers|audiences)|(?<=\b(?:estimate|guess|prediction|projection|forecast)\b[^.;:]{0,80}?):\s*(?=(?:early|late|mid|spring|summer|fall|autumn|winter|20\d\d|Q[1-4]|H[12]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))|narrow(?:s|ed)?\s+[^,.;]{1,80}?\s+to\b|(?<!-)(?:places|placed|puts|slots|slotted|lists|listed)\s+[^,.;]{1,80}?\s+(?:in|for|on|among)\b|slotted\s+(?:in|for|into)\b|(?:will|to|should|would)\s+come\s+(?:in|on|by|before)\b|expect(?:s|ed|ing)?\s+(?!to\s)(?:the\s+)?[^,.;]{1,60}?\s+(?:in|by|around)\b|expected\s+(?:in|by|around|before)\b|expect(?:s|ed|ing)?\s+(?!to\s)[^,.;]{1,60}?\s+(?=(?:early|late|mid|sometime|next|this)\b)|points?\s+to|debut(?:s|ed|ing)?|air(?:s|ed|ing)?|launch(?:es|ed|ing)?|stream(?:s|ed|ing)?(?!\s+(?:service|services|giant|platform|platforms|company|rights|deal|partner|numbers|charts?|era|wars|figures))|hit(?:s|ting)?\s+(?:netflix|screens|the\s+platform)|land(?:s|ed|ing)?|out\s+(?:in|on|by)|slated\s+for|set\s+for|scheduled\s+for|coming\s+(?:in|on|this|next|out)|(?:return|returns|returning)\s+(?:in|on|this|next|to\s+screens|between|by|before)|back\s+(?:in|on|this|next)|(?:comes?|coming|came)\s+back|(?:bring|brings|bringing)\s+back|(?:is|are|was)\s+(?:now\s+)?due\b|(?:money|bet|guess|pick|hunch)\s+is\s+on\b|(?:we|i)['’]d\s+(?:guess|bet)|(?:our|my)\s+(?:own\s+)?(?:honest\s+|best\s+)?(?:guess|bet)\s+(?:is|for)\b|(?:on\s+course|on\s+track|still\s+set|remains?\s+set)\s+for\b|(?:premiere|launch|release|return)\s+(?:is\s+)?(?:now\s+)?(?:just\s+)?\w+\s+(?:days?|weeks?)\s+away|became\s+available|due\s+(?:in|on|out|by)\b|coming\s+20\d\d|go(?:es)?\s+live|went\s+live|reach(?:es|ing)?\s+(?:members|subscribers|fans)|set\s+(?:the\s+\w+\s+(?:itself\s+)?)?for\b|(?:date|day)\s+(?:\w+\s+){0,3}(?:has\s+)?given\s+for|the\s+full\s+(?:series|season)\s+on|aim(?:s|ed|ing)?\s+to\s+(?:release|launch|premiere|bring|drop|debut)|the\s+wait\s+(?:for\s+[^,.;]{1,60}?\s+)?(?:ends|is\s+over|will\s+end)|(?:re)?surfac(?:e|es|ing)|opens?\s+(?:worldwide|globally|on\s+netflix)|reach(?:es|ing)?\s+(?:netflix|screens|viewers|audiences|the\s+(?:platform|streamer))|(?:be\s+|is\s+|are\s+)?ready\s+(?:for|by)|the\s+return\s+of|pushed\s+(?:back\s+)?(?:to|until|into)|(?:pushed|moved|bumped|shifted)\s+[^,.;]{1,60}?\s+(?:back\s+)?(?:to|until|into)\s+(?=the\s|early|late|mid|spring|summer|fall|autumn|winter|20\d\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next)|delayed\s+(?:to|until|into)|(?:pushed|moved|delayed|shifted|bumped)\s+(?:back\s+)?from|go(?:es)?\s+live|come\s+out|comes\s+out|premiere\s+date|release\s+date|bows?(?!\s+(?:out|down))|bowing(?!\s+out)|aim(?:s|ed|ing)?\s+(?:for|at)|target(?:s|ed|ing)?\s+(?:for|at)?|(?:is|are)\s+(?:now\s+)?(?:just\s+|only\s+)?\w+\s+(?:days?|weeks?)\s+away|follow(?:s|ing)?\s+(?:on|in)\s+(?=[A-Z0-9])|on\s+(?:screens|air)\s+(?:by|in|before)|(?:has|have|had)\s+promised|promises|(?:has|have|had|puts?|got)\s+[^,.;]{1,60}?\s+down\s+for)\b/gi;

export const CAST_CUES: Array<{ status: 'exited' | 'returning' | 'new' | 'generic'; re: RegExp }> = [
  { status: 'exited', re: /\b(?:(?:took|taken|takes|pulled|pulls|forced|knocked)\s+(?:him|her|them)\s+out\s+of\s+(?:the\s+)?(?:project|series|show|season|sequel|cast|production|drama)|(?:has\s+|have\s+)?ankled|ankles|turn(?:ed|s|ing)?\s+down\s+(?:an?\s+|the\s+)?(?:offer|role|part|chance)|declin(?:ed|es|ing)\s+(?:an?\s+|the\s+)?(?:offer|role|part|invitation|to\s+(?:join|return|appear|take\s+part))|passed\s+on\s+(?:the\s+|an?\s+)?(?:role|part|project|offer)|not\s+(?:all|every(?:one|body)?)\s+(?:\w+\s+){0,3}?(?:return(?:s|ing)?|(?:is|are)\s+(?:back|coming\s+back|returning)|come\s+back|make\s+the\s+cut)|(?:will\s+(?:\w+ly\s+)?not|won['’]t)\s+(?:\w+ly\s+)?be\s+(?:back|joining|part\s+of)|(?:decided|chose|chosen|opted|elected)\s+not\s+to\s+(?:join|return|participate|appear|take\s+part)|opt(?:ed|s)?\s+out|pull(?:s|ing)?\s+out|no\s+longer\s+(?:be\s+)?(?:a\s+)?part\s+of|rules?\s+out\s+(?:her|his|their)\s+(?:involvement|return|participation)|exit(?:ed|s|ing)?|left\s+the\s+(?:(?:second|new|next|upcoming)\s+)?(?:project|series|show|cast|drama|season)|leav(?:es|ing)\s+the\s+(?:(?:second|new|next|upcoming)\s+)?(?:project|series|show|cast|drama|season)|depart(?:ed|s|ure)|dropped\s+out|drops\s+out|withdr(?:ew|awn|aws)|pulled\s+out|bowed\s+out|step(?:ped|s)?\s+(?:down|away)|will\s+(?:\w+ly\s+)?not\s+(?:\w+ly\s+)?(?:return|be\s+returning|appear|reprise)|won['’]t\s+(?:\w+ly\s+)?(?:return|be\s+returning|appear|reprise)|(?:is|are)(?:\s+not|n['’]t)\s+(?:returning|coming\s+back|part\s+of)|not\s+(?:be\s+)?returning|no\s+longer\s+(?:part\s+of|in|with))\b/gi },
  { status: 'returning', re: /\b(?:return(?:s|ing|ed)?|back\s+for\s+(?:the|season|its|a)\b|back\s+from\s+(?:the\s+)?(?:season|first|original|last|previous)\b|reprise[sd]?|reprising|step(?:s|ping)?\s+back\s+into|(?:will\s+)?(?:once\s+(?:more|again)|again)\s+(?:play|as|be)|heading\s+back\s+to|back\s+as|(?:is|are|will\s+(?:(?:all|both|also|again|definitely|reportedly)\s+)*be)\s+(?:all\s+|both\s+|also\s+)?back\b|come\s+back|comes\s+back|coming\s+back|reunite[sd]?|familiar\s+faces|original\s+cast(?!\s+members?\b)|survivors?(?!['’]))\b/gi },
  { status: 'new', re: /\b(?:join(?:s|ed|ing)?|new\s+(?:cast|faces|cast\s+members?|additions?|members?|characters?|actors?|actress(?:es)?|names)|new\s+to\s+the\s+(?:series|show|cast|franchise|drama|ensemble)|newcomers?|cast\s+(?:as|in)|(?:has|have|had)\s+been\s+cast|been\s+cast|(?:was|were)\s+cast|add(?:ed|s)\s+to\s+the\s+cast|boards?|boarded|land(?:s|ed)?\s+(?:a\s+|the\s+)?(?:role|part)|rounds?\s+out|fresh\s+faces)\b/gi },
  // A list headed by a label: "Back: Lomon as Lee Su-hyeok; …".
  { status: 'returning', re: /^\s*(?:back|returning|returning\s+cast|back\s+for\s+more)\s*:/gi },
  // A list tagged in brackets, "Lee Min-jae, Kim Si-eun (new)", or headed by a label, "NEW: Lee Min-jae as …".
  { status: 'new', re: /\((?:new|newcomers?|new\s+(?:cast|additions?|faces?|members?|to\s+the\s+cast))\)|^\s*(?:new|new\s+(?:cast|faces|additions|this\s+season)|joining)\s*:/gi },
  { status: 'generic', re: /\b(?:(?:is\s+|was\s+)?voiced\s+by|lends?\s+(?:his|her|their)\s+voice|voice\s+cameo|sign(?:s|ed|ing)?\s+on(?:\s+(?:to|for))?|(?:come|came|comes)\s+aboard|make\s+a\s+cameo|cameo(?:\s+appearance)?|confirmed\s+to\s+(?:appear|star)|will\s+(?:also\s+)?(?:star|appear|play|feature|portray)|to\s+(?:star|appear|play|portray)|set\s+to\s+(?:star|appear)|read(?:s|ing)?\s+(?:their|the|his|her)\s+(?:\w+\s+){0,3}?scripts?|(?:script[-\s]reading|table[-\s]read(?:ing)?)\s+(?:session|pics|photos|video|clip)|cast|line-?up|starring|stars(?!\s*(?:[,.;:!?)]|$)|\s+(?:of|from|and|who|were|are|have|had|will|would|say|said|agree)\b)|play|plays|playing|portrays|portraying|(?:is\s+|are\s+|will\s+be\s+)?(?:played|portrayed)\s+by|ensemble|featuring)\b/gi },
];

/**
 * Casting still being negotiated is no casting at all: an offer, talks, an agency "reviewing" it.
 * Leaving those talks is still news (an exit).
 */
export const NEGOTIATION = /\b(?:in\s+talks|(?:been\s+|was\s+|were\s+)?offered|(?:received|receiving|got)\s+(?:an?\s+|the\s+)?offer|considering|positively\s+reviewing|reviewing\s+(?:the\s+|an?\s+)?(?:offer|it|the\s+project|the\s+role)|in\s+discussions?|approached|linked\s+(?:with|to)|being\s+eyed|in\s+the\s+running)\b/i;

/** "Nothing has been decided": an agency's non-answer about a casting. */
export const UNDECIDED = /\b(?:nothing\s+(?:has\s+been\s+|is\s+|was\s+)?(?:decided|confirmed|finali[sz]ed|set)|no\s+decision|not\s+(?:yet\s+)?(?:been\s+)?(?:decided|finali[sz]ed)|undecided)\b/i;

/** "X's agency responds to reports": the report is what is being answered, not a fact. */
export const RESPONSE_TO_REPORTS = /\b(?:respond(?:s|ed|ing)?|comment(?:s|ed|ing)?|react(?:s|ed|ing)?|address(?:es|ed|ing)?|clarif(?:y|ies|ied))\s+(?:to\s+|on\s+)?(?:the\s+)?(?:recent\s+)?(?:reports?|rumou?rs?|speculation|news)\b/i;

/** "best known as Su-hyeok": a past credit that introduces a person, not a casting. */
export const KNOWN_FOR_BEFORE = /\b(?:known|famous|remembered|recogni[sz]ed|beloved|loved|popular)\s+(?:\w+\s+){0,2}(?:as|for)\s+(?:playing\s+)?$/i;

export const CREW_CUES: Array<{ role: string; re: RegExp }> = [
  { role: 'director', re: /\b(?:direct(?:ed|s|ing|or|ors)|(?:will|to|would|again|also)\s+(?:also\s+|again\s+|once\s+again\s+|both\s+|jointly\s+|together\s+)?direct\b|co-?direct(?:ed|s|or|ors)?|helm(?:ed|s|ing)?|at\s+the\s+helm|behind\s+the\s+camera|megaphone|(?:the\s+)?director['’]?s['’]?\s+chair|directing\s+duties)\b/gi },
  { role: 'writer', re: /\b(?:(?:to|will|again|also)\s+(?:also\s+|again\s+|both\s+)?write\b|written|writer|writers|writes|wrote|writing|screenwriter|scriptwriter|penned|pens|scripted|screenplay|(?:with|for)\s+the\s+(?:script|scripts|screenplay|writing)|handl(?:es|ed|ing)\s+the\s+(?:scripts?|screenplay|writing)|working\s+on\s+the\s+(?:scripts?|screenplay)|scribe|(?:scripts?|screenplays?|teleplays?)\s+(?:by|from)|(?:on|takes?\s+on|handl(?:es|ing))\s+(?:script|scripting|writing)\s+duty|writes\s+the\s+(?:scripts?|screenplay|episodes)|(?:script|scripts|screenplay)\s+(?:is|was)\s+(?:again\s+|also\s+)?(?:in\s+charge\s+(?:by|of)\s+)?|(?:in\s+charge\s+of|responsible\s+for)\s+the\s+(?:scripts?|screenplay|writing))\b/gi },
  { role: 'showrunner', re: /\bshowrunner\b/gi },
];

/** A job title right before a name ("director Lee Jae-kyoo") only describes the person. */
export const CREW_TITLE = /^(?:co-?)?(?:director|directors|writer|writers|screenwriter|scriptwriter|showrunner|pd|producer)$/i;

/** What makes a titled name an assignment for the new season: a return, a verb of taking it on. */
export const CREW_ASSIGNMENT = /\b(?:return(?:s|ing|ed)?|back|again|helm\w*|direct(?:s|ed|ing)?|writ(?:es|ing|ten)|pen(?:s|ned|ning)|will|join(?:s|ed|ing)?|lead(?:s|ing)?|on\s+board|attached|tapped|set\s+to|chair|reunite\w*|confirmed)\b/i;

/** "the webtoon written by …": the source work's author, not the series' writer. */
export const SOURCE_WORK_BEFORE = /\b(?:webtoon|web\s*comic|comic|manhwa|novel|book|source\s+material|original\s+(?:work|story|comic))\s*(?:["“”'‘’][^"“”'‘’]{1,60}["“”'‘’]\s*|(?:(?:entitled|titled|called|named)\s+)[^,.;]{1,60}?)?,?\s*(?:(?:that\s+|which\s+)?(?:was\s+)?(?:originally\s+)?)?$/i;

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, twenty: 20 };

export const EPISODE_CUE = /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|twenty)[\s-]+(?:(?:new|hour-long|total)\s+)?(?:episodes?|eps|part|chapters)\b|\bepisodes:\s*(\d{1,2})\b/gi;

export function episodeCount(word: string): number | undefined {
  const n = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word.toLowerCase()];
  return n !== undefined && n > 0 && n < 50 ? n : undefined;
}

export const PLATFORM_CUE = /\b(?:on|exclusively\s+on|via|to|only\s+on)\s+(Netflix|Disney\+|Disney Plus|TVING|Tving|Coupang\s+Play|Apple\s+TV\+?|Prime\s+Video|Amazon\s+Prime|Wavve|Viki|Viu)\b/g;
export const PLATFORM_VERB = /\b(?:stream\w*|releas\w*|premier\w*|arriv\w*|drop\w*|debut\w*|air\w*|launch\w*|available|land\w*|hit\w*|exclusively)\b/i;

/**
 * "The series stars …", "the show starred …", "boasts a cast including …": a description of the
 * show as it exists (the earlier season), not a casting for the new one.
 */
export const SHOW_DESCRIPTION = /\b(?:(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:series|show|drama|k-?drama|hit|original)(?:\s*,\s*(?:which|that))?|it)\s+(?:also\s+)?(?:stars|starred|starring|features|featured|boasts|boasted|included|includes|had|has)\b|^\s*(?:the\s+)?(?:main\s+|principal\s+|core\s+)?(?:cast|ensemble|line-?up)\s+(?:includes|included|features|featured|is\s+led\s+by|was\s+led\s+by|consists\s+of|comprises)\b|\bstarred\b|\b(?:famous|known|praised|remembered|beloved)\s+for\s+(?:its|the)\s+cast\b|\b(?:performances|portrayals?)\s+(?:have|has|had)\s+(?:received|earned|drawn|won)\b/i;

/**
 * A credit in the past ("Lee directed the series", "was written by", "directed the first
 * season"): who made the show, not who makes the new season.
 */
export const PAST_CREDIT = /\b(?:with\s+(?:\w+\s+)?(?:episodes|scripts?|screenplays?)\s+(?:co-?)?(?:written|penned|scripted)\s+by|(?:k-?drama|drama|series|show|thriller)\s*,?\s+(?:co-?)?(?:directed|written|penned|helmed)\s+by|(?:was|were|had\s+been)\s+(?:co-?)?(?:directed|written|penned|scripted|helmed)|(?:co-?)?(?:directed|wrote|penned|scripted|helmed)\s+(?:the\s+|all\s+|every\s+)?(?:series|show|drama|first|original|episodes|earlier|previous)|(?:a\s+|the\s+)?script\s+written\s+by|who\s+(?:co-?)?(?:directed|wrote|penned|helmed)|were\s+at\s+the\s+helm|crafted\s+all)\b/i;

/**
 * The second half of a past passive credit: "was directed by Lee and written by Chun" credits
 * Chun in the past too.
 */
export const PAST_CREDIT_COORDINATED = /\b(?:was|were|had\s+been)\s+(?:co-?)?(?:directed|written|penned|scripted|helmed|created)\s+by\b[^.;]*?\band\s+$/i;

/** A credit line with no verb of its own ("Directed by Lee and written by Chun."): the show as it is. */
export const CREDIT_LINE = /^(?:co-?)?(?:directed|written|penned|scripted|helmed|created)\s+by\b/i;

/** A photo caption or credit ("(L to R) …", "Cr. …/Netflix © 2021"): it names a still, not news. */
export const PHOTO_CAPTION = /\((?:from\s+)?(?:l|left)\s+to\s+(?:r|right)\)|©|\bCr\.\s*(?:[A-Z]|$)|\bphoto\s+credit\b/i;

/** "if it gets a green light", "should the show be renewed": a condition, not an event. */
export const CONDITION_BEFORE = /\b(?:if|unless|whether)\s+(?:[\w'’-]+\s+){0,5}$/i;

/** Casting dreamed up by fans or a writer: no claim about anyone. */
export const FAN_CASTING = /\b(?:imaginary|fan[-\s]?made|fan[-\s]?cast(?:ing)?|dream\s+cast(?:ing)?|wish[-\s]?list|hypothetical|virtual\s+casting)\b/i;

/** "the webcomic Now at Our School by Joo Dong-geun": the person right after is the source's author. */
export const SOURCE_AUTHOR_BEFORE = /\b(?:webtoon|web\s*comic|comic|manhwa|novel|book|source\s+material)\b[^.;,]{0,60}?\bby\s+$/i;

/** The promotional items a release word may have as its subject instead of the season. */
const PROMO_ITEMS = String.raw`teasers?|trailers?|videos?|clips?|posters?|stills?|first\s+looks?|footage|featurettes?|key\s+art|(?:TV\s+)?(?:spots|ads|adverts|commercials)`;

/** A clause that opens on a promotional item: "Netflix's first teaser for season 2 drew …". */
export const PROMO_LEAD = new RegExp(`^\\s*(?:[\\w'’-]+\\s+){0,3}(?:${PROMO_ITEMS})\\b`, 'i');

/**
 * The subject of a release word is a promotional item when its head noun is one, whatever the
 * adjectives before it or the show named after it: "The first full trailer for season 2 arrives
 * on Tuesday", "All of Us Are Dead 2 trailer drops Tuesday".
 */
export const PROMO_SUBJECT = new RegExp(`\\b(?:${PROMO_ITEMS})(?:\\s+(?:for|of)\\s+[^,;:]{1,80})?\\s*$`, 'i');

/** What a streamer drops or releases that is not the season itself. */
export const PROMO_OBJECT = /^\s*(?:(?:a|an|the|its|their|his|her|new|first|official|brief|short|thrilling|creative|special|\w+-\w+)\s+){0,4}(?:teasers?|trailers?|videos?|clips?|posters?|stills?|photos?|pics|images?|first\s+looks?|footage|synopsis|logline|announcement|behind-the-scenes)\b/i;

/** A release that has already happened: the earlier season's, not the one tracked. */
/**
 * Things with dates of their own that are not the season: promotion, events, shoots. A date is
 * the season's only when a release word stands nearer to it than one of these ("will drop the
 * full trailer on December 15", "a premiere event on January 27").
 */
export const OWN_DATE_NOUN = /\b(?:teasers?|trailers?|posters?|key\s+art|stills?|clips?|first\s+looks?|footage|featurettes?|photos?|images?|premiere\s+(?:event|party|screening|night)|red[-\s]carpet|press\s+(?:conference|event|junket)|showcase|fan\s+(?:event|meeting|meet)|screenings?|table[-\s]read(?:ing)?|script\s+reading|shoot(?:ing)?\s+day|location\s+shoot|festival)\b/gi;

/**
 * A cast list that leaves someone out is no news of them: "do not appear in the announcement",
 * "is not among the names". Absence is neither a return nor an exit.
 */
export const ABSENT_FROM_LIST = /\b(?:(?:do|does|did)(?:\s*n['’]t|\s+not)\s+(?:appear|feature|figure|show\s+up)|(?:is|are|was|were)(?:\s*n['’]t|\s+not)\s+(?:on|in|among|part\s+of|listed|included|named|mentioned)|absent\s+from|missing\s+from|left\s+off|not\s+(?:listed|included|named|mentioned)|no\s+mention\s+of)\b/i;

export const PAST_RELEASE = /\b(?:(?:was|were|had\s+been)\s+(?:first\s+|originally\s+|initially\s+|officially\s+)?(?:released|launched)|(?:first\s+|originally\s+)?(?:premiered|debuted)\b(?!\s+date)|(?:initial|original|first)\s+(?:release|premiere|debut|run))\b/i;

/**
 * A sentence that looks back ("Back in January 2024, whispers of … had started"): the state of
 * things then, since overtaken, not news.
 */
export const RECAP = /^(?:back\s+in|previously|earlier|at\s+the\s+time)\b|^in\s+(?:early\s+|late\s+|mid-?)?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?\d{4}\s*,|\b(?:whispers|rumou?rs|talk|reports|speculation|buzz|chatter)\b[^.;]{0,80}\bhad\s+(?:\w+\s+)?(?:started|begun|surfaced|circulated|floated|gained)\b/i;
