/**
 * An article is read by several rules that each ask the same questions of the same sentence (who
 * is named, which shows, which dates, where a cue word sits). The answers are kept per sentence
 * text for the article being read and handed back, so each annotation is computed once per
 * sentence however many rules ask. `startArticle()` forgets them all: answers never carry from one
 * article to the next, so the work per article is the same whether or not its text was seen
 * before. Answers are frozen, since every caller shares them.
 */
let generation = 0;

/** Begins reading a new article: every table starts empty again. */
export function startArticle(): void {
  generation++;
}

export class TextMemo<T> {
  readonly #seen = new Map<string, T>();
  #generation = generation;

  get(text: string, read: () => T): T {
    if (this.#generation !== generation) {
      this.#seen.clear();
      this.#generation = generation;
    }
    const hit = this.#seen.get(text);
    if (hit !== undefined) return hit;
    const value = read();
    if (Array.isArray(value)) Object.freeze(value);
    // A guard for callers that never start an article (a long-lived test process).
    if (this.#seen.size >= 1024) this.#seen.clear();
    this.#seen.set(text, value);
    return value;
  }
}

/** One memo per owner object (a show pack, a regular expression), dropped with its owner. */
export class OwnedMemo<K extends object, T> {
  readonly #owners = new WeakMap<K, TextMemo<T>>();

  get(owner: K, text: string, read: () => T): T {
    let memo = this.#owners.get(owner);
    if (!memo) this.#owners.set(owner, (memo = new TextMemo<T>()));
    return memo.get(text, read);
  }
}
