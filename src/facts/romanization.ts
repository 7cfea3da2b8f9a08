/**
 * Romanisation-tolerant keys for Korean names. Outlets spell one person five ways (Park Ji-hu,
 * Park Ji-hoo, Ji Hu Park, Bak Jihu); the key folds those spellings together so that a spelling
 * nobody listed still finds its person. Folding is deliberately coarse: it is only ever compared
 * against the few names a show pack holds, and tests pin that the pack's people stay apart.
 */

/** Family-name spellings, grouped under one key each. */
const FAMILY_VARIANTS: Record<string, readonly string[]> = {
  lee: ['lee', 'yi', 'rhee', 'ri', 'i', 'rhie', 'leigh', 'rie'],
  park: ['park', 'bak', 'pak', 'bahk', 'pack'],
  roh: ['roh', 'noh', 'ro', 'no', 'nho', 'rho'],
  cho: ['cho', 'jo', 'joe', 'choh'],
  choi: ['choi', 'choe', 'chey', 'choy'],
  yoon: ['yoon', 'yun', 'youn'],
  kim: ['kim', 'gim', 'ghim'],
  jung: ['jung', 'jeong', 'chung', 'jeung', 'joung'],
  lim: ['lim', 'im', 'yim', 'rim'],
  kang: ['kang', 'gang'],
  shin: ['shin', 'sin', 'shinn'],
  oh: ['oh', 'o'],
  han: ['han'],
  ham: ['ham', 'hahm'],
  ha: ['ha'],
  jeon: ['jeon', 'jun', 'chon'],
  cheon: ['cheon', 'chun'],
  son: ['son', 'sohn'],
  yoo: ['yoo', 'yu', 'you'],
  ryu: ['ryu', 'ryoo'],
  gil: ['gil', 'kil'],
  seol: ['seol', 'sul', 'seul'],
  pyo: ['pyo'],
  ji: ['ji', 'chi'],
  yeom: ['yeom', 'yum'],
  nam: ['nam'],
  seo: ['seo', 'suh'],
  so: ['so'],
  hwang: ['hwang'],
  song: ['song'],
  bae: ['bae', 'pae'],
  ahn: ['ahn', 'an'],
  jang: ['jang', 'chang'],
  hong: ['hong'],
  moon: ['moon', 'mun'],
  ko: ['ko', 'go', 'koh'],
  kwon: ['kwon', 'gwon'],
  baek: ['baek', 'paek', 'paik', 'baik'],
  heo: ['heo', 'huh', 'hur'],
  yang: ['yang'],
  ma: ['ma'],
  woo: ['woo', 'wu'],
  jin: ['jin'],
  byun: ['byun', 'byeon', 'pyun'],
  cha: ['cha'],
  joo: ['joo', 'ju'],
  eom: ['eom', 'um', 'uhm'],
  do: ['do'],
  won: ['won'],
  min: ['min'],
  na: ['na', 'ra'],
  gong: ['gong', 'kong'],
  kwak: ['kwak', 'gwak'],
  sung: ['sung', 'seong'],
  bang: ['bang'],
  chae: ['chae'],
  yeo: ['yeo'],
  ok: ['ok'],
  tak: ['tak'],
  wi: ['wi'],
  yong: ['yong'],
  gu: ['gu', 'koo', 'ku'],
  shim: ['shim', 'sim'],
};

const FAMILY_INDEX = new Map<string, string>();
for (const [key, variants] of Object.entries(FAMILY_VARIANTS)) {
  FAMILY_INDEX.set(key, key);
  for (const v of variants) if (!FAMILY_INDEX.has(v)) FAMILY_INDEX.set(v, key);
}

/**
 * Family names short or common enough in English ("I", "No", "So", "Do", "An") that they are only
 * trusted as part of a name the pack already knows, never to discover a new person.
 */
const AMBIGUOUS_FAMILY = new Set(['ji', 'chi', 'kil', 'sul', 'i', 'o', 'no', 'ro', 'ri', 'so', 'do', 'an', 'ma', 'na', 'ra', 'go', 'ko', 'ju', 'yu', 'you', 'jo', 'im', 'in', 'won', 'song', 'moon', 'bang', 'ok', 'wi', 'rim', 'rie', 'pack', 'park', 'min', 'jun', 'gu', 'ha', 'sin', 'um', 'cha', 'tak', 'yong', 'ham', 'han', 'hong', 'kong', 'gong', 'shim', 'sim', 'jin', 'yang', 'seo', 'ku', 'koo', 'ok', 'joe', 'leigh']);

