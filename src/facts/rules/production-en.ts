/**
 * Production stages as English phrases: one row a way of saying it, each with a name that
 * `check` can show. A row is a subject (what is being made or who makes it) joined to a predicate
 * (what happened to it); the extractor still applies its guards (negation, plans, other shows,
 * one actor's part) to every match.
 */
import type { ProductionStage } from '../types.ts';

export interface StageRow {
  name: string;
  stage: ProductionStage;
  re: RegExp;
  /** The row reports a step back (a halt, reshoots): the ledger lets only an official one move the stage back. */
  setback?: boolean;
  /** The row's dates belong to something else (a chart week), never to the stage. */
  undated?: boolean;
}

/** "the shoot", "principal photography on season 2", "filming of the sequel" */
const SHOOT = String.raw`(?:shoot|principal\s+photography|filming|shooting)(?:\s+(?:on|of|for)\s+[^,.;]{1,80}?)?`;
const PERFECT = String.raw`(?:has\s+|have\s+|had\s+|officially\s+|finally\s+|reportedly\s+|now\s+)*`;
const SCENES = String.raw`(?:the\s+)?(?:last|final|remaining|closing)\s+(?:scenes|shots|days\s+of\s+(?:filming|shooting)|stretch\s+of\s+(?:filming|shooting))`;

