/**
 * The two languages Hyosan writes in. Discord locales ("ko", "en-US", "en-GB", …) map onto them:
 * Korean for "ko", English for everything else.
 */
export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** "ko" and "ko-KR" → Korean; any other locale, or none → English. */
export function languageOf(locale: string | undefined | null): Language {
  return typeof locale === 'string' && /^ko(?:-|$)/i.test(locale) ? 'ko' : 'en';
}

/** The locale dates are written in for each language: "29 January 2027", "2027년 1월 29일". */
export const DATE_LOCALE: Record<Language, string> = { en: 'en-GB', ko: 'ko-KR' };

/** Each language's name, written in each language: NAMES[reader][language]. */
const NAMES: Record<Language, Record<Language, string>> = {
  en: { en: 'English', ko: 'Korean' },
  ko: { en: '영어', ko: '한국어' },
};

/** "Korean" for an English reader, "한국어" for a Korean one. */
export function languageName(language: Language, reader: Language): string {
  return NAMES[reader][language];
}

/** One piece of text in both languages. */
export type Words = Record<Language, string>;
