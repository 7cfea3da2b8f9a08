/**
 * Replies follow the member's own Discord language: Korean for a Korean client, English for
 * every other. Each reply is written in both, side by side, so neither can fall behind.
 */
import { languageOf, type Language, type Words } from '../../alerts/language.ts';

export type { Language, Words };
export { languageOf };

/** The text for `locale` ("ko", "en-US", …). */
export function say(locale: string | undefined | null, words: Words): string {
  return words[languageOf(locale)];
}