function clean(token: string): string {
  return token.toLowerCase().replace(/[’'`.]/g, '');
}

export function familyKey(token: string): string | undefined {
  return FAMILY_INDEX.get(clean(token));
}

/** A family name good enough to discover a person nobody listed (capitalised, unambiguous). */
export function isDiscoveryFamilyName(token: string): boolean {
  const c = clean(token);
  if (!FAMILY_INDEX.has(c) || !/^[A-Z]/.test(token)) return false;
  // "Park" and "Han" are common names but also English words or places; they are fine when
  // followed by a hyphenated given name, which the caller checks.
  return !AMBIGUOUS_FAMILY.has(c) || c === 'park' || c === 'han' || c === 'ham' || c === 'seo' || c === 'yang' || c === 'jin' || c === 'min';
}

/**
 * Folds a given name: separators dropped; consonants voiced at any position (k/g, t/d, p/b,
 * ch/j, r/l, sh/s); vowels eo/eu/oo/u → o, ee → i, ae → e, yi → i; doubled letters collapsed.
 */
export function givenKey(given: string): string {
  return lookup(givenKeys, given, foldGiven);
}

/**
 * The same capitalised words come back in article after article ("Netflix", "Park Ji-hu"), and
 * folding them is pure: their keys are kept in small bounded tables.
 */
const givenKeys = new Map<string, string>();
const plainKeys = new Map<string, string>();

function lookup(table: Map<string, string>, text: string, fold: (t: string) => string): string {
  const hit = table.get(text);
  if (hit !== undefined) return hit;
  const value = fold(text);
  if (table.size >= 4096) table.clear();
  table.set(text, value);
  return value;
}

function foldGiven(given: string): string {
  let t = given.toLowerCase().replace(/[^a-z]/g, '');
  t = t.replace(/ck/g, 'k').replace(/sh/g, 's').replace(/ch/g, 'j').replace(/k/g, 'g').replace(/t/g, 'd').replace(/p/g, 'b').replace(/r/g, 'l');
  let prev = '';
  while (prev !== t) {
    prev = t;
    t = t.replace(/eo/g, 'o').replace(/eu/g, 'o').replace(/ou/g, 'o').replace(/oo/g, 'o').replace(/u/g, 'o').replace(/ee/g, 'i').replace(/ae/g, 'e').replace(/yi/g, 'i').replace(/([a-z])\1/g, '$1');
  }
  return t;
}

/** Key for "Family Given", or undefined when the first word is no family name. */
export function nameKey(family: string, given: string): string | undefined {
  const f = familyKey(family);
  return f === undefined ? undefined : `${f}|${givenKey(given)}`;
}

/** Key of a whole written name in either order ("Park Ji-hu", "Ji-hu Park"). */
export function keysOfName(name: string): string[] {
  const words = name.trim().split(/\s+/);
  const keys: string[] = [];
  if (words.length < 2) return keys;
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  const forward = nameKey(first, words.slice(1).join(''));
  if (forward) keys.push(forward);
  const reverse = nameKey(last, words.slice(0, -1).join(''));
  if (reverse && reverse !== forward) keys.push(reverse);
  return keys;
}

/** Plain comparable form of a stage name or title: lowercase, letters, digits and Hangul only. */
export function plainKey(text: string): string {
  return lookup(plainKeys, text, (t) => t.toLowerCase().normalize('NFKC').replace(/[^a-z0-9\u3131-\u318e\uac00-\ud7a3]/g, ''));
}

const ONSET = '(?:kk|tt|pp|ss|jj|ch|sh|ts|[bcdghjklmnprstwy])?';
const VOWEL = '(?:[aeiou]|y[aeiou]|w[aeiou])(?:[aeiou])?(?:[aeiou])?';
const CODA = '(?:ng|n|m|l|k|p|t|r|g|b|h)?';
const SYLLABLE = `${ONSET}${VOWEL}${CODA}`;
const ONE_OR_TWO = new RegExp(`^${SYLLABLE}(?:${SYLLABLE})?$`);
const ONE = new RegExp(`^${SYLLABLE}$`);

/** True for a romanised Korean given name of one or two syllables: "Se-yoon", "Jihoon", "Min". */
export function looksLikeKoreanGiven(given: string): boolean {
  const parts = given.toLowerCase().split(/[-\s]+/).filter(Boolean);
  if (parts.length === 2) return parts.every((p) => ONE.test(p));
  if (parts.length === 1) return ONE_OR_TWO.test(parts[0] ?? '');
  return false;
}
