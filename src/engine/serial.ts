/**
 * Runs async sections one at a time. The poller fetches several feeds at once, but the ledger's
 * read-judge-write of a fact must not interleave between two feeds reporting the same news: both
 * would see "no fact yet" and each would announce it.
 */
export type Exclusive = <T>(section: () => Promise<T>) => Promise<T>;

export function createExclusive(): Exclusive {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(section: () => Promise<T>): Promise<T> => {
    const run = tail.then(section, section);
    // The next section waits for this one whether it succeeds or fails.
    tail = run.catch(() => undefined);
    return run;
  };
}