export const PRODUCTION_ROWS_EN: readonly StageRow[] = [
  { name: 'production-halted', stage: 'filming', setback: true, re: /\b(?:production|filming|shooting|the\s+shoot)(?:\s+(?:on|of|for)\s+[^,.;]{1,80}?)?\s+(?:has\s+been|was|is|had\s+been)\s+(?:temporarily\s+|indefinitely\s+)?(?:halted|suspended|paused|stopped|shut\s+down)\b/gi },
  { name: 'reshoots', stage: 'filming', setback: true, re: /\b(?:reshoots?|re-shoots?|additional\s+photography)\s+(?:are|is|have|has|will|began|begin|started|start|under\s?way)\b|\b(?:going|went|head(?:s|ed)?)\s+back\s+(?:in)?to\s+(?:film|shoot)\b/gi },
  { name: 'shoot-ended', stage: 'wrapped', re: new RegExp(String.raw`\b${SHOOT}\s+["\u201c]?${PERFECT}(?:concluded|ended|wrapped(?:\s+up)?|finished|completed|came\s+to\s+an?\s+(?:end|close)|(?:is|was)\s+(?:over|done|complete))\b`, 'gi') },
  { name: 'cameras-rolling', stage: 'filming', re: /\bcameras\s+(?:have\s+been|had\s+been|are|were|have\s+started|started|began|begin)\s+(?:(?:now|already|officially|finally|once\s+again|again)\s+){0,2}rolling\b/gi },
  { name: 'into-the-shoot', stage: 'filming', re: /\b(?:weeks?|months?|days?)\s+into\s+(?:the\s+)?(?:shoot|filming|shooting)\b|\b(?:into|in|entering)\s+the\s+(?:last|final|home)\s+stretch\s+of\s+(?:the\s+)?(?:shoot|filming|shooting)\b/gi },
  { name: 'called-it-a-wrap', stage: 'wrapped', re: /\bcalled\s+it\s+a\s+wrap\b|\bit['’]s\s+a\s+wrap\b/gi },
  { name: 'in-the-edit-suite', stage: 'post-production', re: /(?:\b(?:is|are|now|lives|living|moved|moving|went|gone|heads?)|['’]re|['’]s)\s+(?:now\s+)?(?:in|into)\s+the\s+edit(?:ing)?(?:\s+suite|\s+bay|\s+room)?\b/gi },
  { name: 'filming-ahead', stage: 'filming', re: /\b(?:weeks?|days?|months?)\s+of\s+(?:filming|shooting)\s+(?:ahead|left|remaining|to\s+go)\b/gi },
  // "cameras stopped on the 19th", "February 2026: cameras stop for good" (a timeline's present tense).
  { name: 'cameras-stopped', stage: 'wrapped', re: /(?<!\b(?:once|when|whenever|after|until|till|before|if|as\s+soon\s+as)\s+(?:the\s+)?)\bcameras\s+(?:have\s+|had\s+|finally\s+)?(?:stopped|stop|stops)(?:\s+rolling)?\b(?!\s+(?:until|before|over|for\s+(?:a|the)\s+(?:break|holidays?|new\s+year|weekend)))/gi },
  { name: 'cameras-packed', stage: 'wrapped', re: /\bcameras\s+(?:have\s+been|were|had\s+been)\s+(?:packed\s+away|put\s+away|switched\s+off)\b/gi },
  { name: 'last-stretch-of-post', stage: 'post-production', re: /\b(?:last|final|home)\s+stretch\s+of\s+post[-\s]?production\b|\bdeep\s+into\s+post(?:[-\s]?production)?\b/gi },
  { name: 'live-on-platform', stage: 'released', re: /\b(?:(?:is|are)\s+(?:now\s+)?|has\s+been\s+|have\s+been\s+|went\s+)live\s+(?:on|worldwide|globally)\b/gi },
  { name: 'deep-in-post', stage: 'post-production', re: /\b(?:is|are|now|deep|firmly)\s+(?:deep\s+|firmly\s+)?in\s+post(?![-\w])|\b(?:has|have)\s+(?:finished|completed|wrapped)\s+post[-\s]?production\b/gi },
  { name: 'keeps-shooting', stage: 'filming', re: /\b(?:keeps?|kept|continues?\s+to|continued\s+to|still)\s+(?:shooting|filming)\b/gi },
  { name: 'last-scenes', stage: 'filming', re: new RegExp(String.raw`\b(?:wrapping|finishing|shooting|filming|capturing)\s+(?:up\s+)?${SCENES}|\bfor\s+(?:some\s+of\s+)?${SCENES}`, 'gi') },
  { name: 'shoot-under-way', stage: 'filming', re: new RegExp(String.raw`\b${SHOOT}\s+${PERFECT}(?:got|gets|is|was|has\s+been)\s+(?:now\s+|well\s+)?under\s?way\b`, 'gi') },
  { name: 'in-the-edit', stage: 'post-production', re: /\b(?:editing|sound\s+mixing|(?:visual\s+)?effects\s+work|visual\s+effects|vfx|colou?r\s+grading|the\s+edit(?:ing)?\s+suite)\b[^.;]{0,60}?\b(?:(?:are|is)\s+now|now\s+(?:under\s?way|in\s+progress)|order\s+of\s+the\s+day|(?:is|are)\s+under\s?way|in\s+full\s+swing)\b/gi },
  // "the team is now editing", "they are busy cutting the episodes": the edit itself under way.
  { name: 'now-editing', stage: 'post-production', re: /\b(?:team|crew|director|directors|editors?|they|we|production)\s+(?:is|are)\s+(?:now\s+|currently\s+|busy\s+|still\s+)*(?:editing|cutting\s+(?:the\s+)?(?:episodes|footage|season))\b/gi },
  { name: 'post-running', stage: 'post-production', re: /\bpost[-\s]?production(?:\s+(?:on|of|for)\s+[^,.;]{1,80}?)?\s+(?:should|will|is\s+(?:expected|set|likely)\s+to)\s+(?:run|last|continue|go\s+on)\b/gi },
  { name: 'episodes-dropped', stage: 'released', re: /\b(?:(?:all\s+)?(?:\d{1,2}|\w+)\s+episodes|every\s+episode|each\s+episode)\s+(?:of\s+[^,.;]{1,80}?\s+)?(?:dropped|were\s+released|landed|arrived|went\s+live|became\s+available|are\s+(?:now\s+)?(?:out|streaming|available))\b/gi },
  { name: 'audience-figures', stage: 'released', undated: true, re: /\b(?:drew|drawn|racked\s+up|pulled\s+in|clocked|garnered|logged|amassed|recorded)\s+(?:more\s+than\s+|over\s+|nearly\s+|about\s+|roughly\s+|around\s+|almost\s+|some\s+)?[\d.,]+\s*(?:million\s+|m\s+)?(?:views|viewing\s+hours|hours\s+viewed)\b/gi },
  { name: 'chart-position', stage: 'released', undated: true, re: /\b(?:debuted|landed|landing|ranked|ranks|sits|sat|climbed|entered|opened|reached|hit)\s+(?:at\s+)?(?:No\.?\s*\d{1,2}|number\s+(?:one|\d{1,2}))\b|\b(?:topped|tops|topping)\s+(?:[\w-]+['’]s\s+)?(?:global\s+|non-english\s+|weekly\s+)?(?:charts?|top\s+10|rankings?)\b/gi },
  { name: 'final-scene-shot', stage: 'wrapped', re: /\b(?:shot|filmed|wrapped|completed|finished|recorded)\s+(?:its|their|the)\s+(?:very\s+)?(?:final|last)\s+(?:scene|shot|take)\b/gi },
  { name: 'with-filming-done', stage: 'wrapped', re: /\b(?:with|now\s+that)\s+(?:the\s+)?(?:filming|shooting|shoot|principal\s+photography)\s+(?:is\s+)?(?:done|over|finished|complete|completed|wrapped|behind\s+(?:it|them))\b/gi },
  { name: 'with-the-editors', stage: 'post-production', re: /\b(?:in|into)\s+the\s+hands\s+of\s+(?:its\s+|the\s+|their\s+)?(?:editors?|vfx|visual\s+effects|post[-\s]?production)\b/gi },
  { name: 'finishing-the-shoot', stage: 'filming', undated: true, re: /\b(?:on\s+track|on\s+course|set|expected|scheduled|due|aiming|hoping|racing)\s+to\s+(?:finish|wrap(?:\s+up)?|complete|conclude)\s+(?:filming|shooting|the\s+shoot|principal\s+photography)\b/gi },
  { name: 'final-location-shoots', stage: 'filming', undated: true, re: /\b(?:one\s+of\s+)?the\s+(?:final|last|remaining)\s+(?:location\s+)?shoots\b/gi },
  { name: 'streaming-now', stage: 'released', re: /\b(?:season|series|episodes?|show|drama|sequel)\b[^.;]{0,60}?\b(?:is|are)\s+(?:now\s+)?streaming\b(?!\s+(?:from|on|in)\s+(?:next|later|early|\w+day\b))/gi },
  { name: 'before-the-cameras', stage: 'filming', re: /\b(?:(?:is|are|was|were|now|still|back|be|been)\s+(?:\w+\s+){0,2}?)(?:in\s+front\s+of|before)\s+the\s+cameras?\b/gi },
  { name: 'start-of-production', stage: 'filming', re: /\b(?:announced|confirmed|marked|celebrated|revealed)\s+(?:the\s+)?(?:official\s+)?start\s+of\s+(?:production|filming|shooting|principal\s+photography)\b/gi },
  { name: 'final-weeks-of-shooting', stage: 'filming', re: /\b(?:into|in|entering|enters|entered)\s+(?:its|the|their)\s+(?:final|last|closing)\s+(?:weeks?|days?|months?)\s+of\s+(?:shooting|filming|the\s+shoot|production)\b/gi },
  // "the last scenes were shot on February 19", "the final scene was filmed Thursday".
  { name: 'final-scenes-were-shot', stage: 'wrapped', re: /\b(?:the\s+)?(?:very\s+)?(?:final|last)\s+(?:scenes?|shots?|takes?|day\s+of\s+(?:filming|shooting))\s+(?:was|were|had\s+been|have\s+been)\s+(?:shot|filmed|completed|wrapped|in\s+the\s+can)\b/gi },
  { name: 'after-the-final-scene', stage: 'wrapped', re: /\bafter\s+(?:the|its|their)\s+(?:very\s+)?(?:final|last)\s+(?:scene|shot|take|day)\s+of\s+(?:the\s+)?[^,.;]{0,80}?\b(?:shoot|filming|shooting)\b/gi },
  { name: 'production-still-going', stage: 'filming', re: /\b(?:production|shoot|filming|shooting)(?:\s+as\s+a\s+whole)?\s+(?:is|remains|was)\s+still\s+(?:going|rolling|on|under\s?way|in\s+progress|ongoing)\b/gi },
  // "the second season is being filmed right now": the passive of shooting, as it happens.
  { name: 'being-filmed', stage: 'filming', re: /\b(?:is|are)\s+(?:(?:currently|still|now|already|actively)\s+)?being\s+(?:filmed|shot)\b/gi },
  // "the road will be closed while Netflix shoots the series there", "as the crew films".
  { name: 'while-shooting', stage: 'filming', re: /\b(?:while|as)\s+(?:[\w'’-]+\s+){1,3}?(?:shoots|films|(?:is|are)\s+(?:(?:still|currently|now)\s+)?(?:shooting|filming))\b/gi },
  // "snow forced the unit to scrap Tuesday's night shoot", "rain moved the Busan night shoot":
  // a day of the shoot changed is a shoot going on.
  { name: 'shoot-day-changed', stage: 'filming', re: /\b(?:scrap(?:s|ped)?|mov(?:e|es|ed)|postpone[sd]?|delay(?:s|ed)?|cancel(?:l?ed|s)?|call(?:s|ed)?\s+off|reschedule[sd]?|push(?:es|ed)\s+back)\s+(?:the\s+|a\s+|its\s+|[\w-]+['’]s\s+)(?:[\w'’-]+\s+){0,6}?(?:night|location|overnight|outdoor|weekend|rooftop|street)\s+shoot\b/gi },
  // "the crew is close to finishing the second shoot": not finished yet.
  { name: 'close-to-finishing', stage: 'filming', re: /\b(?:close\s+to|nearing|nearly|almost)\s+(?:finish(?:ing|ed)|wrapp(?:ing|ed)(?:\s+up)?|complet(?:ing|ed)|done)\s+(?:with\s+)?(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:shoot|filming|shooting)\b/gi },
  { name: 'fact-box-stage', stage: 'filming', re: /\b(?:stage|status)\s*:\s*(?:shooting|filming|in\s+production|principal\s+photography)\b/gi },
  { name: 'brought-to-a-close', stage: 'wrapped', re: /\b(?:brought|brings|bringing)\s+(?:[^,.;]{1,40}?\s+)?(?:filming|shooting|the\s+shoot|principal\s+photography)\s+to\s+(?:a|an|its)\s+(?:close|end)\b/gi },
  { name: 'pre-production-begun', stage: 'pre-production', re: /\bpre[-\s]?production(?:\s+(?:on|of|for)\s+[^,.;]{1,80}?)?\s+(?:has\s+)?(?:begun|began|started|kicked\s+off|is\s+under\s?way|is\s+in\s+progress)\b/gi },
];
