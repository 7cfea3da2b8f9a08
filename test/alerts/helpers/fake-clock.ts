/**
 * A clock that only moves when something sleeps on it. Sleeping yields to the event loop first,
 * so a worker that polls in a loop still lets the test run in between.
 */
export class FakeClock {
  #ms: number;
  readonly sleeps: number[] = [];

  constructor(start = '2026-03-01T00:00:00.000Z') {
    this.#ms = Date.parse(start);
  }

  now = (): Date => new Date(this.#ms);

  advance(ms: number): void {
    this.#ms += ms;
  }

  sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) return;
    this.sleeps.push(ms);
    this.#ms += Math.max(0, ms);
  };
}

/** A predictable "random": cycles through the given values. */
export function sequenceRandom(values: number[] = [0.5]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0.5;
}
