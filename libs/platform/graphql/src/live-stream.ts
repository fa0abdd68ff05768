/**
 * A subscription's events, as graphql-js consumes them: each wake-up from `source` (an id, a
 * signal) becomes zero or more events through `read`, which re-reads what the caller may see now;
 * `read` answering null ends the stream (the caller was refused). `first`, when given, is read
 * before any wake-up (a count's current value).
 *
 * Written as an iterator, not an async generator: a generator waiting for its next wake-up cannot
 * be returned until one arrives, so a client that unsubscribes from a quiet stream would leave its
 * listener behind. Here `return()` ends the source at once, waiting or not.
 */
export function liveStream<S, T>(
  source: AsyncIterator<S>,
  read: (wakeup: S) => Promise<readonly T[] | null>,
  first?: () => Promise<readonly T[] | null>,
): AsyncIterableIterator<T> {
  let pending: T[] = [];
  let done = false;
  let started = !first;

  const finish = async (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      pending = [];
      await source.return?.();
    }
    return { value: undefined, done: true };
  };

  const stream: AsyncIterableIterator<T> = {
    async next(): Promise<IteratorResult<T>> {
      for (;;) {
        if (done) return { value: undefined, done: true };
        const value = pending.shift();
        if (value !== undefined) return { value, done: false };
        let events: readonly T[] | null;
        if (!started) {
          started = true;
          events = await (first as () => Promise<readonly T[] | null>)();
        } else {
          const wakeup = await source.next();
          if (wakeup.done) return finish();
          events = await read(wakeup.value);
        }
        if (events === null) return finish();
        // return() may have come while reading: what was read is no longer wanted.
        if (!done) pending.push(...events);
      }
    },
    return: finish,
    async throw(error: unknown): Promise<IteratorResult<T>> {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}
